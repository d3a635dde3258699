package dev.penumbra.evaluate;

import dev.penumbra.figure.AxisRanges;
import dev.penumbra.figure.Charts;
import dev.penumbra.figure.Figure;
import dev.penumbra.figure.FigureFiles;
import dev.penumbra.figure.ReliabilityChart;
import dev.penumbra.metric.ErrorDetection;
import dev.penumbra.stats.Bootstrap;
import dev.penumbra.train.TrainRun;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws an evaluation's figures into a folder, as PNG and SVG: Fig 3 (entropy maps), Fig 4 (uncertainty by
 * TP / FP / FN / TN), Fig 5 (model vs annotator uncertainty, several annotators only), Fig 6 (GED and diversity vs
 * sample count with 95% intervals), Fig 7 (sample grids), the reliability diagram, the risk-coverage curves, and
 * the training curves of every run (prediction files have none).
 */
public final class EvaluationFigures {

    /** Key prefix of the training-curves figures, one per run: {@code training:<label>}. */
    public static final String TRAINING = "training:";

    /** The risk axis fits the curves from this coverage on (see {@link AxisRanges#ysFrom}). */
    static final double ZOOM_FROM_COVERAGE = 0.1;

    private static final int W = 760;
    private static final int H = 460;

    private EvaluationFigures() {
    }

    /** @return the figures in the order the report shows them, keyed by a short name */
    public static Map<String, Figure> write(DatasetEvaluation e, Path dir) {
        Map<String, Figure> figures = new LinkedHashMap<>();
        String t = e.name();
        if (!e.figureImages().isEmpty()) {
            figures.put("fig3", ImageFigures.entropyMaps(dir, "fig3_entropy_maps", "Entropy maps (" + t + ")",
                    e.figureImages(), e.models(), e.classes()));
        }
        for (ModelEvaluation m : e.models().stream().filter(ModelEvaluation::trainedRun).toList()) {
            Figure curves = TrainingCurves.write(dir, t, m.label(), TrainRun.readOutcome(Path.of(m.run())));
            if (curves != null) {
                figures.put(TRAINING + m.label(), curves);
            }
        }
        figures.put("fig4", outcomes(e, dir));
        if (e.annotators() > 1) {
            figures.put("fig5", agreement(e, dir));
        }
        figures.put("fig6", gedCurve(e, dir, Metric.GED, "GED D\u00b2 (paper estimator)", "fig6_ged_vs_samples",
                "Generalized energy distance vs the number of samples, dataset mean with bootstrap 95% interval;"
                        + " lower is better."));
        figures.put("fig6b", gedCurve(e, dir, Metric.DIVERSITY, "sample diversity E[d(y, y')]",
                "fig6_diversity_vs_samples", "Sample diversity vs the number of samples, dataset mean with"
                        + " bootstrap 95% interval."));
        if (!e.figureImages().isEmpty()) {
            figures.put("fig7", ImageFigures.samples(dir, "fig7_samples", "Samples (" + t + ")",
                    e.figureImages().subList(0, Math.min(2, e.figureImages().size())), e.models(), e.summaries(), 8,
                    e.settings().largestCount()));
        }
        figures.put("reliability", reliability(e, dir));
        Figure rc = riskCoverage(e, dir);
        if (rc != null) {
            figures.put("risk_coverage", rc);
        }
        return figures;
    }

    private static Figure outcomes(DatasetEvaluation e, Path dir) {
        LinkedHashMap<String, Map<String, List<Double>>> values = new LinkedHashMap<>();
        for (ModelEvaluation m : e.models()) {
            values.put(m.label(), Statistics.byOutcome(m.pixels()));
        }
        String caption = "Pixel predictive entropy by prediction outcome (" + e.name() + "), over sampled pixels"
                + " where all annotators agree; boxes: quartiles, line: median, marker: mean; n: the pixels in each"
                + " box (n = 0: no pixel has that outcome).";
        return FigureFiles.write(dir, "fig4_uncertainty_by_outcome", W, H, caption, Charts.boxPlot(
                "Uncertainty by prediction outcome", "outcome", "pixel entropy (bits)",
                List.of("TP", "FP", "FN", "TN"), values));
    }

