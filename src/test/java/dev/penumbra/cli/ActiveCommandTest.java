package dev.penumbra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penumbra.Slow;
import dev.penumbra.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny experiment (all 6 strategies, 2 seeds, 2 rounds of 6 steps) run once and checked from its manifests. */
@Slow
class ActiveCommandTest {

    @TempDir
    static Path tmp;
    static Path data;
    static Path out;

    static final String ALL = "random,entropy-sum,entropy-mean,entropy-foreground,bald,diverse";

    static String[] args(Path out, String model, String strategies, String... extra) {
        List<String> a = new ArrayList<>(List.of("active", "--model", model, "--data", data.toString(), "--out",
                out.toString(), "--preset", "demo", "--size", "32", "--filters", "4,8,16,32", "--batch-size", "4",
                "--strategies", strategies, "--seeds", "2", "--initial", "4", "--add", "3", "--rounds", "2",
                "--steps", "6", "--quiet", "--threads", "2"));
        for (int i = 0; i < extra.length; i++) {
            int at = a.indexOf(extra[i]);
            boolean flag = i + 1 >= extra.length || extra[i + 1].startsWith("--");
            if (at >= 0 && !flag) {
                a.set(at + 1, extra[++i]); // a value replaces the default above
            } else {
                a.add(extra[i]);
            }
        }
        return a.toArray(String[]::new);
    }

    @BeforeAll
    static void runExperiment() {
        data = tmp.resolve("data");
        Cli made = Cli.run("data", "make-synthetic", "--kind", "ambiguous", "--out", data.toString(), "--size", "32",
                "--count", "24");
        assertThat(made.exitCode()).as(made.err()).isZero();
        out = tmp.resolve("al");
        Cli r = Cli.run(args(out, "mcdropout", ALL));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Report: ");
    }

