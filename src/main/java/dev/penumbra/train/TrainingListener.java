package dev.penumbra.train;

/** Work that spans the training loop: logging, checkpoints, early stopping. */
public interface TrainingListener {

    /** Called after each gradient update with the step's loss; may throw to stop the run. */
    default void onStep(long step, double loss) {
    }

    /** Called after each epoch's validation. */
    default void onEpoch(EpochRecord record) {
    }

    /**
     * Called whenever the loop persists its state (after every epoch unless {@link TrainingLoop#optPersistEvery}
     * says otherwise) with the epochs finished since the last call, oldest first.
     */
    default void onEpochs(java.util.List<EpochRecord> records) {
        records.forEach(this::onEpoch);
    }
}
