package dev.penumbra.report;

import dev.penumbra.active.Acquisitions;
import dev.penumbra.active.ActiveResult;
import dev.penumbra.active.ActiveVerdict;
import dev.penumbra.active.ActiveSettings;
import dev.penumbra.active.RoundManifest;
import dev.penumbra.active.RoundMetrics;
import dev.penumbra.figure.Figure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import static dev.penumbra.report.Html.esc;
import static dev.penumbra.report.Html.num;

/** The report's section on an active-learning experiment. */
public record ActivePart(ActiveResult result, Map<String, Figure> figures) implements ReportPart {

    @Override
    public String anchor() {
        return "active-" + result.settings().model();
    }

    @Override
    public List<Path> folders() {
        List<Path> folders = new ArrayList<>(List.of(result.out()));
        figures.values().stream().findFirst().ifPresent(f -> folders.add(f.png().toAbsolutePath().getParent()));
        return folders;
    }

    @Override
    public String lead() {
        return "Does uncertainty pick better images to annotate than chance? Active-learning curves of"
                + " acquisition strategies, and what the picked images are like.";
    }

    @Override
    public String title() {
        return "active learning (" + result.settings().model() + ")";
    }

    @Override
    public void render(StringBuilder b, Path base) {
        ActiveSettings s = result.settings();
        b.append("<section id=\"").append(anchor()).append("\">\n<h2>Active learning: ").append(esc(s.model()))
                .append("</h2>\n");
        b.append("<p>Data <code>").append(esc(result.data())).append("</code>. Start with ").append(s.initial())
                .append(" random training images, add ").append(s.add()).append(" per round for ").append(s.rounds())
                .append(" rounds (").append(s.finalLabelled()).append(" at the end); every round retrains from"
                        + " scratch for ").append(s.steps()).append(" gradient updates without early stopping; ")
                .append(s.seeds()).append(s.seeds() == 1 ? " seed" : " seeds").append(", every strategy of a seed starting from the same images. Only"
                        + " unlabelled images can be picked, each once. The paper found random picks better than"
                        + " entropy for every model and dataset, and explained it by entropy chasing images the"
                        + " annotators disagree on: the last columns test that explanation.</p>\n<ul>");
        for (String name : s.strategies()) {
            b.append("<li><b>").append(esc(name)).append("</b>: ").append(esc(Acquisitions.get(name).description()))
                    .append("</li>");
        }
        b.append("</ul>\n");
        verdict(b);
        summary(b);
        for (String key : List.of("loss", "ged", "dice", "disagreement", "fig9")) {
            Figure f = figures.get(key);
            if (f != null) {
                b.append(Html.figure(f, base));
            }
        }
        b.append("</section>\n");
    }

    private void verdict(StringBuilder b) {
        List<ActiveVerdict.Finding> findings = ActiveVerdict.of(result);
        if (findings.isEmpty()) {
            return;
        }
        b.append("<h3>Verdict: is the uncertainty useful here?</h3>\n<p class=\"caption\">Did picking by"
                + " uncertainty beat random picks? Generated from the final round's test loss, paired by seed (the"
                + " same seed starts every strategy from the same images): <em>yes</em> when the Student t 95%"
                + " interval of the mean difference (strategy \u2212 random) lies below 0, <em>no</em> above 0, no"
                + " evidence either way when it holds 0; one seed gives no interval: not enough evidence.</p>\n");
        List<List<String>> rows = new ArrayList<>();
        for (ActiveVerdict.Finding f : findings) {
            rows.add(List.of(esc(f.strategy()), "<span class=\"answer "
                    + f.answer().name().toLowerCase(java.util.Locale.ROOT) + "\">" + esc(f.answer().text())
                    + "</span>", esc(f.because())));
        }
        b.append(Html.table("prose", List.of("strategy vs random", "answer", "because"), rows));
    }

    private void summary(StringBuilder b) {
        int last = result.settings().rounds();
        List<List<String>> rows = new ArrayList<>();
        for (String strategy : result.settings().strategies()) {
            List<RoundManifest> mine = result.rounds().stream().filter(m -> m.strategy().equals(strategy)).toList();
            List<RoundManifest> lastRound = mine.stream().filter(m -> m.round() == last).toList();
            List<RoundManifest> picking = mine.stream().filter(m -> !m.selected().isEmpty()).toList();
            rows.add(List.of(esc(strategy), meanSd(lastRound, RoundMetrics::testLoss, 4),
                    meanSd(lastRound, RoundMetrics::ged, 3), meanSd(lastRound, RoundMetrics::softDice, 3),
                    meanSd(picking, RoundMetrics::selectedDisagreement, 3),
                    meanSd(picking, RoundMetrics::poolDisagreement, 3),
                    meanSd(picking, RoundMetrics::selectedForeground, 3)));
        }
        b.append("<p class=\"caption\">After the last round (").append(result.settings().finalLabelled())
                .append(" labelled images), mean \u00b1 sd across seeds; and over all rounds, the annotator"
                        + " disagreement (mean pixel entropy of the mean annotation, bits) and annotated share of the"
                        + " picked images beside the pool's average.</p>\n");
        b.append(Html.table(List.of("strategy", "test loss", "GED@16 (" + result.settings().estimator() + ")",
                "soft Dice", "picked: annotator entropy",
                "pool: annotator entropy", "picked: annotated share"), rows));
    }

    private static String meanSd(List<RoundManifest> rounds, ToDoubleFunction<RoundMetrics> f, int digits) {
        double[] v = rounds.stream().mapToDouble(m -> f.applyAsDouble(m.metrics())).filter(x -> !Double.isNaN(x))
                .toArray();
        if (v.length == 0) {
            return "\u2013";
        }
        org.apache.commons.math3.stat.descriptive.SummaryStatistics s =
                new org.apache.commons.math3.stat.descriptive.SummaryStatistics();
        for (double x : v) {
            s.addValue(x);
        }
        return num(s.getMean(), digits) + (v.length > 1 ? " \u00b1 " + num(s.getStandardDeviation(), digits) : "");
    }
}
