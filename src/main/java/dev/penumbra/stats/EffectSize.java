package dev.penumbra.stats;

import org.apache.commons.math3.stat.StatUtils;

/** Standardised effect sizes of paired comparisons. */
public final class EffectSize {

    private EffectSize() {
    }

    /**
     * Cohen's d_z of paired samples: the mean of the differences a[i] - b[i] divided by their standard deviation
     * (n - 1 in the denominator); equal to the paired t statistic divided by sqrt(n). Unitless.
     *
     * @return d_z; +-Infinity when every difference is the same non-zero value; NaN when all differences are 0
     * @throws IllegalArgumentException when the samples differ in size or have fewer than 2 values
     */
    public static double cohensDz(double[] a, double[] b) {
        if (a.length != b.length || a.length < 2) {
            throw new IllegalArgumentException("Cohen's d_z needs two paired samples of at least 2 values, got "
                    + a.length + " and " + b.length);
        }
        double mean = StatUtils.meanDifference(a, b);
        double variance = StatUtils.varianceDifference(a, b, mean);
        if (variance == 0) {
            return mean == 0 ? Double.NaN : Math.copySign(Double.POSITIVE_INFINITY, mean);
        }
        return mean / Math.sqrt(variance);
    }

    /** The differences a[i] - b[i]. */
    public static double[] differences(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }
}
