package dev.penumbra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penumbra.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --model tta} through the commands: train and predict on multi-annotator data, and BALD in active. */
class TtaCommandsTest {

    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void makeData() {
        data = tmp.resolve("data");
        Cli made = Cli.run("data", "make-synthetic", "--kind", "ambiguous", "--out", data.toString(), "--size", "32",
                "--count", "24");
        assertThat(made.exitCode()).as(made.err()).isZero();
    }

    private static String[] train(Path out, String model, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--model", model, "--data", data.toString(),
                "--out", out.toString(), "--preset", "demo", "--size", "32", "--filters", "4,8,16,32",
                "--batch-size", "4", "--max-epochs", "2", "--quiet", "--threads", "2"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void trainsAndPredictsOnAmbiguousData() throws Exception {
        Path run = tmp.resolve("run");
        Cli trained = Cli.run(train(run, "tta", "--rotations"));
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        JsonNode spec = Json.MAPPER.readTree(run.resolve("run.json").toFile());
        assertThat(spec.toString()).contains("\"name\":\"tta\"").contains("\"rotations\":true");

        Path pred = tmp.resolve("pred");
        Cli predicted = Cli.run("predict", "--run", run.toString(), "--split", "test", "--samples", "6", "--out",
                pred.toString(), "--quiet");
        assertThat(predicted.exitCode()).as(predicted.err()).isZero();
        List<String> csv = Files.readAllLines(pred.resolve("predictions.csv"));
        String id = csv.get(1).split(",")[0];
        // a model of more than one distinct sample writes every sample drawn
        assertThat(pred.resolve(id).resolve("sample_05.png")).isRegularFile();
        assertThat(pred.resolve(id).resolve("entropy.png")).isRegularFile();
    }

    @Test
    void rotationsBelongToTtaOnly() {
        Cli refused = Cli.run(train(tmp.resolve("softmax"), "softmax", "--no-rotations"));
        assertThat(refused.isCleanInputError()).as(refused.err()).isTrue();
        assertThat(refused.err()).contains("--rotations").contains("tta");
    }

    @Test
    void activeLearningAcceptsBald() {
        Path out = tmp.resolve("al");
        Cli r = Cli.run("active", "--model", "tta", "--data", data.toString(), "--out", out.toString(),
                "--preset", "demo", "--size", "32", "--filters", "4,8,16,32", "--batch-size", "4",
                "--strategies", "bald", "--seeds", "1", "--initial", "4", "--add", "3", "--rounds", "1",
                "--steps", "4", "--quiet", "--threads", "2");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(out.resolve("bald/seed_1/round_00.json")).isRegularFile();
    }
}
