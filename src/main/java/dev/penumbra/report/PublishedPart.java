package dev.penumbra.report;

import dev.penumbra.evaluate.EvaluationOverview;
import dev.penumbra.evaluate.Metric;
import dev.penumbra.evaluate.ModelSummary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.penumbra.report.Html.esc;
import static dev.penumbra.report.Html.num;

/** The report's table of the paper's published numbers beside ours, metric by metric and model by model. */
public record PublishedPart(String dataset, List<Published.Entry> metrics, EvaluationOverview ours)
        implements ReportPart {

    @Override
    public String anchor() {
        return "published-" + ours.name().replaceAll("[^A-Za-z0-9_-]", "-");
    }

    @Override
    public String title() {
        return "published vs ours (" + ours.name() + ")";
    }

    @Override
    public void render(StringBuilder b, Path base) {
        b.append("<section id=\"").append(anchor()).append("\">\n<h2>Published vs ours: ").append(esc(ours.name()))
                .append("</h2>\n<p class=\"caption\">The paper's numbers on ")
                .append(esc(dataset)).append(" (Czolbe et al., IPMI 2021; PROTOCOL.md) beside this study's on <code>")
                .append(esc(ours.data())).append("</code>. They agree only where data, preset and training match the"
                        + " paper's; a small or synthetic study shows the pipeline, not the paper's result. GED and"
                        + " diversity: the paper estimator on both sides (16 samples, annotations re-drawn to 16).</p>\n");
        List<List<String>> rows = new ArrayList<>();
        for (Published.Entry m : metrics) {
            for (String model : Published.MODELS) {
                ModelSummary s = ours.summaries().stream().filter(x -> x.label().equals(model)).findFirst()
                        .orElse(null);
                rows.add(List.of(esc(m.label()), s == null ? esc(model) : HealthHtml.label(s),
                        num(m.values().get(model), 3),
                        s == null ? "\u2013" : num(m.ours().applyAsDouble(s), 3)));
            }
        }
        b.append(Html.table(List.of("metric", "model", "published", "ours"), rows));
        if (dataset.startsWith("LIDC")) {
            literature(b);
        }
        b.append("</section>\n");
    }

    /** Later LIDC results under the all-pairs protocol beside our all-pairs GED at the same sample count. */
    private void literature(StringBuilder b) {
        int k = ours.settings().largestCount();
        b.append("<h3>Later LIDC results: all-pairs protocol</h3>\n<p class=\"caption\">Most LIDC work after the"
                + " seed paper (PHiSeg, SSN, MoSE, diffusion models) scores GED as the V-statistic over the samples"
                + " and the four given annotations (no re-draw, pairs i = j included, d = 1 \u2212 IoU); its numbers"
                + " are about half the seed paper's. Ours: this study's <code>ged_all_pairs@").append(k)
                .append("</code> of the model of the same kind, shown only where the sample count matches."
                        + " Unverified numbers are quoted from secondary knowledge: check the paper before citing"
                        + " them.</p>\n");
        List<List<String>> rows = new ArrayList<>();
        for (Published.Literature l : Published.LIDC_ALL_PAIRS) {
            ModelSummary s = l.model() == null ? null : ours.summaries().stream()
                    .filter(x -> x.label().equals(l.model())).findFirst().orElse(null);
            String mine = s == null || l.samples() != k ? "\u2013" : num(s.estimate(Metric.GED_ALL_PAIRS.at(k)), 3);
            rows.add(List.of(esc(l.method()), num(l.ged(), Math.max(3, java.math.BigDecimal.valueOf(l.ged()).scale())),
                    Integer.toString(l.samples()), esc(l.split()), esc(l.source()), l.verified() ? "yes" : "no",
                    mine));
        }
        b.append(Html.table("prose", List.of("method", "GED", "samples", "data", "source", "verified",
                "ours"), rows));
    }
}
