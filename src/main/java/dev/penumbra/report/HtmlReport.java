package dev.penumbra.report;

import dev.penumbra.evaluate.Comparison;
import dev.penumbra.evaluate.Correlation;
import dev.penumbra.evaluate.EvaluationFigures;
import dev.penumbra.evaluate.EvaluationOverview;
import dev.penumbra.evaluate.Metric;
import dev.penumbra.evaluate.ModelSummary;
import dev.penumbra.evaluate.OracleSummary;
import dev.penumbra.evaluate.Verdict;
import dev.penumbra.health.HealthThresholds;
import dev.penumbra.figure.Figure;
import dev.penumbra.io.AtomicFiles;
import dev.penumbra.io.Json;
import dev.penumbra.metric.Ged;
import dev.penumbra.stats.Bootstrap;
import dev.penumbra.stats.TTest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.penumbra.report.Html.esc;
import static dev.penumbra.report.Html.num;

/**
 * One HTML file that opens from disk in any browser: the figures are embedded as PNG data (and linked as PNG and
 * SVG files beside it), with every table, every test with its statistic and p-value, the methods and the
 * provenance of the evaluation.
 */
public final class HtmlReport {

    /** One evaluated dataset with its figures. */
    public record Section(EvaluationOverview evaluation, Map<String, Figure> figures) implements ReportPart {

        @Override
        public String anchor() {
            return "d-" + evaluation.name().replaceAll("[^A-Za-z0-9_-]", "-");
        }

        @Override
        public String title() {
            return evaluation.name();
        }

        @Override
        public void render(StringBuilder html, Path base) {
            new SectionWriter(html, this, base).write();
        }

        @Override
        public String lead() {
            return "Is the uncertainty useful? Each model's samples are compared with the annotators (generalized"
                    + " energy distance, diversity, overlap), and its pixel uncertainty is tested as a flag of errors"
                    + " and against the annotators' disagreement, after Czolbe et al., IPMI 2021.";
        }

        @Override
        public String warnings() {
            return HealthHtml.box(evaluation.name(), evaluation.summaries());
        }

        @Override
        public List<Path> folders() {
            List<Path> folders = new java.util.ArrayList<>();
            figures.values().stream().findFirst().ifPresent(f -> {
                Path figureDir = f.png().toAbsolutePath().getParent();
                folders.add(figureDir.getParent());
                folders.add(figureDir);
            });
            return folders;
        }
    }

    private HtmlReport() {
    }

    /**
     * @param file       the report to write (atomically)
     * @param title      the page title
     * @param sections   the report's sections, e.g. one per evaluated dataset
     * @param provenance how it was made (written as JSON at the end)
     */
    public static void write(Path file, String title, List<? extends ReportPart> sections, Object provenance) {
        Path base = file.toAbsolutePath().getParent();
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(esc(title))
                .append("</title>\n<style>\n").append(Style.CSS).append("</style>\n</head>\n<body>\n<main>\n");
        b.append("<h1>").append(esc(title)).append("</h1>\n");
        java.util.Set<String> leads = new java.util.LinkedHashSet<>();
        sections.forEach(s -> leads.add(s.lead()));
        leads.remove("");
        b.append("<p class=\"lead\">").append(String.join(" ", leads)).append(" Tables and figures are also in the"
                + " folders beside this file.</p>\n");
        sections.forEach(s -> b.append(s.warnings()));
        b.append("<nav><ul>");
        for (ReportPart s : sections) {
            b.append("<li><a href=\"#").append(s.anchor()).append("\">").append(esc(s.title()))
                    .append("</a></li>");
        }
        b.append("<li><a href=\"#methods\">methods</a></li><li><a href=\"#provenance\">provenance</a></li>"
                + "</ul></nav>\n");
        for (ReportPart s : sections) {
            s.render(b, base);
        }
        b.append(Methods.html());
        b.append("<h2 id=\"provenance\">Provenance</h2>\n<pre>").append(esc(Json.toString(provenance)))
                .append("</pre>\n");
        b.append("</main>\n</body>\n</html>\n");
        AtomicFiles.writeString(file, b.toString());
    }

