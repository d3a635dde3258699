package dev.penumbra.cli;

import dev.penumbra.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Two commands on one output folder at once: the second is refused and the first one's results are whole. */
@Slow
class ConcurrentOutputTest {

    @Test
    void aSecondTrainIntoTheSameOutWhileTheFirstRunsIsRefused(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        Cli made = Cli.run("data", "make-synthetic", "--kind", "ambiguous", "--out", data.toString(), "--size", "32",
                "--count", "10");
        assertThat(made.exitCode()).as(made.err()).isZero();
        Path out = tmp.resolve("run");
        String[] train = {"train", "--model", "softmax", "--data", data.toString(), "--out", out.toString(),
            "--preset", "demo", "--size", "32", "--filters", "4,8,16,32", "--batch-size", "2", "--max-epochs", "4",
            "--quiet", "--threads", "1"};
        // the first in a process of its own, as a user's second terminal would run it
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(train));
        Process first = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("first.log").toFile()).start();
        Path lock = tmp.resolve(".run.lock");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(lock) && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(first.isAlive()).as("the first training ended before the second could start: "
                + Files.readString(tmp.resolve("first.log"))).isTrue();
        Cli second = Cli.run(train);
        assertThat(second.isCleanInputError()).as(second.err()).isTrue();
        assertThat(second.err()).contains("--out " + out).contains("in use by another Penumbra command")
                .contains("pid " + first.pid());

        assertThat(first.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(first.exitValue()).as(Files.readString(tmp.resolve("first.log"))).isZero();
        assertThat(out.resolve("outcome.json")).isRegularFile();
        assertThat(out.resolve("checkpoints/best.params")).isRegularFile();
        assertThat(lock).doesNotExist();
    }
}
