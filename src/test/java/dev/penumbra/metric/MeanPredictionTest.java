package dev.penumbra.metric;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MeanPredictionTest {

    // B = 2 images x C = 3 classes x 2 pixels
    private static final float[] MEAN = {
        0.7f, 0.2f, 0.2f, 0.1f, 0.1f, 0.7f,   // image 0: pixel 0 background, pixel 1 class 2
        1.0000001f, 0.3f, 0f, 0.3f, 0f, 0.4f}; // image 1: rounding above 1 in background, pixel 1 class 2

    @Test
    void foregroundIsOneMinusBackgroundClampedToTheUnitInterval() {
        assertThat(MeanPrediction.foreground(MEAN, 0, 3, 2)).containsExactly(0.3f, 0.8f);
        assertThat(MeanPrediction.foreground(MEAN, 1, 3, 2)).containsExactly(0f, 0.7f);
    }

    @Test
    void predictedIsWhetherTheArgmaxIsAForegroundClassOfTheRightImage() {
        assertThat(MeanPrediction.predicted(MEAN, 0, 3, 2)).containsExactly(false, true);
        assertThat(MeanPrediction.predicted(MEAN, 1, 3, 2)).containsExactly(false, true);
    }
}
