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

class TrainPredictCommandTest {

    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void makeData() {
        data = tmp.resolve("data");
        Cli made = Cli.run("data", "make-synthetic", "--kind", "ambiguous", "--out", data.toString(), "--size", "32",
                "--count", "10");
        assertThat(made.exitCode()).as(made.err()).isZero();
    }

    private static String[] train(Path out, String... extra) {
        return trainWith(out, "softmax", "32", extra);
    }

    private static String[] trainWith(Path out, String model, String size, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--model", model, "--data",
                data.toString(), "--out", out.toString(), "--preset", "demo", "--size", size, "--filters",
                "4,8,16,32", "--batch-size", "4", "--max-epochs", "2", "--quiet", "--threads", "2"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void trainThenPredictWritesRunAndPerImageOutputs() throws Exception {
        Path run = tmp.resolve("run");
        Cli trained = Cli.run(train(run));
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertThat(run.resolve("run.json")).isRegularFile();
        assertThat(run.resolve("checkpoints/best.params")).isRegularFile();
        assertThat(run.resolve("provenance.json")).isRegularFile();
        JsonNode prov = Json.MAPPER.readTree(run.resolve("provenance.json").toFile());
        assertThat(prov.get("libraries").get("djl").asText()).isEqualTo("0.36.0");
        assertThat(prov.get("seeds").get("train").asLong()).isEqualTo(1);
        assertThat(run.resolve("metrics.csv")).content().hasLineCount(3);

        Path pred = tmp.resolve("pred");
        Cli predicted = Cli.run("predict", "--run", run.toString(), "--split", "test", "--samples", "4", "--out",
                pred.toString(), "--quiet");
        assertThat(predicted.exitCode()).as(predicted.err()).isZero();
        List<String> csv = Files.readAllLines(pred.resolve("predictions.csv"));
        assertThat(csv).hasSize(3);
        assertThat(csv.get(0)).endsWith(",ged,sample_diversity");
        // the softmax U-Net's samples are all alike: diversity 0, and GED within [0, 2]
        String[] row = csv.get(1).split(",");
        assertThat(Double.parseDouble(row[8])).isZero();
        assertThat(Double.parseDouble(row[7])).isBetween(0.0, 2.0);
        String id = csv.get(1).split(",")[0];
        assertThat(pred.resolve(id).resolve("entropy.png")).isRegularFile();
        assertThat(pred.resolve(id).resolve("entropy.npy")).isRegularFile();
        assertThat(pred.resolve(id).resolve("probability_c1.png")).isRegularFile();
        assertThat(pred.resolve(id).resolve("sample_00.png")).isRegularFile();
        assertThat(Files.size(pred.resolve(id).resolve("entropy.npy"))).isEqualTo(128 + 32 * 32 * 4);
    }

    @Test
    void threeClassDataTrainsAndPredictsEveryClass() throws Exception {
        Path root = tmp.resolve("three");
        for (String split : List.of("train", "val", "test")) {
            for (int i = 0; i < 2; i++) {
                String id = split + i;
                dev.penumbra.data.DataFixtures.writeGrey(root.resolve(split + "/images/" + id + ".png"), 32, 32, i);
                int[][] levels = new int[32][32];
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) {
                        levels[y][x] = y < 10 ? 0 : x < 16 ? 1 : 2;
                    }
                }
                dev.penumbra.data.DataFixtures.writeLevels(root.resolve(split + "/masks/r1/" + id + ".png"), levels);
            }
        }
        Path run = tmp.resolve("three-run");
        Cli trained = Cli.run("train", "--model", "mcdropout", "--data", root.toString(), "--out", run.toString(),
                "--preset", "demo", "--classes", "3", "--filters", "4,8,16,32", "--max-epochs", "1", "--quiet");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        Path pred = tmp.resolve("three-pred");
        Cli predicted = Cli.run("predict", "--run", run.toString(), "--samples", "2", "--out", pred.toString(),
                "--quiet");
        assertThat(predicted.exitCode()).as(predicted.err()).isZero();
        assertThat(pred.resolve("test0/probability_c1.png")).isRegularFile();
        assertThat(pred.resolve("test0/probability_c2.png")).isRegularFile();
        assertThat(pred.resolve("test0/sample_01.png")).isRegularFile();
    }

    @Test
    void anOptionOfAnotherModelIsRefused() {
        Cli r = Cli.run(train(tmp.resolve("beta"), "--beta", "0.1"));
        assertThat(r.isCleanInputError()).as(r.err()).isTrue();
        assertThat(r.err()).contains("--beta applies to --model punet only");
    }

    @Test
    void inputDropoutIsChosenOnTheCommandLineForMcDropoutOnly() throws Exception {
        // the demo preset drops features only; --input-dropout restores the published first block, and back
        for (String[] choice : new String[][] {{"--input-dropout", "true"}, {"--no-input-dropout", "false"}}) {
            Path run = tmp.resolve("input" + choice[1]);
            Cli r = Cli.run(trainWith(run, "mcdropout", "32", choice[0]));
            assertThat(r.exitCode()).as(r.err()).isZero();
            JsonNode own = Json.MAPPER.readTree(run.resolve("run.json").toFile()).get("settings").get("model");
            assertThat(own.get("name").asText()).isEqualTo("mcdropout");
            assertThat(own.get("inputDropout").asText()).as(choice[0]).isEqualTo(choice[1]);
        }
        for (String option : List.of("--input-dropout", "--no-input-dropout")) {
            Cli refused = Cli.run(train(tmp.resolve("refused" + option), option));
            assertThat(refused.isCleanInputError()).as(refused.err()).isTrue();
            assertThat(refused.err()).contains("--input-dropout applies to --model mcdropout only");
        }
    }

    @Test
    void anExistingRunFolderIsNeverOverwritten() throws Exception {
        Path run = tmp.resolve("taken");
        Files.createDirectories(run);
        Files.writeString(run.resolve("notes.txt"), "mine");
        Cli r = Cli.run(train(run));
        assertThat(r.isCleanInputError()).as(r.err()).isTrue();
        assertThat(r.err()).contains("taken").contains("not empty");
        assertThat(run.resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void unknownModelIsACleanErrorListingTheModels() {
        Cli r = Cli.run(trainWith(tmp.resolve("m"), "bayesnet", "32"));
        assertThat(r.isCleanInputError()).as(r.err()).isTrue();
        assertThat(r.err()).contains("bayesnet").contains("softmax");
    }

    @Test
    void dropoutOutsideTheUnitIntervalIsACleanError() {
        Cli r = Cli.run(trainWith(tmp.resolve("p"), "mcdropout", "32", "--dropout", "1.5"));
        assertThat(r.isCleanInputError()).as(r.err()).isTrue();
        assertThat(r.err()).contains("--dropout").contains("1.5");
    }

    @Test
    void sizeThatTheUNetCannotTakeIsACleanErrorWithTheFix() {
        Cli r = Cli.run(trainWith(tmp.resolve("s"), "softmax", "30"));
        assertThat(r.isCleanInputError()).as(r.err()).isTrue();
        assertThat(r.err()).contains("divisible by 8");
    }

    @Test
    void predictFromAMissingRunFolderIsACleanError() {
        Cli r = Cli.run("predict", "--run", tmp.resolve("nowhere").toString(), "--out",
                tmp.resolve("o").toString());
        assertThat(r.isCleanInputError()).as(r.err()).isTrue();
        assertThat(r.err()).contains("nowhere").contains("does not exist");
    }

    @Test
    void resumeWithoutACheckpointIsACleanError() throws Exception {
        Path empty = tmp.resolve("empty-run");
        Files.createDirectories(empty);
        Cli r = Cli.run(train(empty, "--resume"));
        assertThat(r.isCleanInputError()).as(r.err()).isTrue();
        assertThat(r.err()).contains("empty-run");
    }

    @Test
    void predictionProgressNamesTheModel() throws Exception {
        Path run = tmp.resolve("run-bars");
        Cli trained = Cli.run(trainWith(run, "mcdropout", "32"));
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        List<String> tasks = new java.util.ArrayList<>();
        dev.penumbra.io.Progress.Factory recording = (task, total) -> {
            tasks.add(task);
            return dev.penumbra.io.Progress.Factory.QUIET.start(task, total);
        };
        try (dev.penumbra.train.TrainedModel model = dev.penumbra.train.TrainedModel.load(run, ai.djl.Device.cpu())) {
            PredictCommand.run(model, null, dev.penumbra.data.Split.TEST, 2, 4, 1,
                    dev.penumbra.metric.Ged.Estimator.PAPER, dev.penumbra.nn.Precision.FP32, tmp.resolve("pred-bars"),
                    recording);
        }
        assertThat(tasks).containsExactly("predict mcdropout (test)");
    }
}
