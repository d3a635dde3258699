package dev.penumbra.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SoftDiceTest {

    @Test
    void dividesBySumsOfSquaresByHand() {
        // x = (1, 0.5, 0, 0.25), y = (1, 0.5, 0.5, 0)
        // sum(xy) = 1 + 0.25 = 1.25; sum(x^2) = 1 + 0.25 + 0 + 0.0625 = 1.3125; sum(y^2) = 1 + 0.25 + 0.25 = 1.5
        // (2.5 + 1e-6) / (2.8125 + 1e-6); the plain-sum form would give 2.5 / (1.75 + 2) = 0.667 instead
        // /usr/bin/python3 -c "import numpy as np; x=np.array([1,0.5,0,0.25]); y=np.array([1,0.5,0.5,0]);
        //   print(repr((2*(x*y).sum()+1e-6)/((x**2).sum()+(y**2).sum()+1e-6)))"  ->  0.8888889283950477
        float[] x = {1f, 0.5f, 0f, 0.25f};
        float[] y = {1f, 0.5f, 0.5f, 0f};
        assertThat(SoftDice.of(x, y)).isCloseTo((2.5 + 1e-6) / (2.8125 + 1e-6), within(1e-15))
                .isCloseTo(0.8888889283950477, within(1e-15));
    }

    @Test
    void agreesWithNumpyOnFloat32Values() {
        // /usr/bin/python3 -c "import numpy as np
        // x=np.array([0.9,0.8,0.7,0.2,0.1,0.05],dtype=np.float32).astype(np.float64)
        // y=np.array([1,1,0.5,0.25,0,0],dtype=np.float32).astype(np.float64)
        // print(repr((2*(x*y).sum()+1e-6)/((x**2).sum()+(y**2).sum()+1e-6)))"  ->  0.9756097626326826
        float[] x = {0.9f, 0.8f, 0.7f, 0.2f, 0.1f, 0.05f};
        float[] y = {1f, 1f, 0.5f, 0.25f, 0f, 0f};
        assertThat(SoftDice.of(x, y)).isCloseTo(0.9756097626326826, within(1e-14));
    }

    @Test
    void emptyMapsAgreeFullyAndBinaryMapsGiveDice() {
        assertThat(SoftDice.of(new float[4], new float[4])).isEqualTo(1.0);
        // binary maps: the squared form is the ordinary Dice 2 * 1 / (2 + 1), up to eps
        float[] a = {1f, 1f, 0f, 0f};
        float[] b = {1f, 0f, 0f, 0f};
        assertThat(SoftDice.of(a, b)).isCloseTo(2.0 / 3, within(1e-6));
        assertThat(SoftDice.of(a, new float[4])).isCloseTo(0, within(1e-6));
    }

    @Test
    void rejectsMapsOfDifferentSizes() {
        assertThatThrownBy(() -> SoftDice.of(new float[3], new float[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 vs 4");
    }
}
