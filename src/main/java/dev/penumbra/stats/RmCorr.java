package dev.penumbra.stats;

import dev.penumbra.InputException;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.util.FastMath;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Repeated-measures correlation (Bakdash and Marusich, "Repeated Measures Correlation", Frontiers in Psychology
 * 8:456, 2017): the common within-subject association of x and y when each subject is measured several times.
 * Computed as pingouin's {@code rm_corr}: r is the Pearson correlation of x and y after subtracting each subject's
 * own means (equal to the signed root of SS_x / (SS_x + SS_residual) of the ANCOVA y ~ subject + x), with
 * dof = N - S - 1 for N observations of S subjects, a two-sided p-value from Student's t with dof degrees of
 * freedom, t = r sqrt(dof / (1 - r^2)), and a 95% confidence interval from Fisher's z with n = dof + 2:
 * tanh(atanh(r) &plusmn; z_0.975 / sqrt(dof - 1)).
 *
 * <p>If x or y does not vary within any subject, r is undefined and the result has r, p and the interval NaN.
 * With dof = 1 the interval is [-1, 1].
 */
public final class RmCorr {

    private static final double CONFIDENCE = 0.95;

    private RmCorr() {
    }

    /**
     * One repeated-measures correlation.
     *
     * @param r the correlation, unitless in [-1, 1]; NaN without within-subject variation
     * @param dof degrees of freedom, N - S - 1
     * @param p two-sided p-value of r = 0
     * @param ciLow lower end of the 95% confidence interval of r
     * @param ciHigh upper end of the 95% confidence interval of r
     * @param observations N, the number of (x, y) pairs
     * @param subjects S, the number of distinct subjects
     */
    public record Result(double r, int dof, double p, double ciLow, double ciHigh, int observations, int subjects) {

        /** One line, for the command line. */
        public String toText() {
            return String.format(Locale.ROOT, "rm_corr: r = %.4f, dof = %d, p = %.3g, 95%% CI [%.4f, %.4f],"
                    + " %d observations, %d subjects", r, dof, p, ciLow, ciHigh, observations, subjects);
        }
    }