    private static Figure agreement(DatasetEvaluation e, Path dir) {
        LinkedHashMap<String, Map<String, List<Double>>> values = new LinkedHashMap<>();
        List<String> categories = new ArrayList<>();
        for (ModelEvaluation m : e.models()) {
            Map<String, List<Double>> groups = Statistics.byAgreement(m.pixels());
            groups.keySet().stream().filter(k -> !categories.contains(k)).forEach(categories::add);
            values.put(m.label(), groups);
        }
        String caption = "Model uncertainty (pixel entropy) by annotator agreement (" + e.name() + "): votes of"
                + " the annotators for foreground vs background, e.g. 3-1 = three against one; n: the sampled pixels in"
                + " each box.";
        return FigureFiles.write(dir, "fig5_model_vs_annotator_uncertainty", W, H, caption, Charts.boxPlot(
                "Model vs annotator uncertainty", "annotators", "pixel entropy (bits)", categories, values));
    }

    private static Figure gedCurve(DatasetEvaluation e, Path dir, Metric metric, String axis, String name,
                                   String caption) {
        LinkedHashMap<String, List<Charts.Point>> series = new LinkedHashMap<>();
        for (ModelSummary s : e.summaries()) {
            List<Charts.Point> points = new ArrayList<>();
            for (int k : e.settings().gedCounts()) {
                Bootstrap.Interval i = s.means().get(metric.at(k));
                if (i != null) { // prediction files reach only the counts up to their samples
                    points.add(new Charts.Point(k, i.estimate(), i.low(), i.high()));
                }
            }
            series.put(s.label(), points);
        }
        return FigureFiles.write(dir, name, W, H, caption + " (" + e.name() + ")", Charts.intervals(
                metric == Metric.GED ? "GED vs sample count" : "Sample diversity vs sample count",
                "samples per image", axis, series));
    }

    private static Figure reliability(DatasetEvaluation e, Path dir) {
        LinkedHashMap<String, List<ReliabilityChart.Bin>> series = new LinkedHashMap<>();
        StringBuilder eces = new StringBuilder();
        for (int i = 0; i < e.models().size(); i++) {
            ModelEvaluation m = e.models().get(i);
            series.put(m.label(), m.calibration().bins().stream().map(b -> new ReliabilityChart.Bin(b.lower(),
                    b.upper(), b.count(), b.meanPredicted(), b.observedFrequency())).toList());
            eces.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.4f", m.label(),
                    e.summaries().get(i).ece()));
        }
        String caption = "Reliability of the foreground probability over every test pixel (" + e.name() + "):"
                + " mean predicted probability vs the share of annotators marking the pixel, per bin; the dashed"
                + " line is perfect calibration. Below, the pixels in each bin (log scale): points of small bins"
                + " rest on few pixels; empty bins are not drawn. ECE: " + eces + ".";
        return FigureFiles.write(dir, "reliability", W, H + 80, caption, ReliabilityChart.of("Reliability diagram",
                "mean predicted foreground probability", "observed foreground frequency", "pixels", series));
    }

    private static Figure riskCoverage(DatasetEvaluation e, Path dir) {
        LinkedHashMap<String, double[][]> series = new LinkedHashMap<>();
        for (int i = 0; i < e.models().size(); i++) {
            ErrorDetection.RiskCoverage c = Statistics.riskCoverage(e.models().get(i));
            if (c != null) {
                series.put(withAurc(e.models().get(i).label(), e.summaries().get(i).aurc()),
                        new double[][] {c.coverage(), c.risk()});
            }
        }
        if (series.isEmpty()) {
            return null;
        }
        double[] y = AxisRanges.ysFrom(series, ZOOM_FROM_COVERAGE, 0.04);
        double highest = AxisRanges.maxY(series);
        String cut = y != null && highest > y[1] ? String.format(Locale.ROOT, " The risk axis is fitted to the"
                + " curves from %.0f%% coverage on; below it, the few most certain pixels make the risk reach %.2f,"
                + " off the plot.", 100 * ZOOM_FROM_COVERAGE, highest) : "";
        String caption = "Risk-coverage curves (" + e.name() + "): keeping only the pixels with the lowest entropy"
                + " (coverage), the share of them predicted wrongly (risk), over sampled pixels where all"
                + " annotators agree; a lower area (AURC, in the legend) is a better failure detector." + cut;
        return FigureFiles.write(dir, "risk_coverage", W, H, caption, Charts.lines("Risk-coverage",
                "coverage", "risk (pixel error rate)", series, false, new double[] {0, 1}, y));
    }

    /**
     * A model's legend entry with its area under the risk-coverage curve to three significant digits, so that a
     * small AURC does not read as 0: "punet (AURC 0.0123)", "softmax (AURC 0.000712)".
     */
    static String withAurc(String label, double aurc) {
        String value = aurc == 0 ? "0" : !Double.isFinite(aurc) ? String.valueOf(aurc)
                : new BigDecimal(aurc).round(new MathContext(3)).stripTrailingZeros().toPlainString();
        return label + " (AURC " + value + ")";
    }
}
