package dev.penumbra.train;

/**
 * Stops training when the loss becomes NaN or infinite, or explodes past a bound. The last good checkpoint stays
 * on disk; the message says what to try.
 */
public final class DivergenceCheck implements TrainingListener {

    /** A loss above this (cross-entropy of a few nats is normal) means training has blown up. */
    public static final double EXPLODED = 1e4;

    @Override
    public void onStep(long step, double loss) {
        if (!Double.isFinite(loss) || loss > EXPLODED) {
            throw new TrainingDivergedException("training diverged at step " + step + ": the loss became "
                    + (Double.isFinite(loss) ? "exploded (" + loss + ")" : Double.toString(loss))
                    + ". The last good checkpoint is kept. Try a lower --lr (e.g. a tenth of it),"
                    + " class weights closer to 1, or check the data with 'penumbra data check'.");
        }
    }
}
