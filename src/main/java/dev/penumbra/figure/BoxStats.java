package dev.penumbra.figure;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.jfree.data.statistics.BoxAndWhiskerItem;

/**
 * Tukey box statistics as matplotlib and seaborn draw them: quartiles by linear interpolation (numpy's default,
 * R's type 7), whiskers at the most extreme values within 1.5 IQR of the box, every value beyond them an outlier.
 */
final class BoxStats {

    private static final double WHISKER_IQR = 1.5;

    private BoxStats() {
    }

    /** A box that also knows how many values it summarises, so the figure can print its n. */
    static final class Counted extends BoxAndWhiskerItem {

        private static final long serialVersionUID = 1L;
        private final int count;

        Counted(int count, Double mean, Double median, Double q1, Double q3, Double lowWhisker, Double highWhisker,
                Double min, Double max, List<Double> outliers) {
            super(mean, median, q1, q3, lowWhisker, highWhisker, min, max, outliers);
            this.count = count;
        }

        /** @return the finite values in the box, 0 for an empty group */
        int count() {
            return count;
        }
    }

    /**
     * @param values any numbers; null, NaN and infinite entries are left out
     * @return the box of the finite values, in the slots of a {@link BoxAndWhiskerItem}, except that its
     *     "min/max outlier" hold the smallest and largest value overall (so the axis takes in every dot); an item
     *     whose fields are all null when no finite value is left, which {@link BoxRenderer} draws as "n = 0" only
     */
    static Counted of(List<Double> values) {
        double[] v = finite(values);
        if (v.length == 0) {
            return new Counted(0, null, null, null, null, null, null, null, null, List.of());
        }
        Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
        percentile.setData(v);
        double q1 = percentile.evaluate(25);
        double median = percentile.evaluate(50);
        double q3 = percentile.evaluate(75);
        double lowFence = q1 - WHISKER_IQR * (q3 - q1);
        double highFence = q3 + WHISKER_IQR * (q3 - q1);
        double lowWhisker = Double.POSITIVE_INFINITY;
        double highWhisker = Double.NEGATIVE_INFINITY;
        List<Double> outliers = new ArrayList<>();
        for (double x : v) {
            if (x < lowFence || x > highFence) {
                outliers.add(x);
            } else {
                lowWhisker = Math.min(lowWhisker, x);
                highWhisker = Math.max(highWhisker, x);
            }
        }
        return new Counted(v.length, StatUtils.mean(v), median, q1, q3, lowWhisker, highWhisker, StatUtils.min(v),
            StatUtils.max(v), outliers);
    }

    private static double[] finite(List<Double> values) {
        if (values == null) {
            return new double[0];
        }
        return values.stream().filter(x -> x != null && Double.isFinite(x)).mapToDouble(Double::doubleValue).toArray();
    }
}