    private static JsonNode manifest(Path root, String strategy, long seed, int round) throws Exception {
        return Json.MAPPER.readTree(root.resolve(strategy).resolve("seed_" + seed)
                .resolve(String.format("round_%02d.json", round)).toFile());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void noStrategyEverPicksALabelledImageOrTheSameImageTwice() throws Exception {
        for (String strategy : ALL.split(",")) {
            for (long seed : new long[] {1, 2}) {
                Set<String> labelled = new HashSet<>();
                for (int round = 0; round <= 2; round++) {
                    JsonNode m = manifest(out, strategy, seed, round);
                    List<String> trainedOn = texts(m.get("labelled"));
                    assertThat(trainedOn).doesNotHaveDuplicates().hasSize(4 + 3 * round);
                    assertThat(new HashSet<>(trainedOn)).containsAll(labelled);
                    List<String> picked = texts(m.get("selected"));
                    assertThat(picked).hasSize(round < 2 ? 3 : 0).doesNotHaveDuplicates()
                            .doesNotContainAnyElementsOf(trainedOn);
                    // the pool that was scored is exactly the unlabelled images
                    List<String> pool = new ArrayList<>();
                    m.get("pool").forEach(p -> pool.add(p.get("id").asText()));
                    assertThat(pool).doesNotContainAnyElementsOf(trainedOn);
                    assertThat(pool).containsAll(picked);
                    labelled.addAll(trainedOn);
                }
            }
        }
    }

    @Test
    void everyStrategyOfASeedStartsFromTheSameImagesAndSeedsDiffer() throws Exception {
        for (long seed : new long[] {1, 2}) {
            List<String> first = texts(manifest(out, "random", seed, 0).get("labelled"));
            for (String strategy : ALL.split(",")) {
                assertThat(texts(manifest(out, strategy, seed, 0).get("labelled"))).as(strategy).isEqualTo(first);
            }
        }
        assertThat(texts(manifest(out, "random", 1, 0).get("labelled")))
                .isNotEqualTo(texts(manifest(out, "random", 2, 0).get("labelled")));
    }

    @Test
    void writesTheTableFiguresAndAReportSection() throws Exception {
        List<String> rows = Files.readAllLines(out.resolve("rounds.csv"));
        assertThat(rows).hasSize(1 + 6 * 2 * 3);
        assertThat(rows.get(0)).startsWith("strategy,seed,round,labelled,test_loss,ged,soft_dice");
        assertThat(out.resolve("rounds.json")).isRegularFile();
        for (String f : List.of("active_test_loss", "active_ged", "active_soft_dice", "active_selected_disagreement",
                "fig9_picked_images")) {
            assertThat(out.resolve("figures/" + f + ".png")).isRegularFile();
            assertThat(out.resolve("figures/" + f + ".svg")).isRegularFile();
        }
        var doc = Jsoup.parse(out.resolve("report.html").toFile(), "UTF-8");
        assertThat(doc.select("section#active-mcdropout")).hasSize(1);
        assertThat(doc.select("img")).hasSize(5);
        // two seeds: the captions say what the bands are across ("across 1 seed(s)" is gone)
        String captions = doc.select("figcaption").text();
        assertThat(captions).contains("band: \u00b1 sd across 2 seeds").doesNotContain("seed(s)")
                .contains("pool the strategy picked from (dashed");
        // checkpoints of finished rounds are removed; the training log stays
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.filter(p -> p.toString().endsWith(".params"))).isEmpty();
        }
        assertThat(out.resolve("bald/seed_1/round_00/run/metrics.csv")).isRegularFile();
    }

    @Test
    void everyRoundTrainsThroughTheTrainPathAndSaysHowItsModelWasMade() throws Exception {
        for (int round = 0; round < 3; round++) {
            Path run = out.resolve("entropy-sum/seed_2/round_0" + round + "/run");
            assertThat(run.resolve("run.json")).isRegularFile();
            assertThat(run.resolve("outcome.json")).isRegularFile();
            assertThat(run.resolve("data-fingerprint.json")).isRegularFile();
            JsonNode provenance = Json.MAPPER.readTree(run.resolve("provenance.json").toFile());
            assertThat(provenance.get("command").asText()).isEqualTo("train");
            assertThat(provenance.at("/seeds/train").asLong())
                    .isEqualTo(manifest(out, "entropy-sum", 2, round).get("trainingSeed").asLong());
            assertThat(provenance.at("/config/training/maxSteps").asLong()).isEqualTo(6);
            assertThat(Json.MAPPER.readTree(run.resolve("outcome.json").toFile()).get("steps").asLong())
                    .isEqualTo(6);
            assertThat(run.resolveSibling(".run.lock")).as("the round's claim is released").doesNotExist();
        }
    }

    @Test
    void anInterruptedExperimentResumedEndsWithTheNumbersOfAnUninterruptedOne() throws Exception {
        Path copy = tmp.resolve("interrupted");
        Trees.copy(out, copy);
        // as if stopped during entropy-sum's second round of seed 2 and before bald of seed 2
        Files.delete(copy.resolve("entropy-sum/seed_2/round_01.json"));
        Files.delete(copy.resolve("entropy-sum/seed_2/round_02.json"));
        dev.penumbra.io.FileTrees.deleteTree(copy.resolve("bald/seed_2"));
        Files.delete(copy.resolve("rounds.csv"));
        // a round that crashed half-way leaves a partial folder: a checkpoint and a half-written sample
        Path partial = copy.resolve("entropy-sum/seed_2/round_01");
        Files.createDirectories(partial.resolve("run/checkpoints"));
        Files.writeString(partial.resolve("run/checkpoints/last.params"), "truncated");
        Files.createDirectories(partial.resolve("selected/junk"));
        Files.writeString(partial.resolve("selected/junk/sample_00.png"), "half");
        Cli resumed = Cli.run(args(copy, "mcdropout", ALL, "--resume"));
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("already done");
        assertThat(withoutSeconds(copy.resolve("rounds.csv"))).isEqualTo(withoutSeconds(out.resolve("rounds.csv")));
        for (String strategy : List.of("entropy-sum", "bald")) {
            for (int round = 0; round < 2; round++) {
                JsonNode again = manifest(copy, strategy, 2, round);
                JsonNode before = manifest(out, strategy, 2, round);
                assertThat(texts(again.get("selected"))).isEqualTo(texts(before.get("selected")));
                assertThat(again.get("pool")).isEqualTo(before.get("pool"));
            }
        }
        assertThat(partial.resolve("selected/junk")).doesNotExist();
    }

    private static List<String> withoutSeconds(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
    }

    @Test
    void aPlanThatLabelsTheWholePoolRunsAndOneImageMoreIsRefused() throws Exception {
        int pool = Json.MAPPER.readTree(data.resolve("synthetic.json").toFile()).get("train").asInt();
        int initial = pool - 2 * 3;
        Path exact = tmp.resolve("exact");
        Cli fits = Cli.run(args(exact, "softmax", "random", "--initial", Integer.toString(initial), "--seeds", "1",
                "--steps", "1"));
        assertThat(fits.exitCode()).as(fits.err()).isZero();
        assertThat(texts(manifest(exact, "random", 1, 2).get("labelled"))).hasSize(pool).doesNotHaveDuplicates();
        Cli over = Cli.run(args(tmp.resolve("over"), "softmax", "random", "--initial",
                Integer.toString(initial + 1), "--seeds", "1", "--steps", "1"));
        assertThat(over.isCleanInputError()).as(over.err()).isTrue();
        assertThat(over.err()).contains("only " + pool);
    }

    @Test
    void badOptionsAreCleanErrorsAndWriteNothing() throws Exception {
        Path none = tmp.resolve("none");
        Cli tooMany = Cli.run(args(none, "mcdropout", "random", "--initial", "10", "--rounds", "5"));
        assertThat(tooMany.isCleanInputError()).as(tooMany.err()).isTrue();
        assertThat(tooMany.err()).contains("--initial").contains("pool");
        Cli unknown = Cli.run(args(none, "mcdropout", "random,maxent"));
        assertThat(unknown.isCleanInputError()).isTrue();
        assertThat(unknown.err()).contains("maxent");
        Cli bald = Cli.run(args(none, "softmax", "random,bald"));
        assertThat(bald.isCleanInputError()).as(bald.err()).isTrue();
        assertThat(bald.err()).contains("bald").contains("softmax");
        assertThat(none).doesNotExist();
        Cli other = Cli.run(args(out, "mcdropout", "random", "--resume"));
        assertThat(other.isCleanInputError()).isTrue();
        assertThat(other.err()).contains("other settings");
        Cli occupied = Cli.run(args(out, "mcdropout", ALL));
        assertThat(occupied.isCleanInputError()).isTrue();
    }
}
