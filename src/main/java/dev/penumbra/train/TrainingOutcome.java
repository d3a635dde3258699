package dev.penumbra.train;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What a finished training run reports.
 *
 * @param epochs         every epoch's record, including those of a resumed earlier part
 * @param bestEpoch      epoch with the lowest validation loss (its weights are the best checkpoint)
 * @param bestLoss       that validation loss
 * @param steps          gradient updates in total
 * @param stoppedEarly   whether early stopping ended the run
 * @param seconds        wall time of training, in seconds (this part of a resumed run)
 */
public record TrainingOutcome(@JsonProperty(required = true) List<EpochRecord> epochs, int bestEpoch, double bestLoss, long steps,
                              boolean stoppedEarly, double seconds) {
}
