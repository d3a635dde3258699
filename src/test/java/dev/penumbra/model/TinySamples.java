package dev.penumbra.model;

import dev.penumbra.data.Image;
import dev.penumbra.data.Mask;
import dev.penumbra.data.Sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Tiny, learnable samples for model tests: a bright square on noise, annotated by a few annotators. */
final class TinySamples {

    private TinySamples() {
    }

    static List<Sample> squares(int count, int size, int annotators, long seed) {
        Random rng = new Random(seed);
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int side = size / 4 + rng.nextInt(size / 4);
            int y0 = rng.nextInt(size - side);
            int x0 = rng.nextInt(size - side);
            Image image = Image.zeros(1, size, size);
            List<Mask> masks = new ArrayList<>();
            for (int a = 0; a < annotators; a++) {
                masks.add(Mask.blank(size, size));
            }
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    boolean inside = y >= y0 && y < y0 + side && x >= x0 && x < x0 + side;
                    image.set(0, y, x, (inside ? 0.75f : 0.2f) + 0.1f * (float) rng.nextGaussian());
                    for (Mask m : masks) {
                        m.set(y, x, (byte) (inside ? 1 : 0));
                    }
                }
            }
            out.add(new Sample("sq" + i, "sq" + i, image, masks));
        }
        return out;
    }
}
