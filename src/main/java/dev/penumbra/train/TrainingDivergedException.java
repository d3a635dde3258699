package dev.penumbra.train;

/** The loss became NaN or exploded; the message says what to try. */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(String message) {
        super(message);
    }

    /** {@code cause}'s message with {@code more} said after it. */
    public TrainingDivergedException(TrainingDivergedException cause, String more) {
        super(cause.getMessage() + " " + more, cause);
    }
}
