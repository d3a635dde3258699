package dev.penumbra.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down adjustment of p-values for a family of tests (Holm 1979), as statsmodels'
 * {@code multipletests(p, method='holm')} computes it: with the m p-values sorted ascending, the k-th (1-based) is
 * multiplied by m - k + 1, running maxima make the sequence monotone, and values are capped at 1. It controls the
 * family-wise error rate without assuming independence.
 */
public final class Holm {

    private Holm() {
    }

    /**
     * @param p the family's p-values in any order; NaN entries (tests that could not be computed) are not members
     *          of the family and stay NaN
     * @return the adjusted p-values, in the order of {@code p}
     */
    public static double[] adjust(double[] p) {
        int[] members = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
                .sorted(Comparator.comparingDouble(i -> p[i])).mapToInt(Integer::intValue).toArray();
        double[] out = new double[p.length];
        Arrays.fill(out, Double.NaN);
        int m = members.length;
        double running = 0;
        for (int k = 0; k < m; k++) {
            running = Math.max(running, Math.min(1.0, (m - k) * p[members[k]]));
            out[members[k]] = running;
        }
        return out;
    }
}
