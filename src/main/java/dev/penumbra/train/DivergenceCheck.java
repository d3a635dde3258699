package dev.penumbra.train;

/**
 * Stops training when the loss becomes NaN or infinite, or explodes past a bound; the message says what to try.
 * The weights of the bad step are never applied, and {@link TrainingLoop} adds whether a checkpoint was kept.
 */
public final class DivergenceCheck implements TrainingListener {

    /** A loss above this (cross-entropy of a few nats is normal) means training has blown up. */
    public static final double EXPLODED = 1e4;

    @Override
    public void onStep(TrainingContext context, double loss) {
        long step = context.step();
        if (!Double.isFinite(loss) || loss > EXPLODED) {
            throw new TrainingDivergedException("training diverged at step " + step + ": the loss "
                    + (Double.isFinite(loss) ? "exploded to " + loss : "became " + loss)
                    + ". Try a lower --lr (e.g. a tenth of it), class weights closer to 1, or check the data with"
                    + " 'penumbra data check'.");
        }
    }
}
