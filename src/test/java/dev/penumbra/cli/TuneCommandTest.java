package dev.penumbra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penumbra.Slow;
import dev.penumbra.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TuneCommandTest {

    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void makeData() {
        data = tmp.resolve("data");
        Cli made = Cli.run("data", "make-synthetic", "--kind", "ambiguous", "--out", data.toString(), "--size", "32",
                "--count", "14");
        assertThat(made.exitCode()).as(made.err()).isZero();
    }

    private static String[] tune(Path out, String model, String... extra) {
        List<String> a = new ArrayList<>(List.of("tune", "--model", model, "--data", data.toString(), "--out",
                out.toString(), "--preset", "demo", "--size", "32", "--filters", "4,8,16,32", "--batch-size", "4",
                "--max-epochs", "2", "--quiet", "--threads", "2"));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @Slow
    @Test
    void aTinyGridIsTrainedAndTheLowestValidationGedWins() throws Exception {
        Path out = tmp.resolve("tune");
        Cli r = Cli.run(tune(out, "mcdropout", "--grid", "dropout=0.1,0.6", "--grid", "lr=0.0005,0.005"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode summary = Json.MAPPER.readTree(out.resolve("tune.json").toFile());
        JsonNode results = summary.get("results");
        assertThat(results).hasSize(4);
        double lowest = Double.POSITIVE_INFINITY;
        String expected = null;
        int winners = 0;
        for (JsonNode point : results) {
            double ged = point.get("validationGed").asDouble();
            assertThat(ged).isBetween(0.0, 2.0); // paper estimator: never negative
            assertThat(Path.of(point.get("run").asText()).resolve("checkpoints/best.params")).isRegularFile();
            if (ged < lowest) {
                lowest = ged;
                expected = point.get("name").asText();
            }
            winners += point.get("best").asBoolean() ? 1 : 0;
        }
        assertThat(winners).isEqualTo(1);
        assertThat(summary.get("winner").asText()).isEqualTo(expected);
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertThat(csv).hasSize(5);
        assertThat(csv.get(0)).isEqualTo("point,dropout,lr,validation_ged,validation_loss,best_epoch,steps,winner");
        assertThat(r.out()).contains("<- lowest GED");
        assertThat(out.resolve("provenance.json")).isRegularFile();

        // completing the same folder again retrains nothing and measures the same numbers
        Cli again = Cli.run(tune(out, "mcdropout", "--grid", "dropout=0.1,0.6", "--grid", "lr=0.0005,0.005",
                "--resume"));
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("already trained").doesNotContain(": training");
        assertThat(Json.MAPPER.readTree(out.resolve("tune.json").toFile()).get("results")).isEqualTo(results);
    }

    @Slow
    @Test
    void aTuningInterruptedBeforeAPointsFirstEpochIsCompletedByResume() throws Exception {
        Path out = tmp.resolve("interrupted");
        Cli r = Cli.run(tune(out, "softmax", "--grid", "lr=0.001,0.003"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        // as if killed while the second point had written only its run.json
        Path second = out.resolve("lr-0.003");
        try (var walk = Files.walk(second)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(second) && !p.getFileName().toString().equals("run.json")) {
                    Files.delete(p);
                }
            }
        }
        Files.delete(out.resolve("tune.json"));
        Cli resumed = Cli.run(tune(out, "softmax", "--grid", "lr=0.001,0.003", "--resume"));
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("lr-0.001: already trained").contains("lr-0.003: training");
        assertThat(out.resolve("tune.json")).isRegularFile();
        Cli other = Cli.run(tune(out, "softmax", "--grid", "lr=0.01", "--resume"));
        assertThat(other.isCleanInputError()).as(other.err()).isTrue();
        assertThat(other.err()).contains("other settings");
        Path notTuning = tmp.resolve("not-tuning");
        Files.createDirectories(notTuning);
        Files.writeString(notTuning.resolve("thesis.tex"), "keep");
        Cli foreign = Cli.run(tune(notTuning, "softmax", "--grid", "lr=0.01", "--resume"));
        assertThat(foreign.isCleanInputError()).as(foreign.err()).isTrue();
        assertThat(notTuning.resolve("thesis.tex")).hasContent("keep");
    }

    @Test
    void badGridsAndFoldersAreCleanErrors() throws Exception {
        Path out = tmp.resolve("bad");
        Cli range = Cli.run(tune(out, "mcdropout", "--grid", "dropout=0.5,1.2"));
        assertThat(range.isCleanInputError()).as(range.err()).isTrue();
        assertThat(range.err()).contains("dropout=1.2");
        Cli other = Cli.run(tune(out, "softmax", "--grid", "beta=0.001"));
        assertThat(other.isCleanInputError()).isTrue();
        assertThat(other.err()).contains("punet only");
        assertThat(out).doesNotExist();
        Path full = tmp.resolve("full");
        Files.createDirectories(full);
        Files.writeString(full.resolve("mine.txt"), "keep");
        Cli occupied = Cli.run(tune(full, "softmax", "--grid", "lr=0.001"));
        assertThat(occupied.isCleanInputError()).isTrue();
        assertThat(full.resolve("mine.txt")).hasContent("keep");
    }
}
