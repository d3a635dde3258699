package dev.penumbra.evaluate;

import dev.penumbra.health.HealthFlag;
import dev.penumbra.metric.Calibration;
import dev.penumbra.stats.Bootstrap;

import java.util.List;
import java.util.Map;

/**
 * The dataset-level results of one model.
 *
 * @param label                 the model's label
 * @param images                test images
 * @param means                 dataset means of the per-image scores with bootstrap 95% intervals, by metric (written by
 *                              name: "ged@16", "diversity@16", "ged_unbiased@16", "soft_dice", ...)
 * @param ece                   expected calibration error of the foreground probability (all pixels)
 * @param reliability           the reliability diagram's bins
 * @param auroc                 AUROC of pixel entropy for "prediction wrong" (sampled pixels where annotators agree)
 * @param aurc                  area under the risk-coverage curve (same pixels; lower is better)
 * @param errorRate             share of those pixels predicted wrongly (the AURC of a useless ranking)
 * @param correctness           rm_corr of correctness (1 correct, 0 wrong) with entropy
 * @param agreement             rm_corr of annotator disagreement level with entropy; null for one annotator
 * @param outcomeMedians        median pixel entropy (bits) by TP / FP / FN / TN
 * @param outcomeCounts         sampled pixels by outcome
 * @param agreementMedians      median pixel entropy (bits) by annotator agreement ("all agree", "3-1", ...)
 * @param health                the health checks that fired (empty: none); see {@link dev.penumbra.health}
 * @param oracle                the scores against the oracle annotators, or null when the data has none
 * @param aurocCi               the AUROC with an image-level bootstrap 95% interval (images resampled, each with
 *                              all its judged pixels); null when not computable or in files written before it
 * @param origin                where the model's samples come from (a run or prediction files) and what is not
 *                              evaluated for it; null in files written before it (a run)
 */
public record ModelSummary(String label, int images, Map<MetricKey, Bootstrap.Interval> means, double ece,
                           List<Calibration.Bin> reliability, double auroc, double aurc, double errorRate,
                           Correlation correctness, Correlation agreement, Map<String, Double> outcomeMedians,
                           Map<String, Integer> outcomeCounts, Map<String, Double> agreementMedians,
                           List<HealthFlag> health, OracleSummary oracle, Bootstrap.Interval aurocCi,
                           ModelOrigin origin) {

    public ModelSummary {
        health = health == null ? List.of() : List.copyOf(health); // evaluation.json written before the checks
    }

    /** The summary of a trained run. */
    public ModelSummary(String label, int images, Map<MetricKey, Bootstrap.Interval> means, double ece,
                        List<Calibration.Bin> reliability, double auroc, double aurc, double errorRate,
                        Correlation correctness, Correlation agreement, Map<String, Double> outcomeMedians,
                        Map<String, Integer> outcomeCounts, Map<String, Double> agreementMedians,
                        List<HealthFlag> health, OracleSummary oracle, Bootstrap.Interval aurocCi) {
        this(label, images, means, ece, reliability, auroc, aurc, errorRate, correctness, agreement, outcomeMedians,
                outcomeCounts, agreementMedians, health, oracle, aurocCi, null);
    }

    /** The dataset mean of {@code key}, or NaN when no image defines it. */
    public double estimate(MetricKey key) {
        Bootstrap.Interval mean = means.get(key);
        return mean == null ? Double.NaN : mean.estimate();
    }

    /** Whether any health check fired. */
    public boolean flagged() {
        return !health.isEmpty();
    }
}
