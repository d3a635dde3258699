package dev.penumbra.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penumbra.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.OptionalDouble;

class MaskReaderTest {

    private static final OptionalDouble NONE = OptionalDouble.empty();

    private static Mask binarise(OptionalDouble threshold, int... levels) {
        return MaskReader.binarise(levels, 1, levels.length, threshold, "m.png");
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void twoLevelsMapTheHigherToForeground() {
        assertThat(binarise(NONE, 0, 255, 255, 0).pixels()).containsExactly(bytes(0, 1, 1, 0));
        assertThat(binarise(NONE, 0, 1, 0).pixels()).containsExactly(bytes(0, 1, 0));
        assertThat(binarise(NONE, 3, 7, 3).pixels()).containsExactly(bytes(0, 1, 0));
        assertThat(binarise(NONE, 0, 65535).pixels()).containsExactly(bytes(0, 1));
    }

    @Test
    void singleZeroLevelIsBlank() {
        assertThat(binarise(NONE, 0, 0, 0).isBlank()).isTrue();
    }

    @Test
    void singleNonZeroLevelIsForegroundEverywhere() {
        assertThat(binarise(NONE, 255, 255).foreground()).isEqualTo(2);
        assertThat(binarise(NONE, 1, 1, 1).foreground()).isEqualTo(3);
    }

    @Test
    void moreThanTwoLevelsWithoutThresholdIsAnErrorNamingFileAndLevels() {
        assertThatThrownBy(() -> binarise(NONE, 0, 128, 255, 0))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("mask m.png has 3 distinct levels (0, 128, 255)")
                .hasMessageContaining("at most two levels").hasMessageContaining("--mask-threshold");
    }

    @Test
    void thresholdIsAFractionOfTheFullScaleLevel() {
        OptionalDouble half = OptionalDouble.of(0.5);
        assertThat(binarise(half, 0, 100, 127, 128, 255).pixels()).containsExactly(bytes(0, 0, 0, 1, 1));
        // 16-bit: full scale 65535, so 255 is faint
        assertThat(binarise(half, 0, 255, 40000).pixels()).containsExactly(bytes(0, 0, 1));
        // 0/1 masks (1-bit, or 8-bit stored as 0/1): full scale 1
        assertThat(binarise(half, 0, 1, 1).pixels()).containsExactly(bytes(0, 1, 1));
        // a faint single level stays background under a threshold
        assertThat(binarise(half, 100, 100).isBlank()).isTrue();
    }

    @Test
    void fullScaleIsOne255Or65535() {
        assertThat(MaskReader.fullScale(0)).isEqualTo(1);
        assertThat(MaskReader.fullScale(1)).isEqualTo(1);
        assertThat(MaskReader.fullScale(2)).isEqualTo(255);
        assertThat(MaskReader.fullScale(255)).isEqualTo(255);
        assertThat(MaskReader.fullScale(256)).isEqualTo(65535);
    }

    @Test
    void readsAFileWithItsShape(@TempDir Path dir) {
        Path file = DataFixtures.writeLevels(dir.resolve("m.png"), new int[][] {{0, 0, 9}, {9, 0, 0}});
        Mask m = MaskReader.read(file, "m.png", NONE);
        assertThat(m.height()).isEqualTo(2);
        assertThat(m.width()).isEqualTo(3);
        assertThat(m.pixels()).containsExactly(bytes(0, 0, 1, 1, 0, 0));
    }
}
