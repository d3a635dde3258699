package dev.penumbra.data.augment;

import dev.penumbra.InputException;

/**
 * Ranges of the random training transform. Every transform is drawn uniformly from these ranges, see
 * {@link Augmenter#draw(java.util.Random)}.
 *
 * @param maxRotationDeg       rotation angle drawn from [-max, max] degrees; in [0, 180]
 * @param maxTranslateFraction shift drawn per axis from [-max, max] times the image width (x) or height (y), as
 *                             torchvision {@code RandomAffine(translate=(t, t))}; in [0, 1]
 * @param minScale             smallest zoom factor; 0 < minScale <= maxScale
 * @param maxScale             largest zoom factor
 * @param maxShearDeg          x-shear angle drawn from [-max, max] degrees (torchvision's single-number shear); in
 *                             [0, 90)
 * @param hflipProbability     probability of mirroring left-right; in [0, 1]
 * @param vflipProbability     probability of mirroring top-bottom; in [0, 1]
 */
public record AugmentationConfig(double maxRotationDeg, double maxTranslateFraction, double minScale,
                                 double maxScale, double maxShearDeg, double hflipProbability,
                                 double vflipProbability) {

    /** @throws InputException naming the parameter, its value and the allowed range when one is out of range */
    public AugmentationConfig {
        // Written as !(in range) so that NaN is rejected too.
        if (!(maxRotationDeg >= 0 && maxRotationDeg <= 180)) {
            throw outOfRange("maxRotationDeg", maxRotationDeg, "[0, 180] degrees");
        }
        if (!(maxTranslateFraction >= 0 && maxTranslateFraction <= 1)) {
            throw outOfRange("maxTranslateFraction", maxTranslateFraction, "[0, 1] (fraction of the image size)");
        }
        if (!(minScale > 0 && Double.isFinite(minScale))) {
            throw outOfRange("minScale", minScale, "(0, maxScale]");
        }
        if (!(maxScale >= minScale && Double.isFinite(maxScale))) {
            throw outOfRange("maxScale", maxScale, "[minScale = " + minScale + ", infinity)");
        }
        if (!(maxShearDeg >= 0 && maxShearDeg < 90)) {
            throw outOfRange("maxShearDeg", maxShearDeg, "[0, 90) degrees");
        }
        if (!(hflipProbability >= 0 && hflipProbability <= 1)) {
            throw outOfRange("hflipProbability", hflipProbability, "[0, 1]");
        }
        if (!(vflipProbability >= 0 && vflipProbability <= 1)) {
            throw outOfRange("vflipProbability", vflipProbability, "[0, 1]");
        }
    }

    /**
     * The paper's augmentation: rotation within +-180 degrees, translation up to +-50% of the size per axis, scale
     * 0.9..1.1, shear within +-10 degrees, horizontal and vertical flips with probability 0.5 each.
     *
     * <p>The shear range is our choice: the paper only says "small shear", and the published code passed the scale
     * range (0.9, 1.1) as shear degrees by mistake. The published code also discarded the vertical flip; here both
     * flips are applied.
     */
    public static AugmentationConfig paper() {
        return new AugmentationConfig(180, 0.5, 0.9, 1.1, 10, 0.5, 0.5);
    }

    /** Horizontal and vertical flips with probability 0.5 each, nothing else: the demo preset's. */
    public static AugmentationConfig flips() {
        return new AugmentationConfig(0, 0, 1, 1, 0, 0.5, 0.5);
    }

    /** No augmentation: every drawn transform is the identity and samples come back unchanged. */
    public static AugmentationConfig none() {
        return new AugmentationConfig(0, 0, 1, 1, 0, 0, 0);
    }

    private static InputException outOfRange(String name, double value, String range) {
        return new InputException("augmentation " + name + " = " + value + " is out of range: expected " + range);
    }
}
