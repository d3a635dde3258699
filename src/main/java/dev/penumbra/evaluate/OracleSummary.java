package dev.penumbra.evaluate;

import dev.penumbra.stats.Bootstrap;

/**
 * A model scored against the oracle annotators of synthetic data, whose answer is known (see {@link OracleScores}
 * for the estimators). Only synthetic data has an oracle; no real dataset can say this much.
 *
 * @param images     test images scored
 * @param draws      oracle annotations per image
 * @param samples    model samples per image (k of GED@k)
 * @param ged        dataset mean GED@k against the oracle halves, with bootstrap 95% interval
 * @param floor      dataset mean GED@k of oracle draws against the other half: what a perfect model scores
 * @param ratio      ged / floor of the dataset means (1 = as good as the truth; NaN when the floor is 0)
 * @param excess     ged - floor, dataset mean over images with bootstrap 95% interval (0 = perfect)
 * @param ece        expected calibration error of the mean foreground probability against the true p(a|x)
 * @param annotatorEce the same error of the four annotators' mean vote: what the annotators themselves reach
 */
public record OracleSummary(int images, int draws, int samples, Bootstrap.Interval ged, Bootstrap.Interval floor,
                            double ratio, Bootstrap.Interval excess, double ece, double annotatorEce) {
}
