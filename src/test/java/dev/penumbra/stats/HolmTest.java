package dev.penumbra.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HolmTest {

    /**
     * statsmodels 0.13: {@code multipletests([0.01, 0.04, 0.03, 0.005, 0.2], method='holm')[1]} =
     * [0.04, 0.09, 0.09, 0.025, 0.2].
     */
    @Test
    void matchesStatsmodels() {
        double[] adjusted = Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005, 0.2});
        assertThat(adjusted).containsExactly(new double[] {0.04, 0.09, 0.09, 0.025, 0.2}, within(1e-12));
    }

    @Test
    void capsAtOneAndLeavesUncomputedTestsOutOfTheFamily() {
        // NaN is no member: the family is the two finite p-values, so m = 2
        double[] adjusted = Holm.adjust(new double[] {0.6, Double.NaN, 0.02});
        assertThat(adjusted[0]).isEqualTo(0.6);
        assertThat(adjusted[1]).isNaN();
        assertThat(adjusted[2]).isCloseTo(0.04, within(1e-12));
        assertThat(Holm.adjust(new double[] {0.7, 0.8})).containsExactly(1.0, 1.0);
        assertThat(Holm.adjust(new double[0])).isEmpty();
    }
}
