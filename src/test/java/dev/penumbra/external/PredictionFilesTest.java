package dev.penumbra.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.penumbra.InputException;
import dev.penumbra.io.ImageFiles;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionFilesTest {

    @TempDir
    Path tmp;

    private Path grey(String name, int bits, int... values) {
        BufferedImage img = new BufferedImage(values.length, 1,
                bits == 16 ? BufferedImage.TYPE_USHORT_GRAY : BufferedImage.TYPE_BYTE_GRAY);
        for (int x = 0; x < values.length; x++) {
            img.getRaster().setSample(x, 0, 0, values[x]);
        }
        Path f = tmp.resolve(name);
        ImageFiles.writePng(f, img);
        return f;
    }

    @Test
    void threeClassSamplesReadInPredictsEncodingOrAsClassIndices() {
        // predict draws class k as k * 255 / (C - 1): 0, 127, 255 for three classes
        assertThat(PredictionFiles.sample(grey("a.png", 8, 0, 127, 255, 0), 3, 1, 4)).containsExactly(0, 1, 2, 0);
        assertThat(PredictionFiles.sample(grey("b.png", 8, 0, 1, 2, 2), 3, 1, 4)).containsExactly(0, 1, 2, 2);
        assertThatThrownBy(() -> PredictionFiles.sample(grey("c.png", 8, 0, 3, 255, 0), 3, 1, 4))
                .isInstanceOf(InputException.class).hasMessageContaining("has the values 0, 3, 255")
                .hasMessageContaining("k * 255 / 2");
    }

    @Test
    void binarySamplesAcceptZeroAnd255OrZeroAndOne() {
        assertThat(PredictionFiles.sample(grey("a.png", 8, 0, 255, 255), 2, 1, 3)).containsExactly(0, 1, 1);
        assertThat(PredictionFiles.sample(grey("b.png", 8, 1, 1, 0), 2, 1, 3)).containsExactly(1, 1, 0);
        assertThat(PredictionFiles.sample(grey("c.png", 8, 255, 255, 255), 2, 1, 3)).containsExactly(1, 1, 1);
    }

    @Test
    void sixteenBitProbabilityMapsReadAsLevelsOver65535() {
        double[] p = PredictionFiles.probability(grey("p.png", 16, 0, 65535, 16384), 1, 3);
        assertThat(p[0]).isZero();
        assertThat(p[1]).isEqualTo(1.0);
        assertThat(p[2]).isCloseTo(0.25, within(1e-4));
    }

    @Test
    void theEntropyOfTheMeanFollowsTheRunsDefinition() {
        // two pixels, two classes: p = (0.5, 0.5) gives 1 bit; p = (1 - 5e-6, 5e-6) counts only the first class
        float[] mean = {0.5f, 1 - 5e-6f, 0.5f, 5e-6f};
        float[] h = PredictionFolder.entropyBits(mean, 2);
        assertThat(h[0]).isCloseTo(1f, within(1e-6f));
        assertThat(h[1]).isCloseTo((float) (-(1 - 5e-6) * Math.log(1 - 5e-6) / Math.log(2)), within(1e-7f));
    }
}
