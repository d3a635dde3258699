package dev.penumbra.stats;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.penumbra.InputException;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.TestUtils;

import java.util.Locale;

/**
 * Student's, Welch's and the paired t-test, with one- or two-sided p-values, as scipy's {@code ttest_ind} and
 * {@code ttest_rel} and pingouin's {@code ttest} (correction='auto': Welch exactly when the sample sizes differ).
 * The statistic comes from Commons Math's {@code TestUtils}, the p-value from its {@link TDistribution}.
 *
 * <p>If the standard error is zero (no variance in either sample, or identical differences when paired) t is
 * undefined: the result has t = NaN and p = NaN rather than an infinite t.
 */
public final class TTest {

    private TTest() {
    }

    /** The alternative hypothesis, about mean(a) - mean(b) (or the mean difference a - b when paired). */
    public enum Alternative {
        /** mean(a) &lt; mean(b); p = P(T &lt;= t). */
        LESS("less"),
        /** mean(a) &gt; mean(b); p = P(T &gt;= t). */
        GREATER("greater"),
        /** mean(a) != mean(b); p = 2 P(T &gt;= |t|). */
        TWO_SIDED("two-sided");

        private final String label;

        Alternative(String label) {
            this.label = label;
        }

        /** Reads the value of {@code --alternative}: less, greater or two-sided. */
        public static Alternative parse(String text) {
            return InputException.oneOf(values(), a -> a.label.equals(text),
                    () -> "--alternative must be less, greater or two-sided, got '" + text + "'");
        }

        /** The name scipy and pingouin use: less, greater or two-sided. */
        @JsonValue
        public String label() {
            return label;
        }

        /**
         * @return the p-value of statistic t under Student's t with dof degrees of freedom; NaN if t is NaN
         */
        public double pValue(double t, double dof) {
            if (Double.isNaN(t)) {
                return Double.NaN;
            }
            if (Double.isInfinite(t)) {
                boolean below = t < 0;
                return switch (this) {
                    case LESS -> below ? 0.0 : 1.0;
                    case GREATER -> below ? 1.0 : 0.0;
                    case TWO_SIDED -> 0.0;
                };
            }
            TDistribution dist = new TDistribution(null, dof);
            // lower tails only: 1 - cdf would lose the digits of small p-values
            return switch (this) {
                case LESS -> dist.cumulativeProbability(t);
                case GREATER -> dist.cumulativeProbability(-t);
                case TWO_SIDED -> Math.min(1.0, 2 * dist.cumulativeProbability(-Math.abs(t)));
            };
        }
    }

    /**
     * One t-test.
     *
     * @param test "Student", "Welch" or "paired"
     * @param t the t statistic, in units of the standard error of mean(a) - mean(b); for the paired test +-inf
     *          when every difference is the same non-zero value and NaN when all are 0 (as scipy); NaN for the
     *          two-sample test with zero variance in both samples
     * @param dof degrees of freedom (fractional for Welch)
     * @param p the p-value under {@code alternative}; NaN with zero variance
     * @param meanA mean of sample a, in the unit of the data
     * @param meanB mean of sample b, in the unit of the data
     */
    public record Result(String test, double t, double dof, double p, Alternative alternative, int nA, int nB,
            double meanA, double meanB) {

        /** One line, for the command line. */
        public String toText() {
            return String.format(Locale.ROOT, "%s t-test (%s): t = %.4f, dof = %s, p = %.3g, n = %d vs %d,"
                    + " means %.4g vs %.4g", test, alternative.label(), t, formatDof(dof), p, nA, nB, meanA, meanB);
        }

        private static String formatDof(double dof) {
            return dof == Math.rint(dof) ? Long.toString((long) dof) : String.format(Locale.ROOT, "%.2f", dof);
        }
    }

    /** Independent samples: Student's t with pooled variance when the sizes are equal, Welch's t otherwise. */
    public static Result twoSample(double[] a, double[] b, Alternative alt) {
        requireTwo(a.length, b.length);
        double va = StatUtils.variance(a);
        double vb = StatUtils.variance(b);
        boolean student = a.length == b.length;
        double dof = student ? a.length + b.length - 2.0 : welchDof(va / a.length, vb / b.length, a.length, b.length);
        double t = va == 0 && vb == 0 ? Double.NaN : student ? TestUtils.homoscedasticT(a, b) : TestUtils.t(a, b);
        return new Result(student ? "Student" : "Welch", t, dof, alt.pValue(t, dof), alt, a.length, b.length,
                StatUtils.mean(a), StatUtils.mean(b));
    }

    /** Paired samples: the one-sample t-test of the differences a[i] - b[i], with n - 1 degrees of freedom. */
    public static Result paired(double[] a, double[] b, Alternative alt) {
        if (a.length != b.length) {
            throw new InputException("paired t-test needs samples of equal size, got " + a.length + " and "
                    + b.length);
        }
        requireTwo(a.length, b.length);
        double dof = a.length - 1.0;
        double mean = StatUtils.meanDifference(a, b);
        // as scipy: equal non-zero differences give t = +-inf (p = 0 or 1), all-zero differences NaN
        double t = StatUtils.varianceDifference(a, b, mean) == 0
                ? (mean == 0 ? Double.NaN : Math.copySign(Double.POSITIVE_INFINITY, mean))
                : TestUtils.pairedT(a, b);
        return new Result("paired", t, dof, alt.pValue(t, dof), alt, a.length, b.length, StatUtils.mean(a),
                StatUtils.mean(b));
    }

    /** Welch–Satterthwaite degrees of freedom from the squared standard errors of the two means. */
    private static double welchDof(double seA, double seB, int nA, int nB) {
        return (seA + seB) * (seA + seB) / (seA * seA / (nA - 1) + seB * seB / (nB - 1));
    }

    private static void requireTwo(int nA, int nB) {
        if (nA < 2 || nB < 2) {
            throw new InputException("a t-test needs at least 2 values in each sample, got " + nA + " and " + nB);
        }
    }
}
