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
    void moreImagesThanFourDigitIdsAreRefused() {
        assertThatThrownBy(() -> new SyntheticOptions(16, 9_000, 1_000, 1, 0))
                .isInstanceOf(InputException.class)
                .hasMessage("--train + --val + --test must be at most 10000, got 10001");
    }

    @Test
    void smallestValidOptionsAreAccepted() {
        assertThat(new SyntheticOptions(16, 1, 1, 1, -5).size()).isEqualTo(16);
    }
}
