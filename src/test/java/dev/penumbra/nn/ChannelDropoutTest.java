package dev.penumbra.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class ChannelDropoutTest {

    @Test
    void dropsWholeChannelsAndRescalesTheRestEvenInInference() {
        try (NDManager m = NDManager.newBaseManager()) {
            ChannelDropout d = new ChannelDropout(0.5);
            d.initialize(m, DataType.FLOAT32, new Shape(4, 64, 3, 3));
            NDArray x = m.ones(new Shape(4, 64, 3, 3));
            // training = false: Monte-Carlo dropout must still drop
            float[] y = d.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow().toFloatArray();
            int dropped = 0;
            for (int ch = 0; ch < 4 * 64; ch++) {
                float first = y[ch * 9];
                for (int i = 1; i < 9; i++) {
                    assertThat(y[ch * 9 + i]).as("channel %d is dropped or kept as a whole", ch).isEqualTo(first);
                }
                assertThat(first).isIn(0f, 2f);
                dropped += first == 0f ? 1 : 0;
            }
            // 256 channels at p = 0.5: 128 expected, sd 8
            assertThat(dropped).isBetween(88, 168);
        }
    }

    @Test
    void zeroProbabilityIsIdentity() {
        try (NDManager m = NDManager.newBaseManager()) {
            ChannelDropout d = new ChannelDropout(0);
            NDArray x = m.randomUniform(0f, 1f, new Shape(2, 3, 4, 4));
            NDArray y = d.forward(new ParameterStore(m, false), new NDList(x), true).singletonOrThrow();
            assertThat(y.toFloatArray()).containsExactly(x.toFloatArray());
        }
    }

    @Test
    void expectationIsPreserved() {
        try (NDManager m = NDManager.newBaseManager()) {
            ChannelDropout d = new ChannelDropout(0.3);
            NDArray x = m.ones(new Shape(8, 512, 1, 1));
            float mean = d.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow().mean()
                    .getFloat();
            assertThat(mean).isCloseTo(1f, within(0.1f));
        }
    }
}
