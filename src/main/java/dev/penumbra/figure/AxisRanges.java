package dev.penumbra.figure;

import java.util.Map;

/**
 * Axis ranges chosen from the data, for {@link Charts#lines}: a padded range, so that markers on its ends are drawn
 * whole, and the range of the part of the curves a reader should compare.
 */
public final class AxisRanges {

    private AxisRanges() {
    }

    /**
     * @param low      lower end of the data, e.g. 0 for probabilities
     * @param high     upper end, above {@code low}
     * @param fraction share of the span added on each side, e.g. 0.04
     * @return {low - fraction * span, high + fraction * span}
     * @throws IllegalArgumentException if the ends are not finite with low &lt; high, or the fraction is negative
     */
    public static double[] padded(double low, double high, double fraction) {
        if (!(Double.isFinite(low) && Double.isFinite(high) && low < high) || !(fraction >= 0)) {
            throw new IllegalArgumentException("cannot pad the range " + low + " to " + high + " by " + fraction
                + "; expected finite ends with low < high and a fraction >= 0");
        }
        double pad = fraction * (high - low);
        return new double[] {low - pad, high + pad};
    }

    /**
     * The y range over the points with x at least {@code fromX}, padded: e.g. risk-coverage curves from 10% coverage
     * on, where the first few, most certain pixels make the risk jump between 0 and 1 and would squeeze the rest of
     * the curves into a line.
     *
     * @param series   per series {xs, ys} as for {@link Charts#lines}; NaN ys are left out
     * @param fromX    the smallest x taken into account
     * @param fraction share of the span added on each side
     * @return {min, max} of those ys padded by {@code fraction}; null when they are fewer than two distinct values
     *     (the axis then fits the data by itself)
     */
    public static double[] ysFrom(Map<String, double[][]> series, double fromX, double fraction) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double[][] xy : series.values()) {
            for (int i = 0; i < xy[0].length; i++) {
                if (xy[0][i] >= fromX && Double.isFinite(xy[1][i])) {
                    low = Math.min(low, xy[1][i]);
                    high = Math.max(high, xy[1][i]);
                }
            }
        }
        return low < high ? padded(low, high, fraction) : null;
    }

    /** @return the largest finite y of all series, NaN if there is none */
    public static double maxY(Map<String, double[][]> series) {
        double high = Double.NaN;
        for (double[][] xy : series.values()) {
            for (double y : xy[1]) {
                if (Double.isFinite(y) && !(y <= high)) {
                    high = y;
                }
            }
        }
        return high;
    }
}
