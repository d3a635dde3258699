package dev.penumbra.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penumbra.InputException;
import dev.penumbra.data.Split;
import org.junit.jupiter.api.Test;

class SyntheticOptionsTest {

    @Test
    void defaultsAreSmallDemoSet() {
        SyntheticOptions d = SyntheticOptions.defaults();

        assertThat(d).isEqualTo(new SyntheticOptions(64, 48, 24, 40, 42L));
        assertThat(d.count(Split.TRAIN)).isEqualTo(48);
        assertThat(d.count(Split.VAL)).isEqualTo(24);
        assertThat(d.count(Split.TEST)).isEqualTo(40);
    }

    @Test
    void tooSmallSizeIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> new SyntheticOptions(8, 1, 1, 1, 0))
                .isInstanceOf(InputException.class)
                .hasMessage("--size must be at least 16, got 8");
    }

    @Test
    void tooLargeSizeIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> new SyntheticOptions(5000, 1, 1, 1, 0))
                .isInstanceOf(InputException.class)
                .hasMessage("--size must be at most 1024, got 5000");
    }

    @Test
    void emptySplitsAreRefusedNamingTheOption() {
        assertThatThrownBy(() -> new SyntheticOptions(16, 0, 1, 1, 0))
                .isInstanceOf(InputException.class).hasMessage("--train must be at least 1, got 0");
        assertThatThrownBy(() -> new SyntheticOptions(16, 1, -3, 1, 0))
                .isInstanceOf(InputException.class).hasMessage("--val must be at least 1, got -3");
        assertThatThrownBy(() -> new SyntheticOptions(16, 1, 1, 0, 0))
                .isInstanceOf(InputException.class).hasMessage("--test must be at least 1, got 0");
    }

    @Test
    void moreThanAMillionImagesAreRefused() {
        assertThatThrownBy(() -> new SyntheticOptions(16, 900_000, 100_000, 1, 0))
                .isInstanceOf(InputException.class)
                .hasMessage("--count (train + val + test images) must be at most 1000000, got 1000001");
        assertThat(new SyntheticOptions(16, 12_000, 4_000, 4_000, 0).train()).isEqualTo(12_000);
    }

    @Test
    void idsKeepFourDigitsUpTo10000ImagesAndGrowBeyondSoThatOneDataSetHasOneWidth() {
        assertThat(SyntheticData.idDigits(3)).isEqualTo(4);
        assertThat(SyntheticData.idDigits(10_000)).as("SYN-0000 .. SYN-9999").isEqualTo(4);
        assertThat(SyntheticData.idDigits(10_001)).as("SYN-00000 .. SYN-10000").isEqualTo(5);
        assertThat(SyntheticData.idDigits(20_000)).isEqualTo(5);
        assertThat(SyntheticData.idDigits(1_000_000)).isEqualTo(6);
    }

    @Test
    void smallestValidOptionsAreAccepted() {
        assertThat(new SyntheticOptions(16, 1, 1, 1, -5).size()).isEqualTo(16);
    }
}
