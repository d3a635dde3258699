package dev.penumbra.active;

/**
 * What one round's model achieves on the test split, and what it selected.
 *
 * @param labelled              labelled images it was trained on
 * @param testLoss              cross-entropy (nats per pixel) of the mean of the samples against every annotation;
 *                              the same measure for every model (not the Prob. U-Net's ELBO)
 * @param ged                   mean GED (paper estimator) at {@link dev.penumbra.model.Sampler#DEFAULT_SAMPLES} samples
 * @param softDice              mean soft Dice of the mean foreground probability against the mean annotation
 * @param meanEntropy           mean pixel predictive entropy, bits
 * @param selectedDisagreement  mean pixel entropy of the mean annotation (bits) of the images this round selected
 *                              (NaN in the last round, which selects nothing)
 * @param selectedForeground    mean share of pixels the annotators mark in the selected images
 * @param poolDisagreement      the same mean over the whole unlabelled pool, for comparison
 */
public record RoundMetrics(int labelled, double testLoss, double ged, double softDice, double meanEntropy,
                           double selectedDisagreement, double selectedForeground, double poolDisagreement) {
}
