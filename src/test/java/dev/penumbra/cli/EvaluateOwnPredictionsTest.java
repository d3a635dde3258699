package dev.penumbra.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penumbra.io.Json;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A softmax U-Net evaluated twice in one evaluation: as its run, and as the files 'penumbra predict' wrote for it,
 * given with --predictions.
 *
 * <p>What must agree, and why: the softmax U-Net is deterministic, so its 16 samples are one mask, the argmax of its
 * softmax, whichever seed draws them; predict writes that mask once (sample_00.png), and a single given sample stands
 * for every sample. So both rows hold the same 16 masks per image, and the GED annotation draws come from the same
 * seeded generator in the same order: every score of the masks alone is equal exactly (GED and diversity at every
 * count and estimator, Hungarian IoU, majority Dice, empty samples, oracle GED). The mean probability of the files
 * is the softmax written as a 16-bit PNG, off by at most half a level (7.6e-6), so the scores of the probabilities
 * (soft Dice, entropy, ECE) agree to 1e-3 but not exactly. The mutual information of the files is unknown.
 */
class EvaluateOwnPredictionsTest {

    @TempDir
    static Path tmp;
    static Path data;
    static Path run;
    static Path predicted;
    static Path eval;
    static Cli evaluated;

    @BeforeAll
    static void trainPredictAndEvaluate() {
        data = tmp.resolve("data");
        Cli made = Cli.run("data", "make-synthetic", "--kind", "ambiguous", "--out", data.toString(), "--size", "32",
                "--count", "12");
        assertThat(made.exitCode()).as(made.err()).isZero();
        run = tmp.resolve("softmax");
        Cli trained = Cli.run("train", "--model", "softmax", "--data", data.toString(), "--out", run.toString(),
                "--preset", "demo", "--size", "32", "--filters", "4,8,16,32", "--batch-size", "4", "--max-steps",
                "3", "--quiet", "--threads", "2");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        predicted = tmp.resolve("predicted");
        Cli p = Cli.run("predict", "--run", run.toString(), "--out", predicted.toString(), "--quiet");
        assertThat(p.exitCode()).as(p.err()).isZero();
        eval = tmp.resolve("eval");
        evaluated = Cli.run("evaluate", "--runs", run.toString(), "--predictions", "mine=" + predicted, "--out",
                eval.toString(), "--pixels", "200", "--bootstrap", "100", "--quiet");
        assertThat(evaluated.exitCode()).as(evaluated.err()).isZero();
    }

    @Test
    void everyScoreOfTheMasksIsEqualAndTheProbabilityScoresAgreeToTheirEncoding() throws Exception {
        JsonNode images = Json.MAPPER.readTree(eval.resolve("images.json").toFile()).get("images");
        Map<String, JsonNode> ofRun = new HashMap<>();
        Map<String, JsonNode> ofFiles = new HashMap<>();
        for (JsonNode row : images) {
            (row.get("model").asText().equals("softmax") ? ofRun : ofFiles).put(row.get("image").asText(), row);
        }
        assertThat(ofFiles.keySet()).isNotEmpty().isEqualTo(ofRun.keySet());
        for (String id : ofRun.keySet()) {
            JsonNode a = ofRun.get(id);
            JsonNode b = ofFiles.get(id);
            assertThat(b.get("model").asText()).isEqualTo("mine");
            for (String exact : List.of("ged", "diversity", "gedAllPairs", "gedUnbiased", "diversityUnbiased",
                    "annotationDiversity", "hungarianIou", "majorityDice", "emptySamples", "oracleGed",
                    "oracleFloor")) {
                assertThat(b.get(exact)).as("%s of %s", exact, id).isEqualTo(a.get(exact));
            }
            for (String close : List.of("softDice", "meanEntropy", "predictedForeground")) {
                assertThat(b.get(close).asDouble()).as("%s of %s", close, id)
                        .isCloseTo(a.get(close).asDouble(), within(1e-3));
            }
            assertThat(Double.isNaN(b.get("meanMutualInformation").asDouble())).isTrue();
        }
        Map<String, JsonNode> summary = new HashMap<>();
        for (JsonNode m : Json.MAPPER.readTree(eval.resolve("summary.json").toFile())) {
            summary.put(m.get("label").asText(), m);
        }
        assertThat(summary.get("mine").get("ece").asDouble())
                .isCloseTo(summary.get("softmax").get("ece").asDouble(), within(1e-3));
        assertThat(summary.get("mine").get("origin").get("probabilities").asText()).contains("probability_c1.png");
        assertThat(summary.get("softmax").get("origin").get("kind").asText()).isEqualTo("run");
        // the pair is compared: the same images, per-image GED equal, so the paired difference is 0
        JsonNode comparison = Json.MAPPER.readTree(eval.resolve("statistics.json").toFile()).get("comparisons").get(0);
        assertThat(comparison.get("meanDifference").get("estimate").asDouble()).isZero();
    }

    @Test
    void theRunKeepsItsTrainingCurvesAndTheFilesHaveNone() throws Exception {
        JsonNode stored = Json.MAPPER.readTree(eval.resolve("evaluation.json").toFile());
        List<String> keys = new java.util.ArrayList<>();
        stored.get("figures").forEach(f -> keys.add(f.get("key").asText()));
        assertThat(keys).contains("training:softmax").doesNotContain("training:mine");
    }

    @Test
    void aPredictionsNameTakenByARunOrDataOptionsBesideRunsAreRefused() {
        Cli clash = Cli.run("evaluate", "--runs", run.toString(), "--predictions", "softmax=" + predicted, "--out",
                tmp.resolve("clash").toString(), "--quiet");
        assertThat(clash.isCleanInputError()).as(clash.err()).isTrue();
        assertThat(clash.err()).contains("the name 'softmax' is already the label of a run given with --runs");
        Cli size = Cli.run("evaluate", "--runs", run.toString(), "--predictions", "mine=" + predicted, "--size",
                "64", "--out", tmp.resolve("size").toString(), "--quiet");
        assertThat(size.isCleanInputError()).as(size.err()).isTrue();
        assertThat(size.err()).contains("--size: with --runs the data is read as the runs were trained");
    }
}
