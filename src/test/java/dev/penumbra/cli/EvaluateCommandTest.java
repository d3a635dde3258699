package dev.penumbra.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penumbra.Slow;
import dev.penumbra.evaluate.Metric;
import dev.penumbra.io.Json;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two tiny runs trained once, evaluated together: the tables, the statistics, the figures and the report. */
@Slow
class EvaluateCommandTest {

    @TempDir
    static Path tmp;
    static Path data;
    static Path softmax;
    static Path mcdropout;
    static Path eval;
    static Cli evaluated;

    @BeforeAll
    static void trainAndEvaluate() {
        data = tmp.resolve("data");
        Cli made = Cli.run("data", "make-synthetic", "--kind", "ambiguous", "--out", data.toString(), "--size", "32",
                "--count", "12");
        assertThat(made.exitCode()).as(made.err()).isZero();
        softmax = train("softmax");
        mcdropout = train("mcdropout");
        eval = tmp.resolve("eval");
        evaluated = Cli.run("evaluate", "--runs", softmax.toString(), mcdropout.toString(), "--out", eval.toString(),
                "--pixels", "200", "--bootstrap", "200", "--quiet");
        assertThat(evaluated.exitCode()).as(evaluated.err()).isZero();
    }

    private static Path train(String model) {
        Path run = tmp.resolve(model);
        // MC-Dropout logs its validation GED and diversity every epoch; the softmax U-Net none
        Cli r = Cli.run("train", "--model", model, "--data", data.toString(), "--out", run.toString(), "--preset",
                "demo", "--size", "32", "--filters", "4,8,16,32", "--batch-size", "4", "--max-epochs", "2",
                "--ged-every", model.equals("mcdropout") ? "1" : "0", "--quiet", "--threads", "2");
        assertThat(r.exitCode()).as(r.err()).isZero();
        return run;
    }

    @Test
    void writesPerImageAndPerPixelTablesForEveryModel() throws Exception {
        List<String> images = Files.readAllLines(eval.resolve("images.csv"));
        int testImages = (images.size() - 1) / 2;
        assertThat(testImages).isPositive();
        assertThat(images.get(0)).startsWith("model,image,annotators,ged@1,ged@4,ged@8,ged@16,diversity@1")
                .contains(",majority_dice,").contains(",empty_samples");
        // the softmax U-Net has one distinct sample: its diversity is 0 at every sample count
        JsonNode json = Json.MAPPER.readTree(eval.resolve("images.json").toFile());
        assertThat(json.get("images")).hasSize(2 * testImages);
        for (JsonNode row : json.get("images")) {
            if (row.get("model").asText().equals("softmax")) {
                for (JsonNode d : row.get("diversity")) {
                    assertThat(d.asDouble()).isZero();
                }
            }
            assertThat(row.get("annotators").asInt()).isEqualTo(4);
            assertThat(row.get("softDice").asDouble()).isBetween(0.0, 1.0);
            assertThat(row.get("hungarianIou").asDouble()).isBetween(0.0, 1.0);
        }
        List<String> pixels = Files.readAllLines(eval.resolve("pixels.csv"));
        assertThat(pixels).hasSize(1 + 2 * testImages * 200);
        assertThat(Files.readAllLines(eval.resolve("pixels.jsonl"))).hasSize(2 * testImages * 200);
        // both models are measured on the same pixels of each image
        Map<String, List<String>> pixelsByModel = new HashMap<>();
        for (String line : pixels.subList(1, pixels.size())) {
            String[] cells = line.split(",");
            pixelsByModel.computeIfAbsent(cells[0], k -> new ArrayList<>()).add(cells[1] + "/" + cells[2]);
        }
        assertThat(pixelsByModel.get("softmax")).isEqualTo(pixelsByModel.get("mcdropout"));
        assertThat(eval.resolve("provenance.json")).isRegularFile();
    }

