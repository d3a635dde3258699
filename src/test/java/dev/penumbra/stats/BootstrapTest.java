package dev.penumbra.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    private static final double[] DATA = {0.61, 0.52, 0.70, 0.44, 0.58, 0.49, 0.66, 0.71, 0.59};

    @Test
    void sameSeedSameInterval() {
        assertThat(Bootstrap.meanCi(DATA, 2000, 0.95, 7)).isEqualTo(Bootstrap.meanCi(DATA, 2000, 0.95, 7));
        assertThat(Bootstrap.meanCi(DATA, 2000, 0.95, 7)).isNotEqualTo(Bootstrap.meanCi(DATA, 2000, 0.95, 8));
    }

    @Test
    void estimateIsTheSampleMeanAndLiesInsideTheInterval() {
        Bootstrap.Interval ci = Bootstrap.meanCi(DATA, 2000, 0.9, 1);
        assertThat(ci.estimate()).isEqualTo(StatUtils.mean(DATA));
        assertThat(ci.low()).isLessThan(ci.estimate());
        assertThat(ci.high()).isGreaterThan(ci.estimate());
        assertThat(ci.level()).isEqualTo(0.9);
        assertThat(ci.resamples()).isEqualTo(2000);
    }

    @Test
    void constantDataGiveAZeroWidthInterval() {
        double[] constant = new double[25];
        Arrays.fill(constant, 0.1);
        Bootstrap.Interval ci = Bootstrap.meanCi(constant, 500, 0.95, 3);
        assertThat(ci.low()).isCloseTo(0.1, within(1e-15));
        assertThat(ci.high() - ci.low()).isCloseTo(0, within(1e-15));
        Bootstrap.Interval single = Bootstrap.meanCi(new double[] {4.5}, 100, 0.95, 3);
        assertThat(single.low()).isEqualTo(4.5);
        assertThat(single.high()).isEqualTo(4.5);
    }

    /** For normal data the percentile interval of the mean is close to the normal-theory mean +- z sd / sqrt(n). */
    @Test
    void agreesWithTheNormalIntervalOnNormalData() {
        Random random = new Random(20240601L);
        double[] values = new double[400];
        for (int i = 0; i < values.length; i++) {
            values[i] = 3 + 2 * random.nextGaussian();
        }
        Bootstrap.Interval ci = Bootstrap.meanCi(values, 4000, 0.95, 11);
        double z = new NormalDistribution().inverseCumulativeProbability(0.975);
        double halfWidth = z * Math.sqrt(StatUtils.variance(values) / values.length);
        assertThat(ci.high() - ci.low()).isCloseTo(2 * halfWidth, within(0.15 * 2 * halfWidth));
        assertThat((ci.high() + ci.low()) / 2).isCloseTo(StatUtils.mean(values), within(0.15 * halfWidth));
    }

    @Test
    void rejectsEmptyDataAndBadSettings() {
        assertThatThrownBy(() -> Bootstrap.meanCi(new double[0], 100, 0.95, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> Bootstrap.meanCi(DATA, 0, 0.95, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resamples");
        assertThatThrownBy(() -> Bootstrap.meanCi(DATA, 100, 95, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("level");
    }
}
