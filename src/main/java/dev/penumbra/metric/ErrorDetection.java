package dev.penumbra.metric;

import dev.penumbra.stats.Bootstrap;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Pixel uncertainty as a detector of wrong pixels: the area under the ROC curve of an uncertainty score for the
 * erroneous pixels, and the risk-coverage curve of selective prediction with its area (AURC; Geifman and El-Yaniv,
 * NeurIPS 2017, and Geifman et al., ICLR 2019).
 */
public final class ErrorDetection {

    /**
     * The risk-coverage curve: keep only the pixels whose uncertainty is at most a threshold, and plot the share
     * kept against the error rate among them. One point per distinct uncertainty value, in increasing order.
     *
     * @param coverage share of the pixels with uncertainty <= t, in (0, 1], increasing to 1
     * @param risk     error rate among those pixels, in [0, 1]
     * @param aurc     area under the curve, in [0, 1]: lower is better; the overall error rate when every
     *                 uncertainty is equal
     */
    public record RiskCoverage(double[] coverage, double[] risk, double aurc) {
    }

    private ErrorDetection() {
    }

    /**
     * Area under the ROC curve of {@code score} as a detector of the positive class, i.e. the probability that a
     * random positive scores higher than a random negative, ties counting one half (the Mann-Whitney U statistic
     * divided by n_pos n_neg; equal to {@code sklearn.metrics.roc_auc_score(positive, score)}). Computed from the
     * ranks of all scores with ties averaged: AUC = (R_pos - n_pos (n_pos + 1) / 2) / (n_pos n_neg), where R_pos is
     * the sum of the positives' ranks.
     *
     * @param score    one score per item, not NaN (e.g. pixel entropy in bits; only the order matters)
     * @param positive whether each item belongs to the positive class (e.g. the prediction is wrong)
     * @return AUROC in [0, 1] (0.5 for an uninformative score); NaN if either class is empty
     */
    public static double auroc(double[] score, boolean[] positive) {
        requireSameLength(score, positive);
        long nPos = 0;
        for (boolean p : positive) {
            nPos += p ? 1 : 0;
        }
        long nNeg = positive.length - nPos;
        if (nPos == 0 || nNeg == 0) {
            return Double.NaN;
        }
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(score);
        double rankSum = 0;
        for (int i = 0; i < ranks.length; i++) {
            if (positive[i]) {
                rankSum += ranks[i];
            }
        }
        return (rankSum - nPos * (nPos + 1) / 2.0) / ((double) nPos * nNeg);
    }

