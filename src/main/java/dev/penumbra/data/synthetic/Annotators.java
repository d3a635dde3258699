package dev.penumbra.data.synthetic;

import dev.penumbra.data.Mask;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The simulated annotators of one image. Each annotator, independently:
 * <ol>
 *   <li>picks its boundary level t, uniformly from {@link #LEVELS} levels in [0.2, 0.8] (so masks differ in
 *       extent: a low level draws a wide outline, a high one a tight outline);</li>
 *   <li>decides for each blob whether it is a lesion, with {@link #markProbability} falling with the contrast;</li>
 *   <li>marks every pixel where the profile of a blob it accepted is at least t.</li>
 * </ol>
 * Levels are discrete so that p(a|x) is an exact finite sum and never rounds to 0 or 1 where it is not exactly
 * 0 or 1: the smallest non-zero value is 0.15 / 9, far above the 1 / 65535 resolution of the 16-bit truth files.
 */
final class Annotators {

    static final int COUNT = 4;
    static final int LEVELS = 9;
    static final double LOWEST_LEVEL = 0.2;
    static final double HIGHEST_LEVEL = 0.8;
    /** Chance that an annotator marks the faintest blob. */
    static final double FAINT_MARK_PROBABILITY = 0.15;
    /** Chance that an annotator marks a blob just below {@link Blob#CLEAR_CONTRAST}. */
    static final double NEAR_CLEAR_MARK_PROBABILITY = 0.6;

    private final List<Blob> blobs;
    private final List<double[]> profiles;
    private final int size;

    Annotators(List<Blob> blobs, int size) {
        this.blobs = List.copyOf(blobs);
        this.size = size;
        this.profiles = new ArrayList<>();
        for (Blob b : blobs) {
            profiles.add(b.profile(size));
        }
    }

    /**
     * Chance that one annotator marks a blob: 1 for clear blobs, rising linearly from 0.15 to 0.6 across faint ones.
     */
    static double markProbability(double contrast) {
        if (contrast >= Blob.CLEAR_CONTRAST) {
            return 1.0;
        }
        double t = Math.max(0.0, (contrast - Blob.FAINTEST_CONTRAST) / (Blob.CLEAR_CONTRAST - Blob.FAINTEST_CONTRAST));
        return FAINT_MARK_PROBABILITY + (NEAR_CLEAR_MARK_PROBABILITY - FAINT_MARK_PROBABILITY) * t;
    }

    /** One annotator's decision about a blob of this contrast. */
    static boolean marks(double contrast, SplittableRandom rng) {
        return rng.nextDouble() < markProbability(contrast);
    }

    static double level(int k) {
        return LOWEST_LEVEL + (HIGHEST_LEVEL - LOWEST_LEVEL) * k / (LEVELS - 1);
    }

    /** The mask of one more annotator, drawn from the generative process. */
    Mask draw(SplittableRandom rng) {
        double t = level(rng.nextInt(LEVELS));
        Mask mask = Mask.blank(size, size);
        for (int b = 0; b < blobs.size(); b++) {
            if (!marks(blobs.get(b).contrast(), rng)) {
                continue;
            }
            double[] profile = profiles.get(b);
            for (int i = 0; i < profile.length; i++) {
                if (profile[i] >= t) {
                    mask.pixels()[i] = 1;
                }
            }
        }
        return mask;
    }

    /**
     * The true p(a|x): the chance that an annotator drawn from the process marks each pixel, i.e. the expectation
     * of {@link #draw}, not the mean of a few drawn masks. Equal to 0 exactly where no draw can mark the pixel
     * and to 1 exactly where every draw does.
     *
     * @return size x size probabilities in [0, 1], row-major
     */
    float[] expected() {
        float[] p = new float[size * size];
        for (int i = 0; i < p.length; i++) {
            double sum = 0;
            for (int k = 0; k < LEVELS; k++) {
                double t = level(k);
                double missed = 1.0; // chance that no accepted blob covers the pixel at this level
                for (int b = 0; b < blobs.size(); b++) {
                    if (profiles.get(b)[i] >= t) {
                        missed *= 1.0 - markProbability(blobs.get(b).contrast());
                    }
                }
                sum += 1.0 - missed;
            }
            p[i] = (float) (sum / LEVELS);
        }
        return p;
    }
}
