package dev.penumbra.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Work that spans the training loop (DJL's {@code TrainingListener} idea): divergence checks, validation GED, early
 * stopping, checkpoints, the metrics log. Each call receives the loop's {@link TrainingContext}; a listener may throw
 * to end the run (with a message that says what to try), or {@linkplain TrainingContext#requestStop() request a
 * stop} after the epoch.
 *
 * <p>Per epoch the loop calls {@link #onStep} after every update, then validates and calls {@link #onValidation},
 * builds the epoch's record and calls {@link #onEpoch}, decides whether the run has finished, and when it persists
 * calls {@link #onPersist}.
 */
public interface TrainingListener {

    /** Called once before the first epoch, with the fresh or resumed state. */
    default void onTrainingBegin(TrainingContext context) {
    }

    /** Called after each gradient update ({@link TrainingContext#step()} counts it) with the step's loss. */
    default void onStep(TrainingContext context, double loss) {
    }

    /** Called after the epoch's validation loss, before its record: may add scores (the validation GED). */
    default void onValidation(TrainingContext context) {
    }

    /**
     * Called with the epoch's record; {@link TrainingContext#state()} already counts the epoch but is not yet
     * marked finished. May request a stop.
     */
    default void onEpoch(TrainingContext context, EpochRecord record) {
    }

    /**
     * Called whenever the loop persists its state (after every epoch unless {@link TrainingLoop#optPersistEvery}
     * says otherwise, and at the end) with the epochs finished since the last call, oldest first: write what a
     * resumed run needs.
     */
    default void onPersist(TrainingContext context, List<EpochRecord> records) {
    }

    /**
     * Checks a listener's interval or patience.
     *
     * @param what names the value in the message, e.g. "patience"
     * @throws IllegalArgumentException when {@code epochs} is below 1
     */
    static void atLeastOneEpoch(String what, int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException(what + " must be at least 1 epoch, got " + epochs);
        }
    }

    /**
     * The listeners every run has, in order: the divergence check, the validation GED (when the settings measure
     * it), early stopping (when they set a patience), checkpoints and the metrics log.
     */
    static List<TrainingListener> standard(TrainSettings settings) {
        List<TrainingListener> all = new ArrayList<>();
        all.add(new DivergenceCheck());
        if (settings.gedEvery() > 0) {
            all.add(new ValidationGedListener(settings.gedEvery()));
        }
        if (settings.patience() > 0) {
            all.add(new EarlyStopping(settings.patience()));
        }
        all.add(new Checkpointing());
        all.add(new MetricsLog());
        return all;
    }
}
