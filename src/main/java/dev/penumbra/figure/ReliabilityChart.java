package dev.penumbra.figure;

import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A reliability diagram with the pixels per bin beneath it: above, per series the bins' mean predicted probability
 * against the observed frequency with the dashed y = x of perfect calibration; below, on a log scale, a bar per
 * series and bin with the bin's pixel count, so a reader sees which points rest on a handful of pixels. Both axes
 * of the diagram reach 4% beyond [0, 1], so markers at 0 or 1 are drawn whole.
 */
public final class ReliabilityChart {

    /** Share of the [0, 1] span added on each side of both axes of the diagram. */
    static final double PAD = 0.04;
    /** Share of a bin's width left free on each side of its bars. */
    private static final double BIN_MARGIN = 0.1;
    private static final int DIAGRAM_WEIGHT = 3;
    private static final int COUNT_WEIGHT = 1;

    /**
     * One bin of a reliability diagram.
     *
     * @param lower     lower edge of the bin, a probability
     * @param upper     upper edge, above {@code lower}
     * @param count     pixels in the bin; an empty bin draws neither point nor bar
     * @param predicted mean predicted probability of those pixels
     * @param observed  their observed frequency, in [0, 1]
     */
    public record Bin(double lower, double upper, long count, double predicted, double observed) {
        /** Checks that the bin runs upwards and the count is not negative. */
        public Bin {
            if (!(lower < upper) || count < 0) {
                throw new IllegalArgumentException("bin [" + lower + ", " + upper + ") with " + count
                    + " pixels: expected lower < upper and a count >= 0");
            }
        }
    }

    private ReliabilityChart() {
    }

    /**
     * @param title      chart title, or null for none
     * @param xAxis      label of the shared x axis, e.g. "mean predicted foreground probability"
     * @param yAxis      label of the diagram's y axis, e.g. "observed foreground frequency"
     * @param countAxis  label of the count panel's axis, e.g. "pixels"
     * @param series     per series (model) in legend order, its bins in increasing order
     * @return the chart, to write with {@link FigureFiles}
     */
    public static JFreeChart of(String title, String xAxis, String yAxis, String countAxis,
            LinkedHashMap<String, List<Bin>> series) {
        NumberAxis x = new NumberAxis(xAxis);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(x);
        XYPlot diagram = diagram(yAxis, series);
        XYPlot counts = counts(countAxis, series);
        plot.add(diagram, DIAGRAM_WEIGHT);
        plot.add(counts, COUNT_WEIGHT);
        plot.setGap(8);
        // styled once they share the x axis, so that the axis takes the house look too
        ChartStyle.style(diagram);
        ChartStyle.style(counts);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setInsets(new RectangleInsets(6, 4, 6, 4));
        double[] padded = AxisRanges.padded(0, 1, PAD);
        x.setRange(padded[0], padded[1]);
        diagram.getRangeAxis().setRange(padded[0], padded[1]);
        return ChartStyle.chart(title, plot);
    }

    private static XYPlot diagram(String yAxis, Map<String, List<Bin>> series) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        int i = 0;
        for (Map.Entry<String, List<Bin>> e : series.entrySet()) {
            XYSeries s = new XYSeries(e.getKey(), false, true);
            e.getValue().stream().filter(b -> b.count() > 0).forEach(b -> s.add(b.predicted(), b.observed()));
            data.addSeries(s);
            Charts.styleSeries(renderer, i++);
        }
        XYPlot plot = new XYPlot(data, null, new NumberAxis(yAxis), renderer);
        double[] padded = AxisRanges.padded(0, 1, PAD);
        Charts.addDiagonal(plot, data, padded, padded);
        return plot;
    }

    /** Bars from 1/2 pixel upwards, as a log axis cannot start at 0: a bin of one pixel still shows. */
    private static XYPlot counts(String countAxis, Map<String, List<Bin>> series) {
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        XYBarRenderer renderer = new XYBarRenderer();
        long most = 1;
        int i = 0;
        for (Map.Entry<String, List<Bin>> e : series.entrySet()) {
            XYIntervalSeries s = new XYIntervalSeries(e.getKey());
            for (Bin b : e.getValue()) {
                if (b.count() > 0) {
                    double width = (b.upper() - b.lower()) * (1 - 2 * BIN_MARGIN) / series.size();
                    double left = b.lower() + (b.upper() - b.lower()) * BIN_MARGIN + i * width;
                    s.add(left + width / 2, left, left + width, b.count(), 0.5, b.count());
                    most = Math.max(most, b.count());
                }
            }
            data.addSeries(s);
            renderer.setSeriesPaint(i, ChartStyle.fill(i));
            i++;
        }
        renderer.setUseYInterval(true);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setDefaultSeriesVisibleInLegend(false);
        LogAxis y = new LogAxis(countAxis);
        y.setRange(0.5, most * 3.0);
        return new XYPlot(data, null, y, renderer);
    }
}