    @Test
    void statisticsHoldTestsAndCorrelationsForEveryModel() throws Exception {
        JsonNode stats = Json.MAPPER.readTree(eval.resolve("statistics.json").toFile());
        // one unordered pair, the lower mean GED first, two-sided tests, effect sizes and the adjusted p
        assertThat(stats.get("comparisons")).hasSize(1);
        JsonNode first = stats.get("comparisons").get(0);
        assertThat(first.get("metric").asText()).isEqualTo("ged@16");
        assertThat(first.get("twoSample").get("test").asText()).isEqualTo("Student");
        assertThat(first.get("paired").get("test").asText()).isEqualTo("paired");
        assertThat(first.get("paired").get("alternative").asText()).isEqualTo("two-sided");
        assertThat(first.get("paired").get("meanA").asDouble())
                .isLessThanOrEqualTo(first.get("paired").get("meanB").asDouble());
        double difference = first.get("meanDifference").get("estimate").asDouble();
        assertThat(difference).isCloseTo(first.get("paired").get("meanA").asDouble()
                - first.get("paired").get("meanB").asDouble(), within(1e-9));
        assertThat(first.get("meanDifference").get("low").asDouble()).isLessThanOrEqualTo(difference);
        // one test in the family: Holm leaves its p as it is
        assertThat(first.get("pairedHolm").asDouble()).isEqualTo(first.get("paired").get("p").asDouble());
        assertThat(first.get("family").asText()).contains("1 pair of 2 models on ged@16");
        if (first.get("paired").get("t").isNumber()) {
            assertThat(first.get("cohensDz").asDouble()).isCloseTo(first.get("paired").get("t").asDouble()
                    / Math.sqrt(first.get("paired").get("nA").asInt()), within(1e-9));
        }
        for (String model : List.of("softmax", "mcdropout")) {
            JsonNode c = stats.get("correlations").get(model);
            assertThat(c.get("correctness").get("x").asText()).isEqualTo("correct");
            assertThat(c.get("agreement").get("x").asText()).isEqualTo("disagreement");
            assertThat(c.get("agreement").get("result").get("dof").asInt()).isPositive();
        }
        for (JsonNode c : stats.get("comparisons")) {
            assertThat(c.get("twoSample").get("nA").asInt()).isEqualTo(c.get("twoSample").get("nB").asInt());
            assertThat(c.get("paired").get("dof").asInt()).isEqualTo(c.get("twoSample").get("nA").asInt() - 1);
        }
        JsonNode summary = Json.MAPPER.readTree(eval.resolve("summary.json").toFile());
        assertThat(summary).hasSize(2);
        JsonNode ged = summary.get(0).get("means").get("ged@16");
        assertThat(ged.get("low").asDouble()).isLessThanOrEqualTo(ged.get("estimate").asDouble());
        assertThat(ged.get("high").asDouble()).isGreaterThanOrEqualTo(ged.get("estimate").asDouble());
        for (JsonNode model : summary) {
            assertThat(model.get("ece").asDouble()).isBetween(0.0, 1.0);
            assertThat(model.get("auroc").asDouble()).isBetween(0.0, 1.0);
            assertThat(model.get("means").get("soft_dice").get("estimate").asDouble()).isBetween(0.0, 1.0);
        }
        assertThat(evaluated.out()).contains("softmax").contains("mcdropout").contains("report.html")
                .contains("softDice   majDice").contains("softDice: mean probability vs mean annotation");
    }

    @Test
    void everyRunGetsATrainingCurvesFigureWithAValidationPanelWhereSamplesWereScored() throws Exception {
        var section = dev.penumbra.report.EvaluationSections.read(eval);
        // a panel of 380 pixels per chart: loss only for softmax; loss and validation GED/diversity for MC-Dropout
        BufferedImage softmaxCurves = ImageIO.read(section.figures().get("training:softmax").png().toFile());
        assertThat(softmaxCurves.getWidth()).isEqualTo(380);
        BufferedImage mcCurves = ImageIO.read(section.figures().get("training:mcdropout").png().toFile());
        assertThat(mcCurves.getWidth()).isEqualTo(2 * 380);
        assertThat(section.figures().get("training:softmax").caption()).contains("were not measured");
        Document report = Jsoup.parse(eval.resolve("report.html").toFile());
        assertThat(report.select("h3").eachText()).contains("Training");
        assertThat(report.text()).contains("Training curves of softmax").contains("Training curves of mcdropout");
        List<String> metrics = Files.readAllLines(mcdropout.resolve("metrics.csv"));
        assertThat(metrics.get(0)).startsWith("epoch,step,train_loss,val_loss,val_ged,val_diversity");
        assertThat(metrics.get(1).split(",", -1)[5]).as("validation diversity of epoch 1").isNotEmpty();
    }

