package dev.penumbra.active;

/**
 * What the acquisition functions know of one unlabelled image after the current model has sampled it.
 *
 * @param id                    image id
 * @param sumEntropy            sum over pixels of the predictive entropy, bits (the paper's score)
 * @param sumMutualInformation  sum over pixels of entropy minus expected entropy, bits (epistemic part)
 * @param foregroundPixels      pixels whose mean prediction is foreground
 * @param pixels                H * W
 * @param embedding             a cheap description of the image: its channels averaged over an 8 x 8 grid, in
 *                              [0, 1]
 */
public record PoolImage(String id, double sumEntropy, double sumMutualInformation, int foregroundPixels, int pixels,
                        float[] embedding) {

    /** Euclidean distance between two embeddings. */
    public static double distance(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
