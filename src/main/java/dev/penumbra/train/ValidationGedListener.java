package dev.penumbra.train;

/**
 * Measures the {@link ValidationGed} (mean GED@16 and sample diversity on the validation images) every
 * {@code every} epochs, after the validation loss, so that the epoch's record and the metrics log carry it. Seeded
 * from the run seed, so epochs and runs compare.
 *
 * @param every measure in every epoch divisible by this, at least 1
 */
public record ValidationGedListener(int every) implements TrainingListener {

    public ValidationGedListener {
        TrainingListener.atLeastOneEpoch("the validation GED interval", every);
    }

    @Override
    public void onValidation(TrainingContext context) {
        if (context.epoch() % every != 0) {
            return;
        }
        TrainSettings settings = context.settings();
        ValidationGed.Scores valGed = new ValidationGed(context.model(), settings.seed(), settings.gedEstimator())
                .mean(context.validation(), context.parameters(), context.manager(), settings.batchSize());
        context.recordValidationGed(valGed.ged(), valGed.diversity());
    }
}
