package dev.penumbra.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EffectSizeTest {

    /**
     * numpy 1.24 / scipy 1.10.1: with a = [0.91, 0.72, 0.65, 0.88, 0.79, 0.55, 0.70] and
     * b = [0.80, 0.70, 0.50, 0.81, 0.77, 0.60, 0.52], {@code d = a - b; d.mean() / d.std(ddof=1)} =
     * 0.8804964111919917, equal to {@code ttest_rel(a, b).statistic / sqrt(7)}.
     */
    @Test
    void cohensDzMatchesNumpyAndIsThePairedTOverRootN() {
        double[] a = {0.91, 0.72, 0.65, 0.88, 0.79, 0.55, 0.70};
        double[] b = {0.80, 0.70, 0.50, 0.81, 0.77, 0.60, 0.52};
        assertThat(EffectSize.cohensDz(a, b)).isCloseTo(0.8804964111919917, within(1e-12));
        assertThat(EffectSize.cohensDz(a, b)).isCloseTo(
                TTest.paired(a, b, TTest.Alternative.TWO_SIDED).t() / Math.sqrt(7), within(1e-12));
        assertThat(EffectSize.cohensDz(b, a)).isCloseTo(-0.8804964111919917, within(1e-12));
    }

    @Test
    void equalDifferencesGiveAnInfiniteEffectAndNoDifferenceNone() {
        assertThat(EffectSize.cohensDz(new double[] {1, 2}, new double[] {0, 1})).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(EffectSize.cohensDz(new double[] {1, 2}, new double[] {1, 2})).isNaN();
    }
}
