package dev.penumbra.data.synthetic;

import dev.penumbra.InputException;
import dev.penumbra.data.Split;

/**
 * How much synthetic data to make. Checked on construction, so an instance is always valid.
 *
 * @param size  side of the square images in pixels, 16..1024
 * @param train images (= patients) in the train split, at least 1
 * @param val   images in the validation split, at least 1
 * @param test  images in the test split, at least 1
 * @param seed  the only source of randomness: same options, same bytes
 */
public record SyntheticOptions(int size, int train, int val, int test, long seed) {

    public static final int MIN_SIZE = 16;
    /** Larger images gain nothing for a synthetic stand-in and would only exhaust memory. */
    public static final int MAX_SIZE = 1024;
    /**
     * A bound against a mistyped count rather than a limit of the generator: an ambiguous image is 38 files, so a
     * million images are 38 million files.
     */
    public static final int MAX_IMAGES = 1_000_000;

    public SyntheticOptions {
        if (size < MIN_SIZE) {
            throw new InputException("--size must be at least " + MIN_SIZE + ", got " + size);
        }
        if (size > MAX_SIZE) {
            throw new InputException("--size must be at most " + MAX_SIZE + ", got " + size);
        }
        requirePositive("--train", train);
        requirePositive("--val", val);
        requirePositive("--test", test);
        long total = (long) train + val + test;
        if (total > MAX_IMAGES) {
            throw new InputException("--count (train + val + test images) must be at most " + MAX_IMAGES + ", got "
                    + total);
        }
    }

    /**
     * 64 x 64 pixels, 48 / 24 / 40 images, seed 42: small enough for a demo that trains on 2 CPU cores. The test
     * split is the largest so that the statistics over images rest on enough of them: with 16 test images only 8
     * had a lesion that most annotators mark, and the correlations rested on 4 to 8 images.
     */
    public static SyntheticOptions defaults() {
        return new SyntheticOptions(64, 48, 24, 40, 42L);
    }

    /** The number of images in one split. */
    public int count(Split split) {
        return switch (split) {
            case TRAIN -> train;
            case VAL -> val;
            case TEST -> test;
        };
    }

    private static void requirePositive(String option, int value) {
        if (value < 1) {
            throw new InputException(option + " must be at least 1, got " + value);
        }
    }
}
