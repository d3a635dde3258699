package dev.penumbra.stats;

import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

import java.util.SplittableRandom;

/**
 * Percentile bootstrap confidence intervals (Efron and Tibshirani, "An Introduction to the Bootstrap", 1993,
 * ch. 13): resample the data with replacement, take the statistic of each resample, and report the
 * (1 - level) / 2 and (1 + level) / 2 percentiles of those statistics. Percentiles interpolate linearly between
 * order statistics (Hyndman and Fan type 7, numpy's default). Same seed, same interval.
 */
public final class Bootstrap {

    private Bootstrap() {
    }

    /**
     * A point estimate with its bootstrap interval.
     *
     * @param estimate the statistic of the data itself, in the unit of the data
     * @param low lower end of the interval, in the unit of the data
     * @param high upper end of the interval, in the unit of the data
     * @param level the confidence level, e.g. 0.95
     * @param resamples how many bootstrap resamples the interval rests on
     */
    public record Interval(double estimate, double low, double high, double level, int resamples) {
    }

    /**
     * Percentile bootstrap interval of the mean.
     *
     * @param values the sample; a single value gives the interval [v, v]
     * @param resamples number of resamples, at least 1 (a few thousand for a 95% interval)
     * @param level confidence level in (0, 1)
     * @param seed seed of the resampling
     * @throws IllegalArgumentException if values is empty, resamples &lt; 1 or level is outside (0, 1)
     */
    public static Interval meanCi(double[] values, int resamples, double level, long seed) {
        if (values.length == 0) {
            throw new IllegalArgumentException("bootstrap of an empty sample");
        }
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be at least 1, got " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        double[] means = resampledMeans(values, resamples, new SplittableRandom(seed));
        Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
        percentile.setData(means);
        return new Interval(StatUtils.mean(values), percentile.evaluate(50 * (1 - level)),
                percentile.evaluate(50 * (1 + level)), level, resamples);
    }

    private static double[] resampledMeans(double[] values, int resamples, SplittableRandom random) {
        double[] sample = new double[values.length];
        double[] means = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < sample.length; i++) {
                sample[i] = values[random.nextInt(values.length)];
            }
            means[r] = StatUtils.mean(sample);
        }
        return means;
    }
}
