package dev.penumbra.evaluate;

import dev.penumbra.metric.Ged;

/**
 * The dataset-level scores of an evaluation, by the name they have in every table ({@code images.csv},
 * {@code summary.json}, {@code statistics.json}, the report). Scores of samples carry a sample count
 * ({@link #at(int)}: "ged@16"); the others do not ({@link #key()}: "soft_dice").
 */
public enum Metric {
    /** GED with the paper estimator (annotations re-drawn to the sample count). */
    GED("ged", true),
    /** sample diversity E[d(y, y')] of the paper estimator, pairs i = j included. */
    DIVERSITY("diversity", true),
    /** GED over all given annotations, pairs i = j included. */
    GED_ALL_PAIRS("ged_all_pairs", true),
    /** GED over pairs i != j only. */
    GED_UNBIASED("ged_unbiased", true),
    /** sample diversity over pairs i != j only. */
    DIVERSITY_UNBIASED("diversity_unbiased", true),
    /** IoU of samples and annotations matched by the Hungarian method. */
    HUNGARIAN_IOU("hungarian_iou", true),
    /** GED against the oracle annotators. */
    ORACLE_GED("oracle_ged", true),
    /** the oracle GED a model sampling the true annotator distribution scores. */
    ORACLE_FLOOR("oracle_floor", true),
    /** normalised cross-correlation of the uncertainty and the annotators' disagreement. */
    NCC("ncc", false),
    /** soft Dice of the mean prediction and the mean annotation. */
    SOFT_DICE("soft_dice", false),
    /** mean pixel predictive entropy, bits. */
    ENTROPY("entropy", false),
    /** mean pixel mutual information, bits. */
    MUTUAL_INFORMATION("mutual_information", false),
    /** Dice of the samples' majority and the annotators' majority. */
    MAJORITY_DICE("majority_dice", false),
    /**
     * the majority Dice over the images with a clear lesion: some pixel that every annotator marks (with one
     * annotator, every image with a lesion). A lesion that the annotators split on has no majority to find: a
     * model that marks it in half of its samples, as it should, is at the mercy of a coin there.
     */
    CLEAR_LESION_DICE("clear_lesion_dice", false),
    /** share of samples without foreground. */
    EMPTY_SAMPLES("empty_samples", false);

    private final String text;
    private final boolean counted;

    Metric(String text, boolean counted) {
        this.text = text;
        this.counted = counted;
    }

    /** The GED of an estimator: paper, all-pairs or unbiased. */
    public static Metric ged(Ged.Estimator estimator) {
        return switch (estimator) {
            case PAPER -> GED;
            case ALL_PAIRS -> GED_ALL_PAIRS;
            case UNBIASED -> GED_UNBIASED;
        };
    }

    /** The name in the tables, without a sample count: "ged", "soft_dice". */
    public String text() {
        return text;
    }

    /** Whether the score is of a number of samples, so that its key carries the count. */
    public boolean counted() {
        return counted;
    }

    /** This score at {@code samples} samples per image. */
    public MetricKey at(int samples) {
        return new MetricKey(this, samples);
    }

    /** The key of a score without a sample count. */
    public MetricKey key() {
        return new MetricKey(this, MetricKey.UNCOUNTED);
    }
}