    @Test
    void syntheticDataIsAlsoScoredAgainstItsOracleAnnotators() throws Exception {
        JsonNode summary = Json.MAPPER.readTree(eval.resolve("summary.json").toFile());
        for (JsonNode model : summary) {
            JsonNode oracle = model.get("oracle");
            assertThat(oracle.get("draws").asInt()).isEqualTo(32);
            assertThat(oracle.get("samples").asInt()).isEqualTo(16);
            double ged = oracle.get("ged").get("estimate").asDouble();
            double floor = oracle.get("floor").get("estimate").asDouble();
            assertThat(floor).isPositive();
            assertThat(oracle.get("ratio").asDouble()).isCloseTo(ged / floor, within(1e-9));
            assertThat(oracle.get("excess").get("estimate").asDouble()).isCloseTo(ged - floor, within(1e-9));
            assertThat(oracle.get("ece").asDouble()).isBetween(0.0, 1.0);
            assertThat(oracle.get("annotatorEce").asDouble()).isBetween(0.0, 1.0);
        }
        // the floor belongs to the image, not the model
        List<String> images = Files.readAllLines(eval.resolve("images.csv"));
        List<String> header = List.of(images.get(0).split(","));
        int floorColumn = header.indexOf("oracle_floor@16");
        assertThat(header).contains("oracle_ged@16");
        int n = (images.size() - 1) / 2;
        for (int i = 1; i <= n; i++) {
            assertThat(images.get(i).split(",")[floorColumn]).isEqualTo(images.get(i + n).split(",")[floorColumn]);
        }
        Document report = Jsoup.parse(eval.resolve("report.html").toFile());
        assertThat(report.select("h3").eachText()).anyMatch(h -> h.startsWith("Against the oracle annotators"));
    }

    @Test
    void aFinishedEvaluationIsReadBackForTheReportWithoutRecomputing() throws Exception {
        assertThat(dev.penumbra.report.EvaluationSections.finished(eval)).isTrue();
        var section = dev.penumbra.report.EvaluationSections.read(eval);
        JsonNode summary = Json.MAPPER.readTree(eval.resolve("summary.json").toFile());
        assertThat(section.evaluation().summaries()).hasSize(2);
        assertThat(section.evaluation().summaries().get(1).means().get(Metric.GED.at(16)).estimate())
                .isEqualTo(summary.get(1).get("means").get("ged@16").get("estimate").asDouble());
        assertThat(section.evaluation().comparisons().get(0).twoSample().alternative())
                .isEqualTo(dev.penumbra.stats.TTest.Alternative.TWO_SIDED);
        assertThat(section.evaluation().settings().gedCounts()).containsExactly(1, 4, 8, 16);
        assertThat(section.figures()).containsKeys("fig3", "fig4", "fig5", "fig6", "fig7", "reliability");
        for (var f : section.figures().values()) {
            assertThat(f.png()).isRegularFile();
        }
        StringBuilder html = new StringBuilder();
        section.render(html, eval);
        assertThat(html).contains("rm_corr r");
    }

