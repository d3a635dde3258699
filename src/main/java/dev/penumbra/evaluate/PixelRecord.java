package dev.penumbra.evaluate;

import dev.penumbra.metric.Annotators;

/**
 * One sampled pixel of one test image under one model: the model's uncertainty and prediction beside the
 * annotators' votes. The same pixels are sampled for every model of an image, so models compare pixel for pixel.
 *
 * @param image              image id
 * @param pixel              row-major pixel index y * W + x
 * @param entropy            predictive entropy of the mean of the samples, bits
 * @param mutualInformation  entropy minus the samples' mean entropy (epistemic part), bits
 * @param foreground         mean foreground probability (1 - p(background)) of the samples
 * @param predicted          whether the mean prediction's argmax is a foreground class
 * @param votes              annotators marking the pixel as foreground
 * @param annotators         annotators of the image
 */
public record PixelRecord(String image, int pixel, float entropy, float mutualInformation, float foreground,
                          boolean predicted, int votes, int annotators) {

    /** @return TP, FP, FN or TN where all annotators agree; null where they disagree */
    public Outcome outcome() {
        return Outcome.of(predicted, votes, annotators);
    }

    /** @return the minority's size: 0 when all agree, 1 for a 3-1 split of four, 2 for 2-2 */
    public int disagreement() {
        return Math.min(votes, annotators - votes);
    }

    /** @return the split of the votes as a label: "all agree", or e.g. "3-1", "2-2" */
    public String agreementLabel() {
        return agreementLabel(disagreement(), annotators);
    }

    /** The label of a disagreement level among {@code annotators}. */
    public static String agreementLabel(int disagreement, int annotators) {
        return disagreement == 0 ? "all agree" : (annotators - disagreement) + "-" + disagreement;
    }

    /** @return entropy in bits of the mean annotation votes / annotators (the annotators' uncertainty) */
    public double annotatorEntropy() {
        return Annotators.binaryEntropyBits(votes / (double) annotators);
    }
}
