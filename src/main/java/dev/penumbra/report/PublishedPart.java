package dev.penumbra.report;

import dev.penumbra.evaluate.EvaluationOverview;
import dev.penumbra.evaluate.ModelSummary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.penumbra.report.Html.esc;
import static dev.penumbra.report.Html.num;

/** The report's table of the paper's published numbers beside ours, metric by metric and model by model. */
public record PublishedPart(String dataset, List<Published.Metric> metrics, EvaluationOverview ours)
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
                        + " diversity: paper estimator.</p>\n");
        List<List<String>> rows = new ArrayList<>();
        for (Published.Metric m : metrics) {
            for (String model : Published.MODELS) {
                ModelSummary s = ours.summaries().stream().filter(x -> x.label().equals(model)).findFirst()
                        .orElse(null);
                rows.add(List.of(esc(m.label()), s == null ? esc(model) : HealthHtml.label(s),
                        num(m.values().get(model), 3),
                        s == null ? "\u2013" : num(value(m.key(), s), 3)));
            }
        }
        b.append(Html.table(List.of("metric", "model", "published", "ours"), rows)).append("</section>\n");
    }

    private static double value(String key, ModelSummary s) {
        return switch (key) {
            case "r_correct" -> s.correctness().result() == null ? Double.NaN : s.correctness().result().r();
            case "r_agreement" -> s.agreement() == null || s.agreement().result() == null ? Double.NaN
                    : s.agreement().result().r();
            default -> s.means().containsKey(key) ? s.means().get(key).estimate() : Double.NaN;
        };
    }
}