    @Test
    void figuresPrintTheNumbersAReaderNeedsToJudgeThem() throws Exception {
        var figures = dev.penumbra.report.EvaluationSections.read(eval).figures();
        // Fig 4: a count under every box of both models, n = 0 included
        List<String> counts = svgTexts(figures.get("fig4").svg()).stream().filter(t -> t.startsWith("n = ")).toList();
        assertThat(counts).hasSize(2 * 4);
        // the risk-coverage legend gives each model's AURC as summary.json has it
        List<String> riskTexts = svgTexts(figures.get("risk_coverage").svg());
        for (JsonNode model : Json.MAPPER.readTree(eval.resolve("summary.json").toFile())) {
            String prefix = model.get("label").asText() + " (AURC ";
            String entry = riskTexts.stream().filter(t -> t.startsWith(prefix)).findFirst().orElseThrow();
            double shown = Double.parseDouble(entry.substring(prefix.length(), entry.length() - 1));
            assertThat(shown).isCloseTo(model.get("aurc").asDouble(), within(5e-3 * model.get("aurc").asDouble()));
        }
        // Fig 7: beside each model's row the diversity of the image shown, then the dataset mean
        Map<String, String> diversity = new HashMap<>();
        for (JsonNode row : Json.MAPPER.readTree(eval.resolve("images.json").toFile()).get("images")) {
            diversity.put(row.get("model").asText() + "/" + row.get("image").asText(),
                    String.format(java.util.Locale.ROOT, "diversity %.3f", row.get("diversity").get(3).asDouble()));
        }
        String image = null;
        String model = null;
        int rows = 0;
        for (String t : svgTexts(figures.get("fig7").svg())) {
            if (diversity.containsKey("softmax/" + t)) {
                image = t;
            } else if (t.equals("softmax") || t.equals("mcdropout")) {
                model = t;
            } else if (t.startsWith("diversity ")) {
                assertThat(t).as(model + " on " + image).isEqualTo(diversity.get(model + "/" + image));
                rows++;
            }
        }
        assertThat(rows).isEqualTo(2 * 2);
        assertThat(figures.get("fig7").caption()).contains("of the image shown").contains("mean over the test");
    }

