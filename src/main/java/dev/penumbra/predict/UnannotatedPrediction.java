package dev.penumbra.predict;

/**
 * The per-image line of {@code predictions.csv} for images without annotations ({@code predict --images}). The
 * summaries are taken at the size the model saw (the run's training size), so that they compare between images of
 * different sizes; the maps on disk are at the image's own size.
 *
 * @param id                 image id (file name without extension)
 * @param file               the image file's name
 * @param height             the image's own height, in pixels: that of its maps
 * @param width              the image's own width, in pixels
 * @param meanEntropyBits    mean pixel predictive entropy, in bits
 * @param maxEntropyBits     largest pixel entropy, in bits
 * @param sumEntropyBits     summed pixel entropy at the model's size, in bits
 * @param foregroundFraction share of pixels whose mean prediction is not background
 * @param distinctSamples    how many of the drawn sample masks differ from each other
 * @param sampleDiversity    mean 1 - IoU between the samples (the estimator's pairs; no annotation needed)
 */
public record UnannotatedPrediction(String id, String file, int height, int width, double meanEntropyBits,
                                    double maxEntropyBits, double sumEntropyBits, double foregroundFraction,
                                    int distinctSamples, double sampleDiversity) {
}
