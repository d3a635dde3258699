package dev.penumbra.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penumbra.DebianPython;
import dev.penumbra.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole evaluation of predictions written by a Python script (write_predictions.py) for a tiny dataset it also
 * writes: four made-up tools whose right numbers follow from what they wrote, not from Penumbra's code.
 */
class EvaluatePredictionsCommandTest {

    @TempDir
    static Path tmp;
    static Path preds;
    static Path eval;
    static Cli evaluated;
    static JsonNode expected;
    static Map<String, JsonNode> summary = new HashMap<>();

    @BeforeAll
    static void writeAndEvaluate() throws Exception {
        Path data = tmp.resolve("data");
        preds = tmp.resolve("preds");
        DebianPython.runScript(DebianPython.resource(DebianPython.class,
                "/dev/penumbra/external/write_predictions.py"), data.toString(), preds.toString());
        expected = Json.MAPPER.readTree(preds.resolve("expected.json").toFile());
        eval = tmp.resolve("eval");
        List<String> args = new ArrayList<>(List.of("evaluate", "--data", data.toString(), "--samples", "4",
                "--ged-samples", "1,2,4", "--pixels", "all", "--bootstrap", "200", "--out", eval.toString(),
                "--quiet"));
        for (String tool : List.of("annotators", "everything", "empty", "maps")) {
            args.addAll(List.of("--predictions", tool + "=" + preds.resolve(tool)));
        }
        evaluated = Cli.run(args.toArray(String[]::new));
        assertThat(evaluated.exitCode()).as(evaluated.err()).isZero();
        for (JsonNode m : Json.MAPPER.readTree(eval.resolve("summary.json").toFile())) {
            summary.put(m.get("label").asText(), m);
        }
    }

    private static double mean(String model, String metric) {
        return summary.get(model).get("means").get(metric).get("estimate").asDouble();
    }

    private static List<String> flags(String model) {
        List<String> names = new ArrayList<>();
        summary.get(model).get("health").forEach(f -> names.add(f.get("name").asText()));
        return names;
    }

    @Test
    void samplesEqualToTheAnnotatorsScoreTheAnnotatorsOwnSpread() throws Exception {
        assertThat(summary).containsOnlyKeys("annotators", "everything", "empty", "maps");
        // the all-pairs V-statistic of identical sets is 0; their mean is the annotators' share at every pixel
        assertThat(mean("annotators", "ged_all_pairs@4")).isCloseTo(0, within(1e-12));
        assertThat(mean("annotators", "soft_dice")).isCloseTo(1, within(1e-9));
        assertThat(mean("annotators", "majority_dice")).isCloseTo(1, within(1e-12));
        assertThat(summary.get("annotators").get("ece").asDouble()).isCloseTo(0, within(1e-6));
        JsonNode images = Json.MAPPER.readTree(eval.resolve("images.json").toFile()).get("images");
        int rows = 0;
        for (JsonNode row : images) {
            if (!row.get("model").asText().equals("annotators")) {
                continue;
            }
            rows++;
            double spread = row.get("annotationDiversity").asDouble();
            // the samples' diversity (i != j) is the annotators' own; the unbiased D^2 of a set against itself is
            // 2 (12/16) D - D - D = -D / 2, the cross term counting the 4 pairs i = j at distance 0
            assertThat(row.get("diversityUnbiased").asDouble()).isCloseTo(spread, within(1e-12));
            assertThat(row.get("gedUnbiased").asDouble()).isCloseTo(-spread / 2, within(1e-12));
            assertThat(Double.isNaN(row.get("meanMutualInformation").asDouble())).isTrue();
        }
        assertThat(rows).isEqualTo(expected.get("test_images").size());
        // mutual information needs per-sample probabilities: not in the summary of prediction files
        assertThat(summary.get("annotators").get("means").has("mutual_information")).isFalse();
    }

    @Test
    void anAllForegroundToolScoresTheDiceWorkedOutByHandAndIsFlagged() {
        assertThat(mean("everything", "majority_dice"))
                .isCloseTo(expected.get("everything_majority_dice").asDouble(), within(1e-12));
        assertThat(mean("everything", "diversity@4")).isZero();
        assertThat(flags("everything")).contains("foreground_everywhere");
        JsonNode origin = summary.get("everything").get("origin");
        assertThat(origin.get("samplesGiven").asInt()).isEqualTo(1);
        assertThat(origin.get("samplesUsed").asInt()).isEqualTo(4);
        assertThat(origin.get("notes").toString()).contains("deterministic");
    }

