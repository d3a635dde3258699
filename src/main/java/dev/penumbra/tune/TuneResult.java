package dev.penumbra.tune;

import java.util.Map;

/**
 * One point of a grid after training.
 *
 * @param name            the point's folder name, e.g. "dropout-0.3"
 * @param settings        the values of the point, by setting name
 * @param validationGed   mean GED@16 (paper estimator) on the validation split: the selection criterion
 * @param validationLoss  the best validation loss of the run
 * @param bestEpoch       the epoch of that loss (its checkpoint is the one measured)
 * @param steps           gradient updates trained
 * @param run             the run folder
 * @param best            whether this point has the lowest validation GED (the first of equals)
 */
public record TuneResult(String name, Map<String, Double> settings, double validationGed, double validationLoss,
                         int bestEpoch, long steps, String run, boolean best) {

    TuneResult asBest() {
        return new TuneResult(name, settings, validationGed, validationLoss, bestEpoch, steps, run, true);
    }
}
