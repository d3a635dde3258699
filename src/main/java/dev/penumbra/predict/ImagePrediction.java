package dev.penumbra.predict;

/**
 * The per-image line of {@code predictions.csv}.
 *
 * @param id                 image id
 * @param meanEntropyBits    mean pixel predictive entropy, in bits
 * @param maxEntropyBits     largest pixel entropy, in bits
 * @param sumEntropyBits     summed pixel entropy, in bits (the paper's image score for active learning)
 * @param foregroundFraction share of pixels whose mean prediction is not background
 * @param diceToMajority     Dice of the mean prediction's argmax (foreground = any non-background class) with the
 *                           pixels marked by at least half of the annotators
 * @param distinctSamples    how many of the drawn sample masks differ from each other
 * @param ged                generalized energy distance of the samples to the annotations (paper estimator)
 * @param sampleDiversity    mean 1 - IoU between the samples (paper estimator)
 */
public record ImagePrediction(String id, double meanEntropyBits, double maxEntropyBits, double sumEntropyBits,
                             double foregroundFraction, double diceToMajority, int distinctSamples, double ged,
                             double sampleDiversity) {
}
