package dev.penumbra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penumbra.health.HealthThresholds;
import dev.penumbra.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model trained for 3 steps has learned nothing: the evaluation must say so in summary.json, in the report's
 * warning box and tables, and on the terminal.
 */
class HealthFlagsCommandTest {

    @TempDir
    static Path tmp;
    static Path eval;
    static Cli evaluated;

    @BeforeAll
    static void trainThreeStepsAndEvaluate() {
        Path data = tmp.resolve("data");
        Cli made = Cli.run("data", "make-synthetic", "--kind", "ambiguous", "--out", data.toString(), "--size", "32",
                "--count", "12");
        assertThat(made.exitCode()).as(made.err()).isZero();
        Path run = tmp.resolve("softmax");
        Cli trained = Cli.run("train", "--model", "softmax", "--data", data.toString(), "--out", run.toString(),
                "--preset", "demo", "--size", "32", "--filters", "4,8,16,32", "--batch-size", "4", "--max-steps",
                "3", "--lr", "1e-5", "--quiet", "--threads", "2");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        eval = tmp.resolve("eval");
        evaluated = Cli.run("evaluate", "--runs", run.toString(), "--out", eval.toString(), "--pixels", "200",
                "--bootstrap", "100", "--quiet");
        assertThat(evaluated.exitCode()).as(evaluated.err()).isZero();
    }

    private static List<String> flagNames(JsonNode model) {
        List<String> names = new ArrayList<>();
        model.get("health").forEach(f -> names.add(f.get("name").asText()));
        return names;
    }

    @Test
    void summaryJsonNamesTheFlagWithItsNumberAndThreshold() throws Exception {
        JsonNode summary = Json.MAPPER.readTree(eval.resolve("summary.json").toFile());
        JsonNode softmax = summary.get(0);
        // three steps at lr 1e-5 leave the net near p = 0.5 everywhere: it marks most of the background
        assertThat(flagNames(softmax)).contains("foreground_everywhere");
        for (JsonNode f : softmax.get("health")) {
            if (f.get("name").asText().equals("foreground_everywhere")) {
                assertThat(f.get("value").asDouble()).isGreaterThan(HealthThresholds.MAX_BACKGROUND_MARKED);
                assertThat(f.get("threshold").asDouble()).isEqualTo(HealthThresholds.MAX_BACKGROUND_MARKED);
                assertThat(f.get("message").asText()).isNotBlank();
            }
        }
        // the test split of 12 images holds fewer than 10: every statistic over images is "not enough evidence"
        assertThat(flagNames(softmax)).contains("few_images_ttest", "few_images_rmcorr_correctness");
    }

    @Test
    void reportShowsAWarningBoxAndMarksTheModelInItsTables() throws Exception {
        Document html = Jsoup.parse(Files.readString(eval.resolve("report.html")));
        Element box = html.selectFirst("main > div.warning");
        assertThat(box).as("warning box at the top of the report").isNotNull();
        assertThat(box.text()).contains("softmax").contains("foreground_everywhere");
        for (Element table : html.select("table")) {
            Element firstCell = table.selectFirst("tbody td");
            if (firstCell != null && firstCell.text().startsWith("softmax")) {
                assertThat(firstCell.select("span.flag").text()).contains("foreground_everywhere");
            }
        }
        assertThat(html.select("p.caption.flag")).isNotEmpty();
        assertThat(html.text()).contains("not enough evidence");
    }

    @Test
    void terminalPrintsAWarningLinePerFlag() {
        assertThat(evaluated.out()).containsPattern("WARNING .* / softmax: foreground_everywhere \\(value ");
    }
}
