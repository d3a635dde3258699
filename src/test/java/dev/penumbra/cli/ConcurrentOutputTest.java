package dev.penumbra.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Two commands on one output folder at once: the second is refused and the first one's results are whole. */
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
        CompletableFuture<Cli> first = CompletableFuture.supplyAsync(() -> Cli.run(train));
        Path lock = tmp.resolve(".run.lock");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(lock) && !first.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(first.isDone()).as("the first training ended before the second could start").isFalse();
        Cli second = Cli.run(train);
        assertThat(second.isCleanInputError()).as(second.err()).isTrue();
        assertThat(second.err()).contains("--out " + out).contains("in use by another Penumbra command");

        Cli done = first.get(5, TimeUnit.MINUTES);
        assertThat(done.exitCode()).as(done.err()).isZero();
        assertThat(out.resolve("outcome.json")).isRegularFile();
        assertThat(out.resolve("checkpoints/best.params")).isRegularFile();
        assertThat(lock).doesNotExist();
    }
}
