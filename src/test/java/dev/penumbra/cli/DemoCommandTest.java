package dev.penumbra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penumbra.Slow;
import dev.penumbra.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Slow
class DemoCommandTest {

    @Test
    void demoTrainsEveryModelOnBothDatasetsAndWritesASummary(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("demo");
        Cli r = Cli.run("demo", "--out", out.toString(), "--epochs", "1", "--active-steps", "2",
                "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("summary.md");
        JsonNode summary = Json.MAPPER.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("runs")).hasSize(8);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (JsonNode d : summary.get("runs")) {
            seen.add(d.get("dataset").asText() + "/" + d.get("model").asText());
            Path predictions = Path.of(d.get("predictions").asText());
            assertThat(predictions.resolve("predictions.csv")).isRegularFile();
            assertThat(d.get("testImages").asInt()).isEqualTo(40);
            double distinct = d.get("meanDistinctSamples").asDouble();
            // after one epoch a stochastic model may still draw the same (empty) mask every time, so only the
            // bounds are certain here; ModelContractTest checks that samples vary
            switch (d.get("model").asText()) {
                case "softmax" -> assertThat(distinct).isEqualTo(1.0);
                case "ensemble" -> assertThat(distinct).isBetween(1.0, 4.0);
                default -> assertThat(distinct).isBetween(1.0, 16.0);
            }
        }
        assertThat(seen).containsExactlyInAnyOrder("ambiguous/softmax", "ambiguous/ensemble", "ambiguous/mcdropout",
                "ambiguous/punet", "unambiguous/softmax", "unambiguous/ensemble", "unambiguous/mcdropout",
                "unambiguous/punet");
        assertThat(out.resolve("data/ambiguous/synthetic.json")).isRegularFile();
        // the demo's provenance is written at its end: its wall time covers every training, and it fingerprints
        // both datasets
        JsonNode provenance = Json.MAPPER.readTree(out.resolve("provenance.json").toFile());
        double trainings = 0;
        for (String run : seen) {
            trainings += Json.MAPPER.readTree(out.resolve(run.replace("/", "/train/")).resolve("outcome.json")
                    .toFile()).get("seconds").asDouble();
        }
        assertThat(provenance.get("wallSeconds").asDouble()).isGreaterThan(trainings)
                .isLessThanOrEqualTo(summary.get("seconds").asDouble());
        assertThat(provenance.get("data").size()).isEqualTo(2);
        // the demo ends with the evaluation report of both datasets
        Path report = Path.of(summary.get("report").asText());
        assertThat(report).isEqualTo(out.resolve("report.html"));
        assertThat(r.out()).contains("Report: " + report);
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(report.toFile(), "UTF-8");
        // both datasets' evaluations beside the published numbers, and active learning for every model
        assertThat(doc.select("section")).hasSize(2 + 2 + 4);
        assertThat(doc.select("section[id^=published]")).hasSize(2);
        for (String model : List.of("softmax", "ensemble", "mcdropout", "punet")) {
            assertThat(doc.select("section#active-" + model)).hasSize(1);
            assertThat(out.resolve("ambiguous/active/" + model + "/rounds.csv")).content().hasLineCount(1 + 2 * 3);
        }
        assertThat(out.resolve("ambiguous/study.json")).isRegularFile();
        assertThat(out.resolve("ambiguous/evaluation/images.csv")).isRegularFile();
        assertThat(out.resolve("unambiguous/evaluation/figures/fig4_uncertainty_by_outcome.svg")).isRegularFile();
        // one annotator: no model-vs-annotator figure for the unambiguous data
        assertThat(out.resolve("unambiguous/evaluation/figures/fig5_model_vs_annotator_uncertainty.png"))
                .doesNotExist();
        assertThat(out.resolve("ambiguous/evaluation/figures/fig5_model_vs_annotator_uncertainty.png"))
                .isRegularFile();
        // the ambiguous data carries oracle annotators, so every model there is also scored against the truth
        assertThat(out.resolve("data/ambiguous/LIDC_crops/LIDC_DLCV_version/test/truth/SYN-0104_c0_o31.png"))
                .isRegularFile();
        for (JsonNode m : Json.MAPPER.readTree(out.resolve("ambiguous/evaluation/summary.json").toFile())) {
            assertThat(m.get("oracle").get("floor").get("estimate").asDouble()).isPositive();
        }
        for (JsonNode m : Json.MAPPER.readTree(out.resolve("unambiguous/evaluation/summary.json").toFile())) {
            assertThat(m.get("oracle").isNull()).isTrue();
        }
        assertThat(out.resolve("summary.md")).content().contains("GED / floor");
        for (String model : List.of("softmax", "ensemble", "mcdropout", "punet")) {
            assertThat(out.resolve("ambiguous/evaluation/figures/training_" + model + ".png")).isRegularFile();
        }

        // a second demo replaces the first one's folder
        Cli again = Cli.run("demo", "--out", out.toString(), "--epochs", "1", "--active-steps", "2", "--quiet");
        assertThat(again.exitCode()).as(again.err()).isZero();
    }

    @Test
    void demoRefusesAForeignFolder(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("thesis.tex"), "years of work");
        Cli r = Cli.run("demo", "--out", tmp.toString(), "--epochs", "1", "--quiet");
        assertThat(r.isCleanInputError()).as(r.err()).isTrue();
        assertThat(tmp.resolve("thesis.tex")).hasContent("years of work");
    }
}
