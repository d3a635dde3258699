package dev.penumbra.train;

/** Work that spans the training loop: logging, checkpoints, early stopping. */
public interface TrainingListener {

    /** Called after each gradient update with the step's loss; may throw to stop the run. */
    default void onStep(long step, double loss) {
    }

    /** Called after each epoch's validation. */
    default void onEpoch(EpochRecord record) {
    }
}
