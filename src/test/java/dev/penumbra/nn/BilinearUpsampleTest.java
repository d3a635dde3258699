package dev.penumbra.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class BilinearUpsampleTest {

    /*
     * Reference from PyTorch (Debian python3-torch 1.13):
     *   /usr/bin/python3 -c "import torch, torch.nn.functional as F;
     *     x = torch.arange(12, dtype=torch.float32).reshape(1, 1, 3, 4);
     *     print(F.interpolate(x, scale_factor=2, mode='bilinear', align_corners=True))"
     * rows 0, 1 and 5 of the 6 x 8 result:
     */
    private static final float[] ROW0 = {0f, 0.428571f, 0.857143f, 1.285714f, 1.714286f, 2.142857f, 2.571428f, 3f};
    private static final float[] ROW1 = {1.6f, 2.028571f, 2.457143f, 2.885714f, 3.314286f, 3.742857f, 4.171429f, 4.6f};
    private static final float[] ROW5 = {8f, 8.428572f, 8.857143f, 9.285715f, 9.714286f, 10.142858f, 10.571429f, 11f};

    @Test
    void upsamplingEqualsTorchBilinearAlignCorners() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.arange(12f).reshape(1, 1, 3, 4);
            NDArray y = BilinearUpsample.upsample2x(x);
            assertThat(y.getShape()).isEqualTo(new Shape(1, 1, 6, 8));
            float[] v = y.toFloatArray();
            for (int i = 0; i < 8; i++) {
                assertThat(v[i]).as("row 0 col %d", i).isCloseTo(ROW0[i], within(1e-5f));
                assertThat(v[8 + i]).as("row 1 col %d", i).isCloseTo(ROW1[i], within(1e-5f));
                assertThat(v[40 + i]).as("row 5 col %d", i).isCloseTo(ROW5[i], within(1e-5f));
            }
        }
    }

    @Test
    void upsamplingKeepsBatchAndChannelsApart() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.arange(2f * 3 * 4 * 4).reshape(2, 3, 4, 4);
            NDArray y = BilinearUpsample.upsample2x(x);
            assertThat(y.getShape()).isEqualTo(new Shape(2, 3, 8, 8));
            // corners are copied exactly with aligned corners
            assertThat(y.getFloat(1, 2, 0, 0)).isEqualTo(x.getFloat(1, 2, 0, 0));
            assertThat(y.getFloat(1, 2, 7, 7)).isEqualTo(x.getFloat(1, 2, 3, 3));
            assertThat(y.getFloat(0, 1, 7, 0)).isEqualTo(x.getFloat(0, 1, 3, 0));
        }
    }

    @Test
    void interpolationRowsSumToOne() {
        float[] a = BilinearUpsample.interpolationWeights(5, 10);
        for (int i = 0; i < 10; i++) {
            float sum = 0;
            for (int j = 0; j < 5; j++) {
                sum += a[i * 5 + j];
            }
            assertThat(sum).isCloseTo(1f, within(1e-6f));
        }
    }
}