    /** Writes one dataset's part of the report. */
    private static final class SectionWriter {
        private final StringBuilder b;
        private final EvaluationOverview e;
        private final Map<String, Figure> figures;
        private final Path base;

        SectionWriter(StringBuilder b, Section s, Path base) {
            this.b = b;
            this.e = s.evaluation();
            this.figures = s.figures();
            this.base = base;
        }

        void write() {
            int k = e.settings().largestCount();
            b.append("<section id=\"").append(new Section(e, figures).anchor()).append("\">\n<h2>")
                    .append(esc(e.name())).append("</h2>\n");
            b.append("<p>Data <code>").append(esc(e.data())).append("</code>, ").append(esc(e.split()))
                    .append(" split: ").append(e.images()).append(" images, up to ").append(e.annotators())
                    .append(" annotation(s) per image; ").append(e.models()).append(" model(s); ")
                    .append(e.settings().samples()).append(" samples per image.</p>\n");
            origins();
            b.append(HealthHtml.box(e.name(), e.summaries()));
            verdict();
            summaryTable(k);
            figure("fig3");
            b.append("<h3>Does the uncertainty flag errors?</h3>\n");
            figure("fig4");
            correlationTable(true);
            if (e.annotators() > 1) {
                b.append("<h3>Does the uncertainty match the annotators' disagreement?</h3>\n");
                figure("fig5");
                correlationTable(false);
            }
            b.append("<h3>Generalized energy distance and sample diversity</h3>\n");
            figure("fig6");
            figure("fig6b");
            comparisonTable();
            figure("fig7");
            oracleTable();
            b.append("<h3>Calibration and failure detection</h3>\n");
            figure("reliability");
            figure("risk_coverage");
            List<String> training = figures.keySet().stream()
                    .filter(key -> key.startsWith(EvaluationFigures.TRAINING)).toList();
            if (!training.isEmpty()) {
                b.append("<h3>Training</h3>\n");
                training.forEach(this::figure);
            }
            b.append("</section>\n");
        }

        /** Where each model's samples come from, when any model is prediction files rather than a run. */
        private void origins() {
            List<ModelSummary> external = e.summaries().stream()
                    .filter(s -> s.origin() != null && !s.origin().trainedRun()).toList();
            if (external.isEmpty()) {
                return;
            }
            b.append("<p class=\"caption\">Models read from prediction files (<code>--predictions</code>) rather"
                    + " than sampled from a trained run; every other model is a run, sampled here.</p>\n<ul class=\"origins\">\n");
            for (ModelSummary s : external) {
                b.append("<li><strong>").append(esc(s.label())).append("</strong>: predictions from <code>")
                        .append(esc(s.origin().path())).append("</code>, ").append(s.origin().samplesGiven())
                        .append(" sample(s) per image given, ").append(s.origin().samplesUsed())
                        .append(" used; mean probability: ").append(esc(s.origin().probabilities())).append('.');
                for (String note : s.origin().notes()) {
                    b.append("<br>").append(esc(note.substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                            + note.substring(1))).append('.');
                }
                b.append("</li>\n");
            }
            b.append("</ul>\n");
        }

        /** The answers to the paper's questions, generated from this evaluation's numbers. */
        private void verdict() {
            b.append("<h3>Verdict: is the uncertainty useful here?</h3>\n");
            b.append("<p class=\"caption\">Generated from the numbers below by fixed criteria, 95% bootstrap"
                    + " intervals over images (the unit that is independent). Errors: <em>yes</em> when the AUROC"
                    + " interval of pixel entropy for wrong pixels lies above 0.5 and the interval of rm_corr r"
                    + " (correctness vs entropy) below 0; <em>partly</em> when one of the two holds; <em>no</em>"
                    + " when the AUROC interval lies below 0.5. Disagreement (several annotations per image):"
                    + " <em>yes</em> when the interval of rm_corr r (disagreement vs entropy) lies above 0,"
                    + " <em>no</em> below 0. Otherwise no evidence either way; fewer than ")
                    .append(HealthThresholds.MIN_IMAGES).append(" images: not enough evidence. A model flagged by"
                            + " the health checks gets no conclusion.</p>\n");
            List<List<String>> rows = new ArrayList<>();
            for (Verdict.Finding f : Verdict.of(e)) {
                ModelSummary s = e.summaries().stream().filter(m -> m.label().equals(f.model())).findFirst()
                        .orElseThrow();
                rows.add(List.of(HealthHtml.label(s), esc(f.question().text()),
                        "<span class=\"answer " + f.answer().name().toLowerCase(java.util.Locale.ROOT) + "\">"
                                + esc(f.answer().text()) + "</span>", esc(f.because())));
            }
            b.append(Html.table("prose", List.of("model", "question", "answer", "because"), rows));
        }

