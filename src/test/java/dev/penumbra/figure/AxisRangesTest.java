package dev.penumbra.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

class AxisRangesTest {

    @Test
    void paddingWidensBothEndsByTheShareOfTheSpan() {
        assertThat(AxisRanges.padded(0, 1, 0.04)).containsExactly(new double[] {-0.04, 1.04}, within(1e-12));
        assertThat(AxisRanges.padded(0.2, 0.4, 0.5)).containsExactly(new double[] {0.1, 0.5}, within(1e-12));
        assertThatThrownBy(() -> AxisRanges.padded(1, 1, 0.1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("1.0 to 1.0");
    }

    /** A risk-coverage curve whose first, most certain pixels are all wrong: the jump to 1 is left out. */
    @Test
    void theYRangeFollowsTheCurvesFromTheGivenXOnAndSkipsGaps() {
        LinkedHashMap<String, double[][]> series = new LinkedHashMap<>();
        series.put("softmax", new double[][] {{0.01, 0.05, 0.1, 0.5, 1.0}, {1.0, 0.6, 0.03, 0.02, 0.05}});
        series.put("punet", new double[][] {{0.02, 0.2, 0.6, 1.0}, {0.0, 0.01, Double.NaN, 0.04}});

        double[] y = AxisRanges.ysFrom(series, 0.1, 0.0);

        assertThat(y).containsExactly(new double[] {0.01, 0.05}, within(1e-12));
        assertThat(AxisRanges.ysFrom(series, 0.1, 0.1)).containsExactly(new double[] {0.006, 0.054}, within(1e-12));
        assertThat(AxisRanges.maxY(series)).isEqualTo(1.0);
    }

    @Test
    void aFlatOrEmptyPartLeavesTheAxisToFitItself() {
        LinkedHashMap<String, double[][]> series = new LinkedHashMap<>();
        series.put("ensemble", new double[][] {{0.05, 0.5, 1.0}, {0.3, 0.0, 0.0}});

        assertThat(AxisRanges.ysFrom(series, 0.1, 0.04)).isNull();
        assertThat(AxisRanges.ysFrom(new LinkedHashMap<>(), 0.1, 0.04)).isNull();
        assertThat(AxisRanges.maxY(new LinkedHashMap<>())).isNaN();
    }
}
