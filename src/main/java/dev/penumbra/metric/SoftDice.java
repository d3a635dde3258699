package dev.penumbra.metric;

/**
 * Soft Dice between the model's mean foreground probability (the mean-probability heat-map) and the annotators'
 * mean mask, in the published form used by the evaluation of Czolbe et al. ("Is segmentation uncertainty useful?",
 * IPMI 2021): the squared-denominator soft Dice of Milletari et al. (V-Net, 3DV 2016).
 */
public final class SoftDice {

    /** Added to numerator and denominator, as published. */
    public static final double EPS = 1e-6;

    private SoftDice() {
    }

    /**
     * Soft Dice (2 sum(x y) + eps) / (sum(x^2) + sum(y^2) + eps), eps = 1e-6, summed over the pixels of one image.
     *
     * <p>Note that the published formula divides by the sums of SQUARES of x and y, not by their sums (the form
     * 2 sum(x y) / (sum x + sum y) is a different, also common, soft Dice). The two agree on binary x and y; on soft
     * values the squared form is larger. Two empty maps give 1.
     *
     * @param foregroundProbability x: H x W, the model's mean foreground probability per pixel, in [0, 1]
     * @param meanAnnotation        y: H x W, the fraction of annotators who mark the pixel, in [0, 1]
     * @return soft Dice, in [0, 1] for inputs in [0, 1] (dimensionless)
     */
    public static double of(float[] foregroundProbability, float[] meanAnnotation) {
        float[] x = foregroundProbability;
        float[] y = meanAnnotation;
        if (x.length != y.length) {
            throw new IllegalArgumentException("maps differ in size: " + x.length + " vs " + y.length + " pixels");
        }
        double both = 0;
        double squares = 0;
        for (int i = 0; i < x.length; i++) {
            both += (double) x[i] * y[i];
            squares += (double) x[i] * x[i] + (double) y[i] * y[i];
        }
        return (2 * both + EPS) / (squares + EPS);
    }
}