        private void summaryTable(int k) {
            Ged.Estimator primary = e.settings().estimator();
            List<String> header = new ArrayList<>(List.of("model"));
            for (Ged.Estimator g : Ged.Estimator.values()) {
                header.add("GED@" + k + " " + g + (g == primary ? " (primary)" : ""));
            }
            header.addAll(List.of("diversity@" + k, "diversity@" + k + " unbiased", "NCC", "Hungarian IoU@" + k,
                    "soft Dice", "majority Dice", "empty samples", "entropy (bits)", "ECE", "AUROC", "AURC",
                    "error rate"));
            List<List<String>> rows = new ArrayList<>();
            for (ModelSummary s : e.summaries()) {
                List<String> row = new ArrayList<>(List.of(HealthHtml.label(s)));
                for (Ged.Estimator g : Ged.Estimator.values()) {
                    row.add(ci(s.means().get(Metric.ged(g).at(k))));
                }
                row.addAll(List.of(ci(s.means().get(Metric.DIVERSITY.at(k))),
                        ci(s.means().get(Metric.DIVERSITY_UNBIASED.at(k))), ci(s.means().get(Metric.NCC.key())),
                        ci(s.means().get(Metric.HUNGARIAN_IOU.at(k))), ci(s.means().get(Metric.SOFT_DICE.key())),
                        ci(s.means().get(Metric.MAJORITY_DICE.key())), ci(s.means().get(Metric.EMPTY_SAMPLES.key())), ci(s.means().get(Metric.ENTROPY.key())),
                        num(s.ece(), 4),
                        s.aurocCi() == null ? num(s.auroc(), 3) : ci(s.aurocCi()), num(s.aurc(), 4),
                        num(s.errorRate(), 4)));
                rows.add(row);
            }
            b.append("<p class=\"caption\">Dataset means with bootstrap 95% intervals (")
                    .append(e.settings().bootstrap()).append(" resamples of the images). GED by three protocols,"
                            + " comparable only with numbers of the same protocol: <em>paper</em>, the seed paper's"
                            + " (annotations re-drawn to the sample count, pairs i = j included); <em>all-pairs</em>,"
                            + " all given annotations, pairs i = j included (PHiSeg, SSN, MoSE and most later LIDC"
                            + " tables); <em>unbiased</em>, pairs i ≠ j only. Lower GED is better; the model"
                            + " comparisons test the primary one. Diversity: E[d(y, y')] of the samples, pairs i = j"
                            + " included (paper and all-pairs) or not (unbiased). NCC: PHiSeg's normalised"
                            + " cross-correlation between the samples' expected cross-entropy map and each"
                            + " annotator's (higher: the model is uncertain where it disagrees with the annotators;"
                            + " 0 where a map is constant). Two Dice scores, different measures: <em>soft Dice</em>"
                            + " compares the mean foreground probability with the mean annotation (the fraction of"
                            + " annotators marking each pixel), 2 sum(x y) / (sum x^2 + sum y^2) as in the seed paper,"
                            + " over every test image; <em>majority Dice</em> compares the pixels in at least half of"
                            + " the samples with the pixels at least half of the annotators mark, over the images"
                            + " where such pixels exist (the demo's summary reports this one). Empty samples: the"
                            + " share of"
                            + " samples without any foreground on the images where every annotator marks a lesion."
                            + " ECE: expected calibration"
                            + " error of the foreground probability against the annotators. AUROC / AURC: pixel"
                            + " entropy as a detector of wrong pixels (higher AUROC, lower AURC is better; the"
                            + " error rate is the AURC of a detector that knows nothing).</p>\n");
            b.append(Html.table(header, rows));
        }

