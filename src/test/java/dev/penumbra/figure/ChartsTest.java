package dev.penumbra.figure;

import static dev.penumbra.figure.FigureChecks.assertFigure;
import static dev.penumbra.figure.FigureChecks.files;
import static dev.penumbra.figure.FigureChecks.svgTexts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.penumbra.figure.Charts.Point;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {

    private static final int W = 640;
    private static final int H = 400;
    private static final List<String> OUTCOMES = List.of("TP", "FP", "FN", "TN");

    @TempDir
    Path dir;

    @Test
    void boxPlotOfThousandsOfValuesIsWritten() throws Exception {
        Random random = new Random(7);
        LinkedHashMap<String, Map<String, List<Double>>> series = new LinkedHashMap<>();
        for (String model : List.of("softmax", "ensemble", "mcdropout", "punet")) {
            Map<String, List<Double>> byOutcome = new LinkedHashMap<>();
            for (String outcome : OUTCOMES) {
                byOutcome.put(outcome, random.doubles(5000).map(x -> x * x * x).boxed().collect(Collectors.toList()));
            }
            series.put(model, byOutcome);
        }
        JFreeChart chart = Charts.boxPlot("Entropy by outcome", "pixel outcome", "entropy (bits)", OUTCOMES, series);

        assertFigure(FigureFiles.write(dir, "box", W, H, "Entropy of each pixel by outcome.", chart), W, H);
        assertThat(files(dir)).containsExactly("box.png", "box.svg");
    }

    @Test
    void boxPlotDrawsEmptyCellsAndSingleValuesAsNothingOrALine() throws Exception {
        LinkedHashMap<String, Map<String, List<Double>>> series = new LinkedHashMap<>();
        series.put("softmax", Map.of("all agree", List.of(0.1, 0.2, 0.4), "3-1", List.of(0.5)));
        series.put("punet", Map.of("2-2", List.of()));
        List<Double> withGaps = new ArrayList<>(List.of(0.3, Double.NaN));
        withGaps.add(null);
        series.put("ensemble", Map.of("3-1", withGaps));
        series.put("mcdropout", null);
        List<String> agreement = List.of("all agree", "3-1", "2-2");

        JFreeChart chart = Charts.boxPlot(null, "annotator agreement", "entropy (bits)", agreement, series);

        assertFigure(FigureFiles.write(dir, "sparse", W, H, "", chart), W, H);
        ValueAxis axis = chart.getCategoryPlot().getRangeAxis();
        assertThat(axis.getLowerBound()).isLessThanOrEqualTo(0.1);
        assertThat(axis.getUpperBound()).isGreaterThanOrEqualTo(0.5);
    }

    @Test
    void everyBoxShowsItsNAndAnEmptyGroupShowsNEqualsZero() throws Exception {
        LinkedHashMap<String, Map<String, List<Double>>> series = new LinkedHashMap<>();
        series.put("softmax", Map.of("all agree", List.of(0.1, 0.2, 0.4), "3-1", List.of(0.5, Double.NaN)));
        series.put("punet", Map.of("2-2", List.of()));
        List<String> agreement = List.of("all agree", "3-1", "2-2");

        JFreeChart chart = Charts.boxPlot(null, "annotator agreement", "entropy (bits)", agreement, series);
        Figure figure = FigureFiles.write(dir, "counted", W, H, "", chart);

        assertFigure(figure, W, H);
        List<String> counts = svgTexts(figure.svg()).stream().filter(t -> t.startsWith("n = ")).toList();
        // one label per box, series by series within each category; NaN is not counted
        assertThat(counts).containsExactly("n = 3", "n = 0", "n = 1", "n = 0", "n = 0", "n = 0");
    }

    @Test
    void boxCountsAreExactBelowTenThousandAndThreeDigitsAbove() {
        assertThat(BoxStats.of(List.of(1.0, 2.0, Double.NaN)).count()).isEqualTo(2);
        assertThat(BoxStats.of(null).count()).isZero();
        assertThat(BoxRenderer.countLabel(0)).isEqualTo("n = 0");
        assertThat(BoxRenderer.countLabel(9999)).isEqualTo("n = 9999");
        assertThat(BoxRenderer.countLabel(12_345)).isEqualTo("n = 12.3k");
        assertThat(BoxRenderer.countLabel(123_456)).isEqualTo("n = 123k");
        assertThat(BoxRenderer.countLabel(999_999)).isEqualTo("n = 1.00M");
        assertThat(BoxRenderer.countLabel(1_234_567)).isEqualTo("n = 1.23M");
    }

    @Test
    void boxPlotWithoutAnyValueStillDraws() throws Exception {
        LinkedHashMap<String, Map<String, List<Double>>> empty = new LinkedHashMap<>();
        empty.put("softmax", Map.of());
        JFreeChart chart = Charts.boxPlot("Nothing yet", "outcome", "entropy (bits)", OUTCOMES, empty);
        JFreeChart none = Charts.boxPlot("Nothing yet", "outcome", "entropy (bits)", OUTCOMES,
            new LinkedHashMap<>());

        assertFigure(FigureFiles.write(dir, "empty", W, H, "", chart), W, H);
        assertFigure(FigureFiles.write(dir, "none", W, H, "", none), W, H);
    }

    @Test
    void boxPlotRejectsValuesOfAnUnknownCategory() {
        LinkedHashMap<String, Map<String, List<Double>>> series = new LinkedHashMap<>();
        series.put("punet", Map.of("TX", List.of(1.0)));

        assertThatThrownBy(() -> Charts.boxPlot(null, "outcome", "entropy", OUTCOMES, series))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("punet").hasMessageContaining("TX").hasMessageContaining("[TP, FP, FN, TN]");
    }

    /** numpy: {@code np.percentile([1,2,3,4,5,6,7,8,9,100], [25,50,75])} = [3.25, 5.5, 7.75], mean 14.5. */
    @Test
    void boxStatisticsFollowNumpyQuartilesAndTukeyWhiskers() {
        BoxAndWhiskerItem box = BoxStats.of(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 100.0));

        assertThat(box.getQ1().doubleValue()).isCloseTo(3.25, within(1e-12));
        assertThat(box.getMedian().doubleValue()).isCloseTo(5.5, within(1e-12));
        assertThat(box.getQ3().doubleValue()).isCloseTo(7.75, within(1e-12));
        assertThat(box.getMean().doubleValue()).isCloseTo(14.5, within(1e-12));
        assertThat(box.getMinRegularValue().doubleValue()).isEqualTo(1.0);
        assertThat(box.getMaxRegularValue().doubleValue()).isEqualTo(9.0);
        assertThat(box.getOutliers()).containsExactly(100.0);
        assertThat(box.getMaxOutlier().doubleValue()).isEqualTo(100.0);
    }

    @Test
    void intervalsPutTicksOnIntegerSampleCounts() throws Exception {
        LinkedHashMap<String, List<Point>> series = new LinkedHashMap<>();
        series.put("punet", List.of(new Point(1, 0.9, 0.85, 0.95), new Point(4, 0.7, 0.66, 0.75),
            new Point(8, 0.6, 0.55, 0.64), new Point(16, 0.55, 0.5, 0.6)));
        series.put("ensemble", List.of(Point.of(1, 0.95), new Point(4, 0.8, 0.78, 0.83), Point.of(8, Double.NaN),
            new Point(16, 0.7, 0.69, 0.72)));

        JFreeChart chart = Charts.intervals("GED", "samples per image", "GED", series);

        assertFigure(FigureFiles.write(dir, "ged", W, H, "GED against samples.", chart), W, H);
        assertThat(tickLabels(chart.getXYPlot().getDomainAxis())).containsExactly("1", "4", "8", "16");
    }

    @Test
    void bandsDrawLearningCurvesWithShadedSpreadAndTicksAtTheLabelledCounts() throws Exception {
        LinkedHashMap<String, List<Point>> series = new LinkedHashMap<>();
        series.put("random", List.of(new Point(50, 0.30, 0.27, 0.33), new Point(75, 0.26, 0.24, 0.28),
            new Point(100, 0.22, 0.21, 0.23)));
        series.put("entropy-sum", List.of(new Point(50, 0.30, 0.27, 0.33), new Point(75, 0.28, 0.25, 0.31),
            new Point(100, 0.25, 0.22, 0.28)));

        JFreeChart chart = Charts.bands("Test loss", "labelled images", "test loss", series);

        assertFigure(FigureFiles.write(dir, "curve", W, H, "Learning curve.", chart), W, H);
        assertThat(tickLabels(chart.getXYPlot().getDomainAxis())).containsExactly("50", "75", "100");
        assertThat(chart.getXYPlot().getRenderer()).isInstanceOf(org.jfree.chart.renderer.xy.DeviationRenderer.class);
        // the band reaches the spread, not only the means
        assertThat(chart.getXYPlot().getRangeAxis().getLowerBound()).isLessThanOrEqualTo(0.21);
        assertThat(chart.getXYPlot().getRangeAxis().getUpperBound()).isGreaterThanOrEqualTo(0.33);
    }

    @Test
    void pointsRejectErrorBarsThatRunBackwards() {
        assertThatThrownBy(() -> new Point(4, 0.5, 0.6, 0.4))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0.6 to 0.4");
        assertThatThrownBy(() -> new Point(Double.NaN, 0.5, 0.4, 0.6)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reliabilityDiagramHasTheDiagonalAndFixedRanges() throws Exception {
        double[] bins = {0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95};
        LinkedHashMap<String, double[][]> series = new LinkedHashMap<>();
        series.put("softmax", new double[][] {bins, {0.1, 0.2, 0.3, Double.NaN, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9}});
        series.put("punet", new double[][] {bins, bins});

        JFreeChart chart = Charts.lines("Reliability", "mean predicted probability", "observed frequency", series,
            true, new double[] {0, 1}, new double[] {0, 1});

        assertFigure(FigureFiles.write(dir, "reliability", 500, 500, "", chart), 500, 500);
        assertThat(chart.getXYPlot().getDomainAxis().getRange().getUpperBound()).isEqualTo(1.0);
        assertThat(chart.getXYPlot().getRangeAxis().getRange().getLowerBound()).isEqualTo(0.0);
        assertThat(chart.getXYPlot().getLegendItems().getItemCount()).isEqualTo(3);
        assertThat(chart.getXYPlot().getLegendItems().get(2).getLabel()).isEqualTo("y = x");
    }

    @Test
    void riskCoverageCurveOfManyPointsIsWritten() throws Exception {
        int n = 2000;
        double[] coverage = new double[n];
        double[] risk = new double[n];
        for (int i = 0; i < n; i++) {
            coverage[i] = (i + 1.0) / n;
            risk[i] = 0.02 + 0.2 * coverage[i] * coverage[i];
        }
        LinkedHashMap<String, double[][]> series = new LinkedHashMap<>();
        series.put("mcdropout", new double[][] {coverage, risk});

        JFreeChart chart = Charts.lines(null, "coverage", "risk (1 - Dice)", series, false, null, null);

        assertFigure(FigureFiles.write(dir, "risk", W, H, "", chart), W, H);
    }

    @Test
    void linesRejectSeriesThatAreNotPairsOfEqualLength() {
        LinkedHashMap<String, double[][]> series = new LinkedHashMap<>();
        series.put("softmax", new double[][] {{0.1, 0.2}, {0.1}});

        assertThatThrownBy(() -> Charts.lines(null, "x", "y", series, false, null, null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("softmax");
        assertThatThrownBy(() -> Charts.lines(null, "x", "y", new LinkedHashMap<>(), false, new double[] {1, 0}, null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("xRange");
    }

    @Test
    void barsWithConfidenceIntervalsAreWritten() throws Exception {
        LinkedHashMap<String, Map<String, double[]>> series = new LinkedHashMap<>();
        series.put("softmax",
            Map.of("ISIC", new double[] {0.03, 0.025, 0.04}, "LIDC", new double[] {0.05, 0.04, 0.07}));
        series.put("punet", Map.of("ISIC", new double[] {0.02, Double.NaN, Double.NaN}));

        JFreeChart chart = Charts.bars("ECE", "dataset", "ECE", List.of("ISIC", "LIDC"), series);

        assertFigure(FigureFiles.write(dir, "ece", W, H, "", chart), W, H);
        ValueAxis axis = chart.getCategoryPlot().getRangeAxis();
        assertThat(axis.getLowerBound()).isLessThanOrEqualTo(0.0);
        assertThat(axis.getUpperBound()).isGreaterThanOrEqualTo(0.07);
    }

    @Test
    void barsRejectIntervalsThatAreNotValueLowHigh() {
        LinkedHashMap<String, Map<String, double[]>> series = new LinkedHashMap<>();
        series.put("punet", Map.of("ISIC", new double[] {0.02, 0.03, 0.01}));

        assertThatThrownBy(() -> Charts.bars(null, "dataset", "ECE", List.of("ISIC"), series))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("punet").hasMessageContaining("ISIC");
    }

    private static List<String> tickLabels(ValueAxis axis) {
        Graphics2D g = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            List<?> ticks = axis.refreshTicks(g, new AxisState(), new Rectangle2D.Double(0, 0, 600, 300),
                RectangleEdge.BOTTOM);
            return ticks.stream().map(t -> ((NumberTick) t).getText()).collect(Collectors.toList());
        } finally {
            g.dispose();
        }
    }
}
