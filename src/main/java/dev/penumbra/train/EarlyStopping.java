package dev.penumbra.train;

/**
 * Ends a run once the validation loss has not improved for {@code patience} epochs (the paper's rule); the run is
 * then finished, its best checkpoint that of the best epoch.
 *
 * @param patience epochs without a better validation loss before stopping, at least 1
 */
public record EarlyStopping(int patience) implements TrainingListener {

    public EarlyStopping {
        TrainingListener.atLeastOneEpoch("patience", patience);
    }

    /** A resumed run that had already stopped early says so again. */
    @Override
    public void onTrainingBegin(TrainingContext context) {
        check(context);
    }

    @Override
    public void onEpoch(TrainingContext context, EpochRecord record) {
        check(context);
    }

    private void check(TrainingContext context) {
        if (context.state().epochsSinceBest() >= patience) {
            context.requestStop();
        }
    }
}
