package dev.penumbra.train;

/**
 * One line of the metrics log.
 *
 * @param epoch          1-based epoch number
 * @param step           gradient updates so far
 * @param trainLoss      mean training loss over the epoch's steps
 * @param validationLoss mean validation loss after the epoch (NaN without validation data)
 * @param validationGed  mean validation GED@16 (paper estimator), or NaN in epochs where it was not computed
 * @param best           whether this epoch has the lowest validation loss so far
 * @param seconds        wall time since the start of training, in seconds
 */
public record EpochRecord(int epoch, long step, double trainLoss, double validationLoss, double validationGed,
                          boolean best, double seconds) {
}
