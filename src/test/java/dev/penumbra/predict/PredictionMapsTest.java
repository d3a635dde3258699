package dev.penumbra.predict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penumbra.data.Image;
import dev.penumbra.data.Resize;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionMapsTest {

    /** Two classes at 2 x 2; two samples, the second the first's complement. */
    private static PredictionMaps twoByTwo() {
        float[] mean = {0.9f, 0.6f, 0.3f, 0.0f, 0.1f, 0.4f, 0.7f, 1.0f};
        float[] entropy = {0.47f, 0.97f, 0.88f, 0.0f};
        long[] samples = {0, 0, 1, 1, 1, 1, 0, 0};
        return new PredictionMaps(mean, entropy, samples, 2, 2, 2);
    }

    private static int[] pixels(Path png) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        return img.getRaster().getPixels(0, 0, img.getWidth(), img.getHeight(), (int[]) null);
    }

    @Test
    void mapsWrittenAtAnotherSizeAreTheModelsMapsResizedAsImagesAndMasksAre(@TempDir Path tmp) throws Exception {
        PredictionMaps maps = twoByTwo();
        maps.write(tmp, 2, 4, 6);
        float[] expected = Resize.bilinear(new Image(1, 2, 2, new float[] {0.1f, 0.4f, 0.7f, 1.0f}), 4, 6).pixels();
        int[] probability = pixels(tmp.resolve("probability_c1.png"));
        assertThat(probability).hasSize(24);
        for (int i = 0; i < 24; i++) {
            assertThat(probability[i]).as("pixel %d", i).isEqualTo(Math.round(expected[i] * 65535f));
        }
        // nearest neighbour: output row y takes input row floor((y + 0.5) * 2 / 4), column x floor((x + 0.5) * 2 / 6)
        int[] sample = pixels(tmp.resolve("sample_01.png"));
        assertThat(sample).containsExactly(
                255, 255, 255, 255, 255, 255,
                255, 255, 255, 255, 255, 255,
                0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0);
        assertThat(tmp.resolve("entropy.npy")).hasSize(128 + 24 * 4);
    }

    @Test
    void mapsAtTheModelsSizeAreWrittenAsTheyAre(@TempDir Path tmp) throws Exception {
        twoByTwo().write(tmp, 1, 2, 2);
        assertThat(pixels(tmp.resolve("probability_c1.png"))).containsExactly(
                Math.round(0.1f * 65535f), Math.round(0.4f * 65535f), Math.round(0.7f * 65535f), 65535);
        assertThat(pixels(tmp.resolve("sample_00.png"))).containsExactly(0, 0, 255, 255);
        assertThat(tmp.resolve("sample_01.png")).doesNotExist();
    }

    @Test
    void summariesAreTakenAtTheModelsSize() {
        PredictionMaps maps = twoByTwo();
        PredictionMaps.Summary s = maps.summary();
        assertThat(s.sumBits()).isCloseTo(2.32, org.assertj.core.api.Assertions.within(1e-5));
        assertThat(s.meanBits()).isCloseTo(0.58, org.assertj.core.api.Assertions.within(1e-5));
        assertThat(s.maxBits()).isCloseTo(0.97, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(s.foregroundFraction()).isEqualTo(0.5);
        assertThat(maps.distinct(2)).isEqualTo(2);
        assertThat(maps.distinct(1)).isEqualTo(1);
        assertThat(maps.foreground(2)).containsExactly(new byte[] {0, 0, 1, 1}, new byte[] {1, 1, 0, 0});
        assertThat(s.predicted()).containsExactly(0, 0, 1, 1);
    }
}
