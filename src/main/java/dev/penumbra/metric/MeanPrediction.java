package dev.penumbra.metric;

/**
 * One image's maps read out of a batch of mean class probabilities (B x C x H x W, row-major), as the evaluation,
 * the pool scoring and the test metrics use them.
 */
public final class MeanPrediction {

    private MeanPrediction() {
    }

    /** @return H x W foreground probability 1 - p(background) of image b, clamped to [0, 1] against rounding */
    public static float[] foreground(float[] mean, int b, int classes, int pixels) {
        float[] fg = new float[pixels];
        int base = b * classes * pixels;
        for (int p = 0; p < pixels; p++) {
            fg[p] = Math.max(0f, Math.min(1f, 1f - mean[base + p]));
        }
        return fg;
    }

    /** @return H x W whether the argmax class of image b is a foreground class (ties: the lower class) */
    public static boolean[] predicted(float[] mean, int b, int classes, int pixels) {
        boolean[] predicted = new boolean[pixels];
        int base = b * classes * pixels;
        for (int p = 0; p < pixels; p++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (mean[base + c * pixels + p] > mean[base + best * pixels + p]) {
                    best = c;
                }
            }
            predicted[p] = best != 0;
        }
        return predicted;
    }
}
