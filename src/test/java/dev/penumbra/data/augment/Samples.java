package dev.penumbra.data.augment;

import dev.penumbra.data.Image;
import dev.penumbra.data.Mask;
import dev.penumbra.data.Sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small synthetic samples for the augmentation tests. */
final class Samples {

    private Samples() {
    }

    /** C x H x W uniform noise in [0, 1]. */
    static Image noiseImage(int channels, int height, int width, long seed) {
        Random rng = new Random(seed);
        Image image = Image.zeros(channels, height, width);
        for (int i = 0; i < image.pixels().length; i++) {
            image.pixels()[i] = rng.nextFloat();
        }
        return image;
    }

    /** H x W mask with each pixel foreground with probability 1/2. */
    static Mask noiseMask(int height, int width, long seed) {
        Random rng = new Random(seed);
        Mask mask = Mask.blank(height, width);
        for (int i = 0; i < mask.pixels().length; i++) {
            mask.pixels()[i] = (byte) (rng.nextBoolean() ? 1 : 0);
        }
        return mask;
    }

    /** H x W mask whose foreground is the rectangle of rows [y0, y1) and columns [x0, x1). */
    static Mask rectangle(int height, int width, int y0, int y1, int x0, int x1) {
        Mask mask = Mask.blank(height, width);
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                mask.set(y, x, (byte) 1);
            }
        }
        return mask;
    }

    /** A sample of a noise image with {@code annotators} different noise masks. */
    static Sample noise(int channels, int height, int width, int annotators, long seed) {
        List<Mask> masks = new ArrayList<>();
        for (int k = 0; k < annotators; k++) {
            masks.add(noiseMask(height, width, seed * 31 + k + 1));
        }
        return new Sample("s" + seed, "g", noiseImage(channels, height, width, seed), masks);
    }
}