        private void correlationTable(boolean correctness) {
            List<String> header = new ArrayList<>(List.of("model"));
            if (correctness) {
                header.addAll(List.of("median TP", "median FP", "median FN", "median TN", "pixels TP/FP/FN/TN"));
            }
            header.addAll(List.of("rm_corr r", "dof", "p", "95% CI (Fisher)", "95% CI (bootstrap, images)",
                    "images", "p &lt; 0.01"));
            List<List<String>> rows = new ArrayList<>();
            for (ModelSummary s : e.summaries()) {
                List<String> row = new ArrayList<>(List.of(HealthHtml.label(s)));
                if (correctness) {
                    for (String o : List.of("TP", "FP", "FN", "TN")) {
                        row.add(num(s.outcomeMedians().getOrDefault(o, Double.NaN), 3));
                    }
                    row.add(s.outcomeCounts().get("TP") + " / " + s.outcomeCounts().get("FP") + " / "
                            + s.outcomeCounts().get("FN") + " / " + s.outcomeCounts().get("TN"));
                }
                Correlation c = correctness ? s.correctness() : s.agreement();
                if (c.result() == null) {
                    row.addAll(List.of("\u2013", "\u2013", "\u2013", "\u2013", "\u2013", Integer.toString(c.images()),
                            esc(c.note())));
                } else {
                    row.addAll(List.of(num(c.result().r(), 3), Integer.toString(c.result().dof()),
                            Html.p(c.result().p()), "[" + num(c.result().ciLow(), 3) + ", "
                                    + num(c.result().ciHigh(), 3) + "]", c.bootstrap() == null ? "\u2013"
                                    : "[" + num(c.bootstrap().low(), 3) + ", " + num(c.bootstrap().high(), 3) + "]",
                            Integer.toString(c.images()),
                            c.images() < HealthThresholds.MIN_IMAGES ? "not enough evidence ("
                                    + c.images() + " images)" : c.significant() ? "yes" : "no"));
                }
                rows.add(row);
            }
            b.append("<p class=\"caption\">").append(correctness
                    ? "Median pixel entropy (bits) by outcome, and the repeated-measures correlation (Bakdash &amp;"
                    + " Marusich 2017; image = subject) between correctness (1 = TP or TN, 0 = FP or FN) and pixel"
                    + " entropy. A negative r: wrong pixels are more uncertain. Images whose sampled pixels are all"
                    + " right (or all wrong) do not enter. Published r: LIDC -0.405 / -0.451 / -0.595 / -0.525, ISIC"
                    + " -0.380 / -0.411 / -0.354 / -0.420 for softmax / ensemble / MC-Dropout / Prob. U-Net."
                    : "Repeated-measures correlation between the annotators' disagreement (0 = all agree, 1 = 3-1,"
                    + " 2 = 2-2 for four annotators) and pixel entropy, over sampled pixels; images where all"
                    + " sampled pixels are unanimous do not enter. Published r (LIDC): 0.592 / 0.612 / 0.461 /"
                    + " 0.552 for softmax / ensemble / MC-Dropout / Prob. U-Net.").append(" Fisher's interval treats"
                    + " every pixel as independent; the bootstrap interval resamples the images that entered (the"
                    + " subjects, ").append(e.settings().bootstrap()).append(" resamples) and is the one to trust:"
                    + " pixels of one image are not independent. Fewer than ").append(HealthThresholds.MIN_IMAGES)
                    .append(" images: not enough evidence.</p>\n");
            b.append(Html.table(header, rows));
        }

