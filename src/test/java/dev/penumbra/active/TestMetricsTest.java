package dev.penumbra.active;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.penumbra.data.Image;
import dev.penumbra.data.Mask;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestMetricsTest {

    /**
     * One image of two pixels, mean foreground probability 0.8 and 0.3; annotator 1 marks pixel 0, annotator 2 both.
     * /usr/bin/python3 -c "import numpy as np; print(np.mean([-np.log(0.8), -np.log(0.7), -np.log(0.8),
     * -np.log(0.3)]))" prints 0.5017337127232719.
     */
    @Test
    void testLossIsTheCrossEntropyOfTheMeanPredictionAveragedOverAnnotatorsAndPixels() {
        float[] mean = {0.2f, 0.7f, 0.8f, 0.3f}; // B = 1 x C = 2 x 2 pixels
        List<Mask> masks = List.of(new Mask(1, 2, new byte[] {1, 0}), new Mask(1, 2, new byte[] {1, 1}));
        assertThat(TestMetrics.crossEntropy(mean, 0, 2, 2, masks)).isCloseTo(0.5017337127232719, within(1e-6));
    }

    @Test
    void testLossReadsTheRightImageOfABatchAndClampsZeroProbabilities() {
        // B = 2: image 0 is certain background, image 1 says foreground has probability 0
        float[] mean = {1f, 1f, 0f, 0f, 1f, 1f, 0f, 0f};
        List<Mask> foreground = List.of(new Mask(1, 2, new byte[] {1, 1}));
        List<Mask> background = List.of(new Mask(1, 2, new byte[] {0, 0}));
        assertThat(TestMetrics.crossEntropy(mean, 1, 2, 2, background)).isCloseTo(0, within(1e-9));
        // -ln(1e-7) = 16.11809565095832 (numpy)
        assertThat(TestMetrics.crossEntropy(mean, 1, 2, 2, foreground)).isCloseTo(16.11809565095832, within(1e-6));
    }

    @Test
    void theEmbeddingAveragesEachChannelOverAnEightByEightGrid() {
        Image img = Image.zeros(2, 16, 16);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                img.set(0, y, x, x < 8 ? 1f : 0f);
                img.set(1, y, x, (y / 2 + x / 2) % 2 == 0 ? 0.5f : 0.25f);
            }
        }
        float[] e = PoolScorer.embedding(img);
        assertThat(e).hasSize(2 * 64);
        assertThat(e[0]).isEqualTo(1f);   // channel 0, cell (0, 0): left half
        assertThat(e[7]).isEqualTo(0f);   // channel 0, cell (0, 7): right half
        assertThat(e[64]).isEqualTo(0.5f); // channel 1, cell (0, 0): one 2x2 block of 0.5
        assertThat(e[64 + 1]).isEqualTo(0.25f);
    }
}
