package dev.penumbra.train;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Where a run stands after an epoch, saved beside the last checkpoint so that {@code --resume} continues exactly.
 *
 * @param epoch           last finished epoch (1-based)
 * @param step            gradient updates so far
 * @param bestEpoch       epoch of the best validation loss
 * @param bestLoss        best validation loss
 * @param epochsSinceBest epochs since the best one (for patience)
 * @param records         the metrics log so far
 * @param finished        whether the run has ended (steps or epochs exhausted, or early stop)
 */
public record TrainingState(int epoch, long step, int bestEpoch, double bestLoss, int epochsSinceBest,
                            @JsonProperty(required = true) List<EpochRecord> records, boolean finished) {

    public static TrainingState start() {
        return new TrainingState(0, 0, 0, Double.POSITIVE_INFINITY, 0, List.of(), false);
    }

    /** @return this state, marked as the end of the run */
    public TrainingState asFinished() {
        return new TrainingState(epoch, step, bestEpoch, bestLoss, epochsSinceBest, records, true);
    }
}
