package dev.penumbra.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/**
 * Reference values from numpy (float64):
 * <pre>
 * /usr/bin/python3 -c "import numpy as np
 * def H(p): p = np.array(p); return float(-(p * np.log2(p)).sum())
 * print(H([0.5, 0.5]), H([0.9, 0.1]), H([0.7, 0.2, 0.1]))        # 1.0 0.4689955935892812 1.1567796494470395
 * print(-((1 - 1e-6) * np.log2(1 - 1e-6)))                         # 1.4426943195826882e-06
 * m = [0.5, 0.5]; E = (H([0.9, 0.1]) + H([0.1, 0.9])) / 2; print(H(m), E, H(m) - E)
 *                                                                  # 1.0 0.4689955935892812 0.5310044064107188"
 * </pre>
 */
class PixelUncertaintyTest {

    @Test
    void entropyInBitsMatchesNumpy() {
        try (NDManager m = NDManager.newBaseManager()) {
            // 1 x 3 x 1 x 3: three pixels with different distributions over 3 classes
            NDArray p = m.create(new float[] {0.5f, 0.9f, 0.7f, 0.5f, 0.1f, 0.2f, 0f, 0f, 0.1f}, new Shape(1, 3, 1, 3));
            float[] h = PixelUncertainty.entropyBits(p, 1).toFloatArray();
            assertThat(h[0]).isCloseTo(1.0f, within(1e-6f));
            assertThat(h[1]).isCloseTo(0.4689955935892812f, within(1e-6f));
            assertThat(h[2]).isCloseTo(1.1567796494470395f, within(1e-6f));
        }
    }

    @Test
    void probabilitiesBelowTheCutContributeNothing() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray p = m.create(new float[] {1 - 1e-6f, 1e-6f}, new Shape(1, 2, 1, 1));
            // only the first term: 1.4426943e-06; the 1e-6 term (1.99e-5 bits) is cut
            assertThat(PixelUncertainty.entropyBits(p, 1).getFloat(0, 0, 0, 0))
                    .isCloseTo(1.4426943e-06f, within(2e-7f));
        }
    }

    @Test
    void mutualInformationSeparatesDisagreementFromNoise() {
        try (NDManager m = NDManager.newBaseManager()) {
            // 2 samples x 1 image x 2 classes x 1 x 2 pixels:
            // pixel 0: samples disagree confidently (0.9/0.1 vs 0.1/0.9) -> high MI
            // pixel 1: both samples say 0.5/0.5 -> all aleatoric, MI 0
            NDArray s = m.create(new float[] {0.9f, 0.5f, 0.1f, 0.5f, 0.1f, 0.5f, 0.9f, 0.5f},
                    new Shape(2, 1, 2, 1, 2));
            float[] total = PixelUncertainty.predictiveEntropy(s).toFloatArray();
            float[] expected = PixelUncertainty.expectedEntropy(s).toFloatArray();
            float[] mi = PixelUncertainty.mutualInformation(s).toFloatArray();
            assertThat(total[0]).isCloseTo(1.0f, within(1e-6f));
            assertThat(expected[0]).isCloseTo(0.4689955935892812f, within(1e-6f));
            assertThat(mi[0]).isCloseTo(0.5310044064107188f, within(1e-6f));
            assertThat(total[1]).isCloseTo(1.0f, within(1e-6f));
            assertThat(mi[1]).isCloseTo(0f, within(1e-6f));
        }
    }

    @Test
    void argmaxSamplesHaveOneChannel() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray s = m.create(new float[] {0.9f, 0.2f, 0.1f, 0.8f}, new Shape(1, 1, 2, 1, 2));
            NDArray a = PixelUncertainty.argmaxSamples(s);
            assertThat(a.getShape()).isEqualTo(new Shape(1, 1, 1, 1, 2));
            assertThat(a.toLongArray()).containsExactly(0L, 1L);
        }
    }
}
