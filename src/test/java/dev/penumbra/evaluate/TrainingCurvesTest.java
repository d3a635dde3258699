package dev.penumbra.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penumbra.figure.Figure;
import dev.penumbra.model.Loss;
import dev.penumbra.train.EpochRecord;
import dev.penumbra.train.TrainingOutcome;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingCurvesTest {

    /** Epochs of a Prob. U-Net-like run: two loss terms, validation GED and diversity every second epoch. */
    private static TrainingOutcome punetLike(int n) {
        List<EpochRecord> epochs = new ArrayList<>();
        for (int e = 1; e <= n; e++) {
            Map<String, Double> terms = new LinkedHashMap<>();
            terms.put(Loss.RECONSTRUCTION, 0.5 / e);
            terms.put(Loss.KL, 2.0 + e);
            boolean measured = e % 2 == 0;
            epochs.add(new EpochRecord(e, 10L * e, 0.5 / e + 0.05 * (2 + e), 0.6 / e, measured ? 0.9 / e : Double.NaN,
                    measured ? 0.3 : Double.NaN, terms, terms, e == n - 1, e));
        }
        return new TrainingOutcome(epochs, n - 1, 0.6 / (n - 1), 10L * n, false, n);
    }

    @Test
    void aProbabilisticUNetRunShowsItsLossEachTermAndTheValidationSamples(@TempDir Path dir) throws Exception {
        Figure f = TrainingCurves.write(dir, "ambiguous", "punet", punetLike(6));
        BufferedImage png = ImageIO.read(f.png().toFile());
        // loss, reconstruction, KL, validation GED and diversity: four panels of 380 x 340
        assertThat(png.getWidth()).isEqualTo(4 * 380);
        assertThat(png.getHeight()).isEqualTo(340);
        assertThat(f.name()).isEqualTo("training_punet");
        assertThat(f.caption()).contains("punet (ambiguous)").contains("KL term before its weight beta")
                .contains("validation GED@16");
        assertThat(f.svg()).content().contains("KL(q || p) term").contains("validation diversity@16")
                .contains("best");
    }

    @Test
    void aRunWithoutEpochsGetsNoFigure(@TempDir Path dir) {
        assertThat(TrainingCurves.write(dir, "d", "softmax", null)).isNull();
        assertThat(TrainingCurves.write(dir, "d", "softmax",
                new TrainingOutcome(List.of(), 0, Double.NaN, 0, false, 0))).isNull();
    }
}
