package dev.penumbra.train;

/**
 * One line of the metrics log.
 *
 * @param epoch          1-based epoch number
 * @param step           gradient updates so far
 * @param trainLoss      mean training loss over the epoch's steps
 * @param validationLoss mean validation loss after the epoch (NaN without validation data)
 * @param best           whether this epoch has the lowest validation loss so far
 * @param seconds        wall time since the start of training, in seconds
 */
public record EpochRecord(int epoch, long step, double trainLoss, double validationLoss, boolean best,
                          double seconds) {
}
