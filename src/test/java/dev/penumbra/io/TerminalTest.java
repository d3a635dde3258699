package dev.penumbra.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TerminalTest {

    @Test
    void theLaunchersPropertyDecides() {
        assertThat(Terminal.decide("true", Optional.of("/tmp/log"), false)).isTrue();
        assertThat(Terminal.decide("false", Optional.of("/dev/pts/3"), true)).isFalse();
        assertThatThrownBy(() -> Terminal.decide("yes", Optional.empty(), true))
                .hasMessageContaining("penumbra.stderr.tty").hasMessageContaining("'yes'");
    }

    @Test
    void withoutThePropertyWhereStandardErrorPointsDecides() {
        assertThat(Terminal.decide(null, Optional.of("/dev/pts/0"), false)).isTrue();
        assertThat(Terminal.decide(null, Optional.of("/dev/tty1"), false)).isTrue();
        assertThat(Terminal.decide(null, Optional.of("/home/me/log.txt"), true)).isFalse();
        assertThat(Terminal.decide(null, Optional.of("pipe:[81234]"), true)).isFalse();
        assertThat(Terminal.decide(null, Optional.of("/dev/null"), true)).isFalse();
    }

    @Test
    void withNeitherTheConsoleIsTheGuess() {
        assertThat(Terminal.decide(null, Optional.empty(), true)).isTrue();
        assertThat(Terminal.decide(null, Optional.empty(), false)).isFalse();
    }
}