    @Test
    void aToolWhoseSamplesAreAllEmptyIsFlaggedAsARunWouldBe() {
        assertThat(flags("empty")).contains("no_foreground", "empty_samples");
        assertThat(mean("empty", "majority_dice")).isZero();
    }

    @Test
    void probabilityMapsGivenAreTheMeanAndTheEntropyIsTheirs() {
        // p = 0.25 everywhere: the entropy is H(0.25) at every pixel, whatever the samples say
        assertThat(mean("maps", "entropy")).isCloseTo(expected.get("maps_entropy_bits").asDouble(), within(1e-6));
        assertThat(summary.get("maps").get("origin").get("probabilities").asText()).contains("probability_c1.npy");
        // its 0/1 sample PNGs are the annotators' masks again
        assertThat(mean("maps", "ged_all_pairs@4")).isCloseTo(0, within(1e-12));
        assertThat(summary.get("annotators").get("origin").get("probabilities").asText())
                .contains("mean of the 4 sample masks");
    }

    @Test
    void theReportAndTheTerminalShowEveryToolWithWhereItsNumbersComeFrom() throws Exception {
        Document html = Jsoup.parse(eval.resolve("report.html").toFile(), "UTF-8");
        String origins = html.select("ul.origins").text();
        for (String tool : List.of("annotators", "everything", "empty", "maps")) {
            assertThat(origins).contains(tool + ": predictions from " + preds.resolve(tool));
            assertThat(evaluated.out()).contains(tool + ": predictions from");
        }
        assertThat(html.text()).contains("Prediction files of other tools");
        // no training curves for prediction files; the comparisons cover the four tools (6 pairs)
        assertThat(Files.list(eval.resolve("figures")).map(p -> p.getFileName().toString()))
                .noneMatch(n -> n.startsWith("training_"));
        JsonNode stats = Json.MAPPER.readTree(eval.resolve("statistics.json").toFile());
        assertThat(stats.get("comparisons")).hasSize(6);
        JsonNode provenance = Json.MAPPER.readTree(eval.resolve("provenance.json").toFile());
        assertThat(provenance.get("config").get("predictions").get("maps").asText())
                .isEqualTo(preds.resolve("maps").toString());
    }

    @Test
    void sampleCountsAboveTheSamplesGivenAreNotComputedAndSuchAToolIsNotCompared() throws Exception {
        Path data = tmp.resolve("data");
        Path out = tmp.resolve("eval-16");
        // four samples per image against the default --ged-samples 1,4,8,16; one deterministic sample
        Cli r = Cli.run("evaluate", "--data", data.toString(), "--predictions", "annotators="
                + preds.resolve("annotators"), "--predictions", "everything=" + preds.resolve("everything"),
                "--pixels", "100", "--bootstrap", "100", "--out", out.toString(), "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Map<String, JsonNode> byLabel = new HashMap<>();
        Json.MAPPER.readTree(out.resolve("summary.json").toFile()).forEach(m -> byLabel.put(m.get("label").asText(), m));
        JsonNode four = byLabel.get("annotators").get("means");
        assertThat(four.has("ged@1")).isTrue();
        // the samples' diversity draws nothing at random: the same as in the evaluation at 1, 2, 4
        assertThat(four.get("diversity@4").get("estimate").asDouble())
                .isCloseTo(mean("annotators", "diversity@4"), within(1e-12));
        for (String absent : List.of("ged@8", "ged@16", "ged_all_pairs@16", "ged_unbiased@16", "hungarian_iou@16")) {
            assertThat(four.has(absent)).as(absent).isFalse();
        }
        assertThat(byLabel.get("everything").get("means").has("ged@16")).isTrue();
        assertThat(byLabel.get("annotators").get("origin").get("notes").toString())
                .contains("left out of the comparisons on GED@16");
        // only one of the two has a GED@16: no pair to test
        assertThat(Json.MAPPER.readTree(out.resolve("statistics.json").toFile()).get("comparisons")).isEmpty();
        assertThat(out.resolve("figures/fig6_ged_vs_samples.png")).isRegularFile();
    }
}
