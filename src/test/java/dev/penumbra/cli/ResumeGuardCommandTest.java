package dev.penumbra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penumbra.io.Json;
import dev.penumbra.train.RunSpec;
import dev.penumbra.train.TrainRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** What {@code train --resume}, {@code predict} and {@code evaluate} do with a run folder that is not as it was. */
class ResumeGuardCommandTest {

    @TempDir
    static Path tmp;
    static Path data;
    static Path run;
    static RunSpec stored;

    static String[] train(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("train", "--model", "softmax", "--data", data.toString(),
                "--out", out.toString(), "--preset", "demo", "--size", "32", "--filters", "4,8,16,32",
                "--batch-size", "4", "--max-epochs", "1", "--quiet", "--threads", "2"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    static String[] resume(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("train", "--resume", "--out", out.toString(), "--quiet"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @BeforeAll
    static void trainOnce() throws Exception {
        data = tmp.resolve("data");
        Cli made = Cli.run("data", "make-synthetic", "--kind", "ambiguous", "--out", data.toString(), "--size", "32",
                "--count", "10");
        assertThat(made.exitCode()).as(made.err()).isZero();
        run = tmp.resolve("run");
        Cli trained = Cli.run(train(run));
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        stored = Json.read(run.resolve(RunSpec.FILE), RunSpec.class);
    }

    private static Path copy(String name) throws Exception {
        Path to = tmp.resolve(name);
        Trees.copy(run, to);
        return to;
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "", "{{{", "{}"})
    void aDamagedRunJsonIsACleanErrorNamingIt(String content) throws Exception {
        Path r = copy("runjson-" + Math.abs(content.hashCode()));
        Files.writeString(r.resolve(RunSpec.FILE), content);
        String expected = "run.json in " + r.toAbsolutePath() + " is not a run description: ";
        for (String[] command : List.of(resume(r),
                new String[] {"predict", "--run", r.toString(), "--out", r.resolveSibling(r.getFileName() + "-p").toString(), "--quiet"},
                new String[] {"evaluate", "--runs", r.toString(), "--out", r.resolve("e").toString(), "--quiet"})) {
            Cli c = Cli.run(command);
            assertThat(c.isCleanInputError()).as(command[0] + ": " + c.err()).isTrue();
            assertThat(c.err()).as(command[0]).contains(expected).contains("written by `penumbra train`");
        }
    }

    @Test
    void aDamagedTrainingStateIsACleanErrorNamingIt() throws Exception {
        Path r = copy("state");
        Files.writeString(r.resolve("checkpoints/state.json"), "null");
        Cli c = Cli.run(resume(r));
        assertThat(c.isCleanInputError()).as(c.err()).isTrue();
        assertThat(c.err()).contains("state.json in " + r.resolve("checkpoints").toAbsolutePath()
                + " is not the state of a training run: it holds null");
    }

    @Test
    void aTruncatedCheckpointSaysItIsDamaged() throws Exception {
        Path r = copy("truncated");
        for (String name : List.of("last.params", "best.params")) {
            Path file = r.resolve("checkpoints").resolve(name);
            byte[] all = Files.readAllBytes(file);
            Files.write(file, Arrays.copyOf(all, all.length / 2));
        }
        Cli resumed = Cli.run(resume(r));
        assertThat(resumed.isCleanInputError()).as(resumed.err()).isTrue();
        assertThat(resumed.err()).contains("checkpoint " + r.resolve("checkpoints/last.params")
                + " is damaged or truncated").doesNotContain("does not fit").doesNotContain("null");
        Cli predicted = Cli.run("predict", "--run", r.toString(), "--out", r.resolveSibling(r.getFileName() + "-p").toString(), "--quiet");
        assertThat(predicted.isCleanInputError()).as(predicted.err()).isTrue();
        assertThat(predicted.err()).contains("best.params is damaged or truncated");
    }

    @Test
    void optionsThatContradictTheRunAreRefusedNamingBothValues() throws Exception {
        Path r = copy("contradicted");
        float lr = stored.training().learningRate();
        String[][] cases = {
            {"--lr", "0.5", "--lr 0.5 contradicts the run in " + r + ", which was trained with --lr " + lr},
            {"--max-steps", "3", "--max-steps 3 contradicts", "trained with --max-steps 0"},
            {"--model", "mcdropout", "--model mcdropout contradicts", "trained with --model softmax"},
            {"--data", tmp.resolve("other").toString(), "--data " + tmp.resolve("other") + " contradicts",
                "trained with --data " + data},
            {"--size", "64", "--size 64 contradicts", "trained with --size 32"},
            {"--seed", "9", "--seed 9 contradicts", "trained with --seed 1"},
            {"--no-augment", null, "--no-augment (on) contradicts", "trained with --no-augment (off)"},
        };
        for (String[] c : cases) {
            Cli refused = Cli.run(c[1] == null ? resume(r, c[0]) : resume(r, c[0], c[1]));
            assertThat(refused.isCleanInputError()).as(c[0] + ": " + refused.err()).isTrue();
            for (int i = 2; i < c.length; i++) {
                assertThat(refused.err()).as(c[0]).contains(c[i]);
            }
            assertThat(refused.err()).contains("start a new run with a new --out");
        }
        assertThat(r.resolve(TrainRun.OUTCOME)).hasSameBinaryContentAs(run.resolve(TrainRun.OUTCOME));
    }

    @Test
    void resumeNeedsOnlyOutAndAcceptsTheRunsOwnValuesAndFreeOptions() throws Exception {
        Path r = copy("same");
        Cli alone = Cli.run("train", "--resume", "--out", r.toString());
        assertThat(alone.exitCode()).as(alone.err()).isZero();
        Cli same = Cli.run(resume(r, "--model", "softmax", "--data", data.toString(), "--preset", "demo", "--lr",
                Float.toString(stored.training().learningRate()), "--max-epochs", "1", "--filters", "4,8,16,32",
                "--threads", "1", "--device", "cpu"));
        assertThat(same.exitCode()).as(same.err()).isZero();
    }

    @Test
    void resumeRefusesDataWhoseFilesChangedUnlessTheRunPredatesTheFingerprint() throws Exception {
        Path changedData = tmp.resolve("data-changed");
        Trees.copy(data, changedData);
        Path own = tmp.resolve("own-data-run");
        List<String> args = new ArrayList<>(List.of(train(own)));
        args.set(args.indexOf(data.toString()), changedData.toString());
        Cli ownTrained = Cli.run(args.toArray(String[]::new));
        assertThat(ownTrained.exitCode()).as(ownTrained.err()).isZero();
        assertThat(own.resolve(TrainRun.DATA_FINGERPRINT)).isRegularFile();
        assertThat(Cli.run(resume(own)).exitCode()).isZero();

        try (Stream<Path> files = Files.walk(changedData)) {
            Path png = files.filter(p -> p.toString().endsWith(".png")).sorted().findFirst().orElseThrow();
            Files.setLastModifiedTime(png, FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
        }
        Cli refused = Cli.run(resume(own));
        assertThat(refused.isCleanInputError()).as(refused.err()).isTrue();
        assertThat(refused.err()).contains("the data in " + changedData + " changed since the run in " + own)
                .contains("as many files").contains("touched");

        Files.delete(own.resolve(TrainRun.DATA_FINGERPRINT));
        Cli old = Cli.run(resume(own));
        assertThat(old.exitCode()).as(old.err()).isZero();
    }

    @Test
    void aRunThatDivergesBeforeItsFirstEpochLeavesTheFolderForARetry() throws Exception {
        Path absent = tmp.resolve("diverged-new");
        Path empty = Files.createDirectories(tmp.resolve("diverged-empty"));
        for (Path out : List.of(absent, empty)) {
            Cli diverged = Cli.run(train(out, "--lr", "1e4"));
            assertThat(diverged.exitCode()).as(diverged.err()).isEqualTo(1);
            assertThat(diverged.err()).contains("training diverged at step").contains("lower --lr")
                    .contains("No epoch had finished, so no checkpoint was written")
                    .contains("What this run wrote into " + out + " was removed, so the same --out can be used again")
                    .doesNotContain("is kept");
        }
        assertThat(absent).doesNotExist();
        assertThat(empty).isEmptyDirectory();
        Cli retried = Cli.run(train(empty));
        assertThat(retried.exitCode()).as(retried.err()).isZero();
    }
}
