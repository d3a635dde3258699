package dev.penumbra.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.penumbra.metric.Calibration.Bin;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void handCaseWithOneAnnotator() {
        // 2 bins. [0, 0.5): p = 0.2, 0.4 with labels 0, 1 -> mean p 0.3, observed 0.5
        //         [0.5, 1]: p = 0.6, 1.0 with labels 1, 1 -> mean p 0.8, observed 1 (p = 1 falls in the last bin)
        // ECE = 2/4 * |0.3 - 0.5| + 2/4 * |0.8 - 1| = 0.1 + 0.1 = 0.2
        Calibration c = new Calibration(2);
        c.add(0.2, 0);
        c.add(0.4, 1);
        c.add(0.6, 1);
        c.add(1.0, 1);
        List<Bin> bins = c.bins();
        assertThat(c.count()).isEqualTo(4);
        assertThat(bins).hasSize(2);
        assertThat(bins.get(0).lower()).isEqualTo(0.0);
        assertThat(bins.get(0).upper()).isEqualTo(0.5);
        assertThat(bins.get(0).count()).isEqualTo(2);
        assertThat(bins.get(0).meanPredicted()).isCloseTo(0.3, within(1e-12));
        assertThat(bins.get(0).observedFrequency()).isEqualTo(0.5);
        assertThat(bins.get(1).upper()).isEqualTo(1.0);
        assertThat(bins.get(1).count()).isEqualTo(2);
        assertThat(bins.get(1).meanPredicted()).isCloseTo(0.8, within(1e-12));
        assertThat(bins.get(1).observedFrequency()).isEqualTo(1.0);
        assertThat(c.ece()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void emptyBinsHaveNaNMeansAndAreSkipped() {
        Calibration c = new Calibration(4);
        c.add(0.1, 0);
        c.add(0.9, 1);
        Bin empty = c.bins().get(1);
        assertThat(empty.count()).isZero();
        assertThat(empty.meanPredicted()).isNaN();
        assertThat(empty.observedFrequency()).isNaN();
        assertThat(c.ece()).isCloseTo(0.1, within(1e-12));
        assertThat(new Calibration(10).ece()).isNaN();
    }

    /*
     * Soft targets from 4 annotators, 5 bins. Reference:
     * /usr/bin/python3 -c "
     * import numpy as np; np.set_printoptions(precision=17)
     * p=np.array([0.03,0.12,0.18,0.27,0.35,0.41,0.5,0.58,0.66,0.73,0.81,0.88,0.95,1.0],dtype=np.float32).astype(np.float64)
     * o=np.array([0,0.25,0,0.5,0.25,0.75,0.5,0.5,1,0.75,1,0.75,1,1],dtype=np.float32).astype(np.float64)
     * B=5; b=np.minimum(np.floor(p*B).astype(int),B-1)
     * n=np.bincount(b,minlength=B); mp=np.bincount(b,p,B)/n; mo=np.bincount(b,o,B)/n
     * print(n, mp, mo); print(repr((n/len(p)*np.abs(mp-mo)).sum()))"
     * prints
     * [3 2 3 2 4] [0.1100000012665987 0.3100000023841858 0.4966666599114736
     *  0.695000022649765  0.9099999964237213] [0.08333333333333333 0.375 0.5833333333333334
     *  0.875 0.9375]
     * 0.06714285630732776
     */
    private static final float[] P = {0.03f, 0.12f, 0.18f, 0.27f, 0.35f, 0.41f, 0.5f, 0.58f, 0.66f, 0.73f, 0.81f,
        0.88f, 0.95f, 1.0f};
    private static final float[] OBSERVED = {0f, 0.25f, 0f, 0.5f, 0.25f, 0.75f, 0.5f, 0.5f, 1f, 0.75f, 1f, 0.75f, 1f,
        1f};

    @Test
    void softTargetsAgreeWithNumpy() {
        Calibration c = new Calibration(5);
        c.addAll(P, OBSERVED);
        assertThat(c.bins()).extracting(Bin::count).containsExactly(3L, 2L, 3L, 2L, 4L);
        double[] meanP = {0.1100000012665987, 0.3100000023841858, 0.4966666599114736, 0.695000022649765,
            0.9099999964237213};
        double[] meanO = {0.08333333333333333, 0.375, 0.5833333333333334, 0.875, 0.9375};
        for (int b = 0; b < 5; b++) {
            assertThat(c.bins().get(b).meanPredicted()).isCloseTo(meanP[b], within(1e-14));
            assertThat(c.bins().get(b).observedFrequency()).isCloseTo(meanO[b], within(1e-14));
        }
        assertThat(c.ece()).isCloseTo(0.06714285630732776, within(1e-14));
    }

    @Test
    void mergingEqualsAddingEverythingToOne() {
        Calibration first = new Calibration(5);
        Calibration second = new Calibration(5);
        for (int i = 0; i < P.length; i++) {
            (i < 6 ? first : second).add(P[i], OBSERVED[i]);
        }
        first.merge(second);
        assertThat(first.count()).isEqualTo(P.length);
        assertThat(second.count()).isEqualTo(P.length - 6);
        assertThat(first.ece()).isCloseTo(0.06714285630732776, within(1e-14));
        assertThatThrownBy(() -> first.merge(new Calibration(4))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 bins");
    }

    @Test
    void rejectsValuesOutsideTheUnitInterval() {
        Calibration c = new Calibration(10);
        assertThatThrownBy(() -> c.add(1.5, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> c.add(0.5, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("observed");
        assertThatThrownBy(() -> new Calibration(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.addAll(new float[2], new float[3])).isInstanceOf(IllegalArgumentException.class);
    }
}
