package dev.penumbra.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class SamplingTest {

    @Test
    void repeatStacksCopiesSampleMajor() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.arange(6f).reshape(3, 2);
            NDArray r = Sampling.repeat(x, 2);
            assertThat(r.getShape()).isEqualTo(new Shape(6, 2));
            assertThat(r.toFloatArray()).containsExactly(0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5);
        }
    }

    @Test
    void chunkedForwardEqualsOneForwardAndKeepsRowOrder() {
        try (NDManager m = NDManager.newBaseManager()) {
            int rows = 2 * Sampling.MAX_IMAGES_PER_FORWARD + 5;
            NDArray a = m.arange((float) rows * 3).reshape(rows, 3);
            NDArray b = m.ones(new Shape(rows, 3));
            NDArray out = Sampling.chunked(in -> in.get(0).mul(2).add(in.get(1)), a, b);
            assertThat(out.getShape()).isEqualTo(new Shape(rows, 3));
            assertThat(out.toFloatArray()).containsExactly(a.mul(2).add(b).toFloatArray());
            assertThat(out.getManager()).isSameAs(m);
        }
    }
}
