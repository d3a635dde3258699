package dev.penumbra.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressLinesTest {

    private static final long SECOND = 1_000_000_000L;

    /** A clock that the test moves by hand. */
    private static final class FakeClock {
        long now = 5 * SECOND;
    }

    private final FakeClock clock = new FakeClock();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream sink = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private ProgressLines lines(String task, long total) {
        return new ProgressLines(task, total, () -> clock.now, sink);
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private List<String> written() {
        return Arrays.asList(text().split("\n"));
    }

    @Test
    void twoHundredStepsGiveOneLinePerTenthAndNoCarriageReturn() {
        try (ProgressLines p = lines("evaluate softmax (test)", 200)) {
            for (int i = 1; i <= 200; i++) {
                clock.now += SECOND / 10;
                p.step("loss " + i);
            }
        }
        assertThat(text()).doesNotContain("\r").endsWith("\n");
        assertThat(written()).hasSize(10);
        assertThat(written().get(3)).isEqualTo("evaluate softmax (test): 40% (80/200), 8 s, loss 80");
        assertThat(written().get(9)).isEqualTo("evaluate softmax (test): 100% (200/200), 20 s, loss 200");
    }

    @Test
    void fewerStepsThanTenthsGiveOneLineEach() {
        try (ProgressLines p = lines("predict punet (val)", 3)) {
            p.step("a");
            p.step("b");
            p.step("c");
        }
        assertThat(written()).containsExactly("predict punet (val): 33% (1/3), 0 s, a",
                "predict punet (val): 66% (2/3), 0 s, b", "predict punet (val): 100% (3/3), 0 s, c");
    }

    @Test
    void aLineComesEveryThirtySecondsWhenTenthsAreSlow() {
        try (ProgressLines p = lines("train mcdropout", 1000)) {
            // 99 steps of 1 s each: no tenth completed, but 30 s pass three times
            for (int i = 0; i < 99; i++) {
                clock.now += SECOND;
                p.step("");
            }
            assertThat(written()).containsExactly("train mcdropout: 3% (30/1000), 30 s",
                    "train mcdropout: 6% (60/1000), 1 min 00 s", "train mcdropout: 9% (90/1000), 1 min 30 s");
            // the tenth completed at step 100 prints at once, and the 30 s count restarts from it
            clock.now += SECOND;
            p.step("");
            for (int i = 0; i < 29; i++) {
                clock.now += SECOND;
                p.step("");
            }
            assertThat(written()).hasSize(4).last().isEqualTo("train mcdropout: 10% (100/1000), 1 min 40 s");
            clock.now += SECOND;
            p.step("");
            assertThat(written()).hasSize(5).last().isEqualTo("train mcdropout: 13% (130/1000), 2 min 10 s");
        }
    }

    @Test
    void theFinalLineSaysWhereWorkThatStoppedEarlyEnded() {
        try (ProgressLines p = lines("train softmax", 100)) {
            for (int i = 0; i < 45; i++) {
                clock.now += SECOND;
                p.step("epoch 3 loss 0.3100");
            }
        }
        assertThat(written()).hasSize(5)
                .last().isEqualTo("train softmax: ended early at 45% (45/100), 45 s, epoch 3 loss 0.3100");
    }

    @Test
    void theFinalLineIsWrittenOnce() {
        ProgressLines p = lines("bench", 2);
        p.step("x");
        p.step("y");
        p.close();
        p.close();
        assertThat(written()).containsExactly("bench: 50% (1/2), 0 s, x", "bench: 100% (2/2), 0 s, y");
    }

    @Test
    void workWithoutStepsStillEndsWithALine() {
        lines("evaluate softmax (test)", 0).close();
        assertThat(text()).isEqualTo("evaluate softmax (test): 0 steps, 0 s\n");
    }

    @Test
    void aStatusCannotBreakTheLine() {
        try (ProgressLines p = lines("predict softmax (scans/)", 1)) {
            p.step("odd\rname\n");
        }
        assertThat(text()).isEqualTo("predict softmax (scans/): 100% (1/1), 0 s, odd name \n");
    }

    @Test
    void elapsedTimeReadsInSecondsMinutesAndHours() {
        assertThat(ProgressLines.elapsed(12 * SECOND + 999_999_999L)).isEqualTo("12 s");
        assertThat(ProgressLines.elapsed(245 * SECOND)).isEqualTo("4 min 05 s");
        assertThat(ProgressLines.elapsed((2 * 3600 + 3 * 60 + 59) * SECOND)).isEqualTo("2 h 03 min");
    }

    @Test
    void factoryOnNamesWhatTheTaskWorksOn() {
        List<String> tasks = new java.util.ArrayList<>();
        Progress.Factory recording = (task, total) -> {
            tasks.add(task + "/" + total);
            return Progress.none();
        };
        recording.on("test").start("predict softmax", 7).close();
        assertThat(tasks).containsExactly("predict softmax (test)/7");
    }
}