        private void comparisonTable() {
            if (e.comparisons().isEmpty()) {
                return;
            }
            List<String> header = List.of("pair (lower mean first)", "difference a \u2212 b [95% CI]", "d<sub>z</sub>",
                    "paired t", "dof", "p", "p Holm", "two-sample t", "dof", "p", "evidence");
            String evidence = e.images() < HealthThresholds.MIN_IMAGES ? "not enough (" + e.images() + " images)"
                    : e.images() + " images";
            List<List<String>> rows = new ArrayList<>();
            for (Comparison c : e.comparisons()) {
                TTest.Result two = c.twoSample();
                TTest.Result paired = c.paired();
                Bootstrap.Interval d = c.meanDifference();
                rows.add(List.of(esc(c.metric() + ": " + c.a() + " vs " + c.b()),
                        d == null ? "\u2013" : num(d.estimate(), 3) + " [" + num(d.low(), 3) + ", "
                                + num(d.high(), 3) + "]", num(c.cohensDz(), 2),
                        paired == null ? "\u2013" : num(paired.t(), 3), paired == null ? "\u2013"
                                : Html.dof(paired.dof()), paired == null ? "\u2013" : Html.p(paired.p()),
                        Html.p(c.pairedHolm()), num(two.t(), 3), Html.dof(two.dof()), Html.p(two.p()), evidence));
            }
            String family = e.comparisons().get(0).family();
            b.append("<p class=\"caption\">Every unordered pair of models on per-image GED, the lower mean first."
                    + " Primary: the two-sided paired t-test over the same images, with the mean paired difference"
                    + " (bootstrap 95% interval over images) and Cohen's d<sub>z</sub> (mean difference over the"
                    + " standard deviation of the differences); p Holm: adjusted by Holm's method over ")
                    .append(esc(family)).append(". Beside it the two-sample test of the seed paper's pipeline"
                            + " (Student with equal group sizes, Welch otherwise), two-sided here because the order"
                            + " comes from the data (the paper's one-sided p in this direction is half of it)."
                            + " Equal differences on every image give t = \u00b1\u221e, none at all t = NaN"
                            + " (\u2013), as scipy reports.</p>\n");
            b.append(Html.table(header, rows));
        }

        /** The models against the oracle annotators of synthetic data, when the data has them. */
        private void oracleTable() {
            List<ModelSummary> scored = e.summaries().stream().filter(s -> s.oracle() != null).toList();
            if (scored.isEmpty()) {
                return;
            }
            OracleSummary first = scored.get(0).oracle();
            int k = first.samples();
            b.append("<h3>Against the oracle annotators: an answer known in advance</h3>\n");
            b.append("<p class=\"caption\">This data is synthetic, so its generator knows the annotator"
                    + " distribution: ").append(first.draws()).append(" further independent annotations per image"
                    + " and the true p(a|x). GED@").append(k).append(" against the oracle (paper estimator, mean over"
                    + " the two halves of the oracle set) and the floor, the GED@").append(k).append(" of oracle"
                    + " draws against the other half, i.e. what a model that samples the true distribution scores"
                    + " (above 0 because the paper estimator counts pairs i = j). Ratio: GED / floor of the means"
                    + " (1 = as good as the truth). Excess: mean of GED - floor per image. ECE against the true"
                    + " p(a|x), beside the ECE that the ").append(e.annotators()).append(" annotators' mean vote"
                    + " itself reaches against it. Dataset means with bootstrap 95% intervals.</p>\n");
            List<String> header = List.of("model", "GED@" + k + " vs oracle", "floor", "ratio", "excess",
                    "ECE vs p(a|x)", "ECE of the annotators' mean");
            List<List<String>> rows = new ArrayList<>();
            for (ModelSummary s : scored) {
                OracleSummary o = s.oracle();
                rows.add(List.of(HealthHtml.label(s), ci(o.ged()), ci(o.floor()), num(o.ratio(), 2),
                        ci(o.excess()), num(o.ece(), 4), num(o.annotatorEce(), 4)));
            }
            b.append(Html.table(header, rows));
        }

        private void figure(String key) {
            Figure f = figures.get(key);
            if (f != null) {
                b.append(Html.figure(f, base));
                b.append(HealthHtml.figureNote(e.summaries()));
            }
        }

        private static String ci(Bootstrap.Interval i) {
            if (i == null) {
                return "\u2013";
            }
            return num(i.estimate(), 3) + "<br><span class=\"ci\">[" + num(i.low(), 3) + ", " + num(i.high(), 3)
                    + "]</span>";
        }
    }
}
