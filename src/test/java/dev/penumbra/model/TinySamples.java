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

    /**
     * Multi-class samples: a left square of class 1 (bright) and a right square of class 2 (dark), one annotator;
     * masks hold class indices.
     */
    static List<Sample> classes(int count, int size, int classes, long seed) {
        Random rng = new Random(seed);
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Image image = Image.zeros(1, size, size);
            Mask mask = Mask.blank(size, size);
            int y0 = rng.nextInt(size / 2);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int c = 0;
                    if (y >= y0 && y < y0 + size / 3) {
                        c = x < size / 2 - 2 && x > 2 ? 1 : x > size / 2 + 2 && x < size - 2 ? classes - 1 : 0;
                    }
                    float base = c == 1 ? 0.9f : c == classes - 1 && c != 0 ? 0.1f : 0.5f;
                    image.set(0, y, x, base + 0.05f * (float) rng.nextGaussian());
                    mask.set(y, x, (byte) c);
                }
            }
            out.add(new Sample("mc" + i, "mc" + i, image, List.of(mask)));
        }
        return out;
    }
}