    /**
     * Percentile bootstrap interval of the AUROC that resamples clusters (images), not items: pixels of one image
     * are not independent, so the image is the unit that is drawn with replacement, carrying all its pixels. The
     * items are sorted once; each resample is then one pass over the tie groups with the clusters' draw counts as
     * weights, O(N). Resamples with one class absent are left out (see {@link dev.penumbra.stats.Bootstrap.Interval#resamples}).
     *
     * @param score     one score per item, not NaN
     * @param positive  whether each item is positive (e.g. a wrong pixel)
     * @param cluster   the cluster of each item, 0 .. K - 1 (e.g. the image's index)
     * @param resamples number of resamples, at least 1
     * @param level     confidence level in (0, 1)
     * @param seed      seed of the resampling
     * @return the AUROC of the data with its interval; NaN throughout if either class is empty
     */
    public static Bootstrap.Interval aurocCi(double[] score, boolean[] positive, int[] cluster, int resamples,
                                             double level, long seed) {
        requireSameLength(score, positive);
        if (cluster.length != score.length || resamples < 1 || !(level > 0 && level < 1)) {
            throw new IllegalArgumentException("clusters " + cluster.length + " for " + score.length + " items,"
                    + " resamples " + resamples + ", level " + level);
        }
        double auc = auroc(score, positive);
        if (Double.isNaN(auc)) {
            return new Bootstrap.Interval(Double.NaN, Double.NaN, Double.NaN, level, resamples);
        }
        int n = score.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        int[] sortedCluster = new int[n];
        boolean[] sortedPositive = new boolean[n];
        int[] groupEnd = new int[n];
        int groups = 0;
        int clusters = 0;
        for (int k = 0; k < n; k++) {
            sortedCluster[k] = cluster[order[k]];
            sortedPositive[k] = positive[order[k]];
            clusters = Math.max(clusters, sortedCluster[k] + 1);
            if (k == n - 1 || score[order[k + 1]] != score[order[k]]) {
                groupEnd[groups++] = k + 1;
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] weights = new double[clusters];
        double[] aucs = new double[resamples];
        int kept = 0;
        for (int r = 0; r < resamples; r++) {
            Arrays.fill(weights, 0);
            for (int c = 0; c < clusters; c++) {
                weights[random.nextInt(clusters)]++;
            }
            double below = 0;
            double num = 0;
            double pos = 0;
            int from = 0;
            for (int g = 0; g < groups; g++) {
                double p = 0;
                double q = 0;
                for (int k = from; k < groupEnd[g]; k++) {
                    double w = weights[sortedCluster[k]];
                    if (sortedPositive[k]) {
                        p += w;
                    } else {
                        q += w;
                    }
                }
                num += p * (below + 0.5 * q);
                below += q;
                pos += p;
                from = groupEnd[g];
            }
            if (pos > 0 && below > 0) {
                aucs[kept++] = num / (pos * below);
            }
        }
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        percentile.setData(Arrays.copyOf(aucs, kept));
        return new Bootstrap.Interval(auc, percentile.evaluate(50 * (1 - level)), percentile.evaluate(50 * (1 + level)),
                level, kept);
    }

    /**
     * The risk-coverage curve of an uncertainty score for the errors, and its area. Pixels are sorted by
     * uncertainty, ascending; at each distinct value t, coverage = |{u <= t}| / N and risk = errors among
     * {u <= t} / |{u <= t}|. AURC = (1/N) sum over the N sorted positions k of the risk at the tie group holding k,
     * so pixels with equal uncertainty are kept or dropped together and the result does not depend on their order.
     * Without ties this is the usual definition mean_k risk(k), risk(k) being the error rate of the k least uncertain
     * pixels.
     *
     * @param uncertainty one finite score per pixel, higher = less trusted (e.g. entropy in bits)
     * @param error       whether the prediction at the pixel is wrong
     * @return the curve and its area; with no pixels, empty arrays and NaN
     */
    public static RiskCoverage riskCoverage(double[] uncertainty, boolean[] error) {
        requireSameLength(uncertainty, error);
        int n = uncertainty.length;
        if (n == 0) {
            return new RiskCoverage(new double[0], new double[0], Double.NaN);
        }
        // the wrong and the right pixels sorted apart, then merged: no boxing, O(N log N)
        double[] wrong = split(uncertainty, error, true);
        double[] right = split(uncertainty, error, false);
        double[] coverage = new double[n];
        double[] risk = new double[n];
        int points = 0;
        int w = 0;
        int r = 0;
        double area = 0;
        while (w + r < n) {
            double t = Math.min(w < wrong.length ? wrong[w] : Double.POSITIVE_INFINITY,
                    r < right.length ? right[r] : Double.POSITIVE_INFINITY);
            int before = w + r;
            while (w < wrong.length && wrong[w] == t) {
                w++;
            }
            while (r < right.length && right[r] == t) {
                r++;
            }
            int kept = w + r;
            double groupRisk = (double) w / kept;
            coverage[points] = (double) kept / n;
            risk[points] = groupRisk;
            points++;
            area += (kept - before) * groupRisk;
        }
        return new RiskCoverage(Arrays.copyOf(coverage, points), Arrays.copyOf(risk, points), area / n);
    }

    private static double[] split(double[] values, boolean[] flag, boolean which) {
        int count = 0;
        for (boolean f : flag) {
            count += f == which ? 1 : 0;
        }
        double[] out = new double[count];
        int k = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("uncertainty of pixel " + i + " is " + values[i]
                        + ": expected a finite number");
            }
            if (flag[i] == which) {
                out[k++] = values[i];
            }
        }
        Arrays.sort(out);
        return out;
    }

    private static void requireSameLength(double[] values, boolean[] flags) {
        if (values.length != flags.length) {
            throw new IllegalArgumentException("scores and labels differ in length: " + values.length + " vs "
                    + flags.length);
        }
    }
}
