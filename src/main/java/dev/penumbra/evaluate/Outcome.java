package dev.penumbra.evaluate;

/**
 * The outcome of a pixel's prediction where every annotator agrees (PROTOCOL.md Fig 4): foreground predicted and
 * marked by all annotators (TP), predicted but marked by none (FP), missed although marked by all (FN), or neither
 * (TN). Pixels on which the annotators disagree have no outcome.
 */
public enum Outcome {
    TP, FP, FN, TN;

    /**
     * @param predicted  whether the model predicts foreground
     * @param votes      annotators marking the pixel
     * @param annotators annotators of the image
     * @return the outcome, or null when the annotators disagree
     */
    public static Outcome of(boolean predicted, int votes, int annotators) {
        if (votes == annotators) {
            return predicted ? TP : FN;
        }
        if (votes == 0) {
            return predicted ? FP : TN;
        }
        return null;
    }

    /** Whether the prediction agrees with the annotators. */
    public boolean correct() {
        return this == TP || this == TN;
    }
}