    /**
     * @param x first measurement per observation, any unit
     * @param y second measurement per observation, any unit
     * @param subject who was measured, per observation
     * @throws InputException if there are fewer than S + 2 observations (dof &lt; 1)
     */
    public static Result compute(double[] x, double[] y, String[] subject) {
        if (x.length != y.length || x.length != subject.length) {
            throw new IllegalArgumentException("x, y and subject differ in length: " + x.length + ", " + y.length
                    + ", " + subject.length);
        }
        List<int[]> groups = bySubject(subject);
        int n = x.length;
        int s = groups.size();
        int dof = n - s - 1;
        if (dof < 1) {
            throw new InputException(String.format(Locale.ROOT, "rm_corr needs at least one observation more than"
                    + " the subjects + 1: %d observations of %d subjects leave %d degrees of freedom (N - S - 1)",
                    n, s, dof));
        }
        if (!variesWithin(x, groups) || !variesWithin(y, groups)) {
            return new Result(Double.NaN, dof, Double.NaN, Double.NaN, Double.NaN, n, s);
        }
        double r = new PearsonsCorrelation().correlation(centred(x, groups), centred(y, groups));
        double t = r * FastMath.sqrt(dof / (1 - r * r));
        double p = TTest.Alternative.TWO_SIDED.pValue(t, dof);
        double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.5 + CONFIDENCE / 2);
        double half = z / FastMath.sqrt(dof - 1.0);
        double centre = FastMath.atanh(r);
        return new Result(r, dof, p, FastMath.tanh(centre - half), FastMath.tanh(centre + half), n, s);
    }

    /**
     * Subject-level percentile bootstrap interval of r: the subjects are drawn with replacement (a subject drawn
     * twice counts as two), each keeping all its observations, and r is recomputed on every resample. It needs no
     * assumption of independent observations within a subject, which the Fisher interval of {@link #compute}
     * makes. Because r is the correlation of the within-subject centred values, each resample is a sum over
     * per-subject cross-products: O(S) per resample.
     *
     * @param resamples number of resamples, at least 1
     * @param level     confidence level in (0, 1)
     * @param seed      seed of the resampling
     * @return r of the data with the interval; NaN throughout when r is undefined
     */
    public static Bootstrap.Interval bootstrapCi(double[] x, double[] y, String[] subject, int resamples,
                                                 double level, long seed) {
        if (resamples < 1 || !(level > 0 && level < 1)) {
            throw new IllegalArgumentException("resamples " + resamples + ", level " + level);
        }
        List<int[]> groups = bySubject(subject);
        double[] cx = centred(x, groups);
        double[] cy = centred(y, groups);
        int s = groups.size();
        double[] sxy = new double[s];
        double[] sxx = new double[s];
        double[] syy = new double[s];
        for (int k = 0; k < s; k++) {
            for (int i : groups.get(k)) {
                sxy[k] += cx[i] * cy[i];
                sxx[k] += cx[i] * cx[i];
                syy[k] += cy[i] * cy[i];
            }
        }
        double r = correlation(sxy, sxx, syy, null);
        if (Double.isNaN(r)) {
            return new Bootstrap.Interval(Double.NaN, Double.NaN, Double.NaN, level, resamples);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] rs = new double[resamples];
        int[] drawn = new int[s];
        int kept = 0;
        for (int b = 0; b < resamples; b++) {
            for (int k = 0; k < s; k++) {
                drawn[k] = random.nextInt(s);
            }
            double one = correlation(sxy, sxx, syy, drawn);
            if (!Double.isNaN(one)) {
                rs[kept++] = one; // a resample of subjects without variation has no r: it is left out
            }
        }
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        percentile.setData(Arrays.copyOf(rs, kept));
        return new Bootstrap.Interval(r, percentile.evaluate(50 * (1 - level)), percentile.evaluate(50 * (1 + level)),
                level, kept);
    }

    /** r from per-subject sums, over the subjects {@code drawn} (all once when null); NaN without variation. */
    private static double correlation(double[] sxy, double[] sxx, double[] syy, int[] drawn) {
        double xy = 0;
        double xx = 0;
        double yy = 0;
        int n = drawn == null ? sxy.length : drawn.length;
        for (int i = 0; i < n; i++) {
            int k = drawn == null ? i : drawn[i];
            xy += sxy[k];
            xx += sxx[k];
            yy += syy[k];
        }
        return xx > 0 && yy > 0 ? xy / Math.sqrt(xx * yy) : Double.NaN;
    }

    /** Row indices per subject, in order of first appearance. */
    private static List<int[]> bySubject(String[] subject) {
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        for (int i = 0; i < subject.length; i++) {
            if (subject[i] == null) {
                throw new IllegalArgumentException("subject of observation " + i + " is null");
            }
            rows.computeIfAbsent(subject[i], k -> new ArrayList<>()).add(i);
        }
        List<int[]> groups = new ArrayList<>();
        rows.values().forEach(g -> groups.add(g.stream().mapToInt(Integer::intValue).toArray()));
        return groups;
    }

    /** Exact test, so that rounding in the subject means cannot fake a tiny variance. */
    private static boolean variesWithin(double[] v, List<int[]> groups) {
        for (int[] g : groups) {
            for (int i : g) {
                if (v[i] != v[g[0]]) {
                    return true;
                }
            }
        }
        return false;
    }

    private static double[] centred(double[] v, List<int[]> groups) {
        double[] out = new double[v.length];
        for (int[] g : groups) {
            double mean = 0;
            for (int i : g) {
                mean += v[i];
            }
            mean /= g.length;
            for (int i : g) {
                out[i] = v[i] - mean;
            }
        }
        return out;
    }
}