    private static List<String> svgTexts(Path svg) throws Exception {
        org.w3c.dom.NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile())
                .getElementsByTagName("text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    @Test
    void reportParsesAndEveryFigureItShowsOrLinksIsAValidImage() throws Exception {
        Path report = eval.resolve("report.html");
        Document doc = Jsoup.parse(report.toFile(), "UTF-8");
        assertThat(doc.title()).contains("Penumbra evaluation");
        List<Element> imgs = doc.select("img");
        // Fig 3, 4, 5, 6 (GED and diversity), 7, reliability, risk-coverage, and two runs' training curves
        assertThat(imgs).hasSize(10);
        for (Element img : imgs) {
            String src = img.attr("src");
            assertThat(src).startsWith("data:image/png;base64,");
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(
                    Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1))));
            assertThat(decoded).as(img.attr("alt")).isNotNull();
            assertThat(decoded.getWidth()).isGreaterThan(100);
        }
        List<Element> links = doc.select("a[href]").stream()
                .filter(a -> !a.attr("href").startsWith("#")).toList();
        assertThat(links).hasSize(2 * 10);
        for (Element a : links) {
            Path file = eval.resolve(a.attr("href"));
            assertThat(file).isRegularFile();
            if (file.toString().endsWith(".png")) {
                assertThat(ImageIO.read(file.toFile())).as(file.toString()).isNotNull();
            } else {
                assertThat(file.toString()).endsWith(".svg");
                org.w3c.dom.Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(file.toFile());
                assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
            }
        }
        String text = doc.text();
        assertThat(text).contains("rm_corr").contains("Student").contains("paired").contains("Provenance");
        assertThat(doc.select("table")).hasSizeGreaterThanOrEqualTo(4);
        // both Dice scores side by side, each defined, so that the demo's majority Dice and the soft Dice are not
        // mistaken for one another
        assertThat(doc.select("th").eachText()).contains("soft Dice", "majority Dice");
        assertThat(text).contains("Two Dice scores, different measures: soft Dice compares the mean foreground"
                + " probability with the mean annotation").contains("majority Dice compares the pixels in at least"
                + " half of the samples");
    }

    @Test
    void runsOfOneModelInFoldersOfTheSameNameGetLabelsThatTellThemApart() throws Exception {
        Path a = tmp.resolve("seedA/softmax");
        Path b = tmp.resolve("seedB/softmax");
        Trees.copy(softmax, a);
        Trees.copy(softmax, b);
        Path out = tmp.resolve("two-softmax");
        Cli r = Cli.run("evaluate", "--runs", a.toString(), b.toString(), "--out", out.toString(), "--pixels", "20",
                "--bootstrap", "100", "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("softmax (seedA/softmax)").contains("softmax (seedB/softmax)");
        Cli twice = Cli.run("evaluate", "--runs", a.toString(), a.resolve("../softmax").toString(), "--out",
                tmp.resolve("twice").toString(), "--quiet");
        assertThat(twice.isCleanInputError()).as(twice.err()).isTrue();
        assertThat(twice.err()).contains("given twice");
    }

    @Test
    void runsOfDifferentImageSizesAreRefused() throws Exception {
        Path small = tmp.resolve("small");
        Cli r = Cli.run("train", "--model", "softmax", "--data", data.toString(), "--out", small.toString(),
                "--preset", "demo", "--size", "16", "--filters", "4,8,16,32", "--batch-size", "4", "--max-epochs",
                "1", "--quiet", "--threads", "2");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Cli mixed = Cli.run("evaluate", "--runs", softmax.toString(), small.toString(), "--out",
                tmp.resolve("mixed").toString(), "--quiet");
        assertThat(mixed.isCleanInputError()).as(mixed.err()).isTrue();
        assertThat(mixed.err()).contains("16x16").contains("32x32");
    }

    @Test
    void aRunWithoutCheckpointIsACleanError() throws Exception {
        Path broken = tmp.resolve("broken");
        Files.createDirectories(broken);
        Files.copy(softmax.resolve("run.json"), broken.resolve("run.json"));
        Cli r = Cli.run("evaluate", "--runs", broken.toString(), "--out", tmp.resolve("e1").toString(), "--quiet");
        assertThat(r.isCleanInputError()).as(r.err()).isTrue();
        assertThat(r.err()).contains(broken.toString()).contains("best.params");
        assertThat(tmp.resolve("e1")).doesNotExist();
    }

    @Test
    void dataWithOtherChannelsThanTheRunIsACleanError() {
        Path rgb = tmp.resolve("rgb");
        Cli made = Cli.run("data", "make-synthetic", "--kind", "unambiguous", "--out", rgb.toString(), "--size",
                "32", "--count", "6");
        assertThat(made.exitCode()).as(made.err()).isZero();
        Cli r = Cli.run("evaluate", "--runs", softmax.toString(), "--data", rgb.toString(), "--out",
                tmp.resolve("e2").toString(), "--quiet");
        assertThat(r.isCleanInputError()).as(r.err()).isTrue();
        assertThat(r.err()).contains("3-channel").contains("1-channel");
    }

    @Test
    void badOptionsAreCleanErrors() throws Exception {
        assertThat(Cli.run("evaluate", "--runs", tmp.resolve("nope").toString(), "--out",
                tmp.resolve("e3").toString()).isCleanInputError()).isTrue();
        Cli pixels = Cli.run("evaluate", "--runs", softmax.toString(), "--pixels", "some", "--out",
                tmp.resolve("e4").toString());
        assertThat(pixels.isCleanInputError()).isTrue();
        assertThat(pixels.err()).contains("--pixels");
        Cli counts = Cli.run("evaluate", "--runs", softmax.toString(), "--ged-samples", "1,32", "--out",
                tmp.resolve("e5").toString());
        assertThat(counts.isCleanInputError()).isTrue();
        assertThat(counts.err()).contains("--ged-samples");
        Path full = tmp.resolve("full");
        Files.createDirectories(full);
        Files.writeString(full.resolve("keep.txt"), "mine");
        Cli occupied = Cli.run("evaluate", "--runs", softmax.toString(), "--out", full.toString());
        assertThat(occupied.isCleanInputError()).isTrue();
        assertThat(full.resolve("keep.txt")).hasContent("mine");
    }
}
