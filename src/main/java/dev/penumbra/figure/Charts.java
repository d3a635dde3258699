package dev.penumbra.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Line2D;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The paper's kinds of chart, all in the look of {@link ChartStyle}: series keep the order of the map they come
 * in, series i takes palette colour i, the legend sits below. A null or blank title draws none (the figure's caption
 * usually carries it). Write a chart with {@link FigureFiles#write(java.nio.file.Path, String, int, int, String,
 * JFreeChart)}; 800 x 500 pixels suits one column of a paper.
 */
public final class Charts {

    /** Series sharing integer x values are shifted sideways by this fraction of the x span per series. */
    private static final double DODGE = 0.015;
    /** Above this many distinct integer x values the axis chooses its own ticks. */
    private static final int MAX_FIXED_TICKS = 12;
    /** Line charts with longer series than this draw no markers (risk-coverage curves have one point per pixel). */
    private static final int MAX_MARKED_POINTS = 25;

    private Charts() {
    }

    /**
     * One point of a line with a vertical error bar, e.g. mean GED over seeds at a sample count with a 95% CI.
     *
     * @param x    position on the x axis (finite)
     * @param y    the value; a point with NaN y is left out
     * @param low  lower end of the error bar; NaN (with high) for no bar
     * @param high upper end of the error bar, at least low; NaN (with low) for no bar
     */
    public record Point(double x, double y, double low, double high) {
        /** Checks that x is finite and the error bar runs upwards or is absent. */
        public Point {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("point x must be finite but was " + x);
            }
            if (Double.isNaN(low) != Double.isNaN(high) || low > high) {
                throw new IllegalArgumentException("error bar of the point at x = " + x + " runs from " + low
                    + " to " + high + "; expected low <= high, or both NaN for no bar");
            }
        }

        /**
         * @param x position on the x axis (finite)
         * @param y the value
         * @return a point without an error bar
         */
        public static Point of(double x, double y) {
            return new Point(x, y, Double.NaN, Double.NaN);
        }
    }

    /**
     * Box-and-whisker plot: one Tukey box per (series, category), series side by side within each category. The
     * box runs from the first to the third quartile, the thick line is the median, the white diamond the mean,
     * whiskers reach the most extreme values within 1.5 IQR of the box, and each value beyond them is a small dot.
     * Under each box its n is printed, "n = 0" where a series has no value in a category.
     *
     * @param title                  chart title, or null for none
     * @param categoryAxis           label under the categories, e.g. "pixel outcome"
     * @param valueAxis              label of the value axis with its unit, e.g. "entropy (bits)"
     * @param categories             the categories in drawing order, e.g. TP, FP, FN, TN or "all agree", "3-1", "2-2"
     * @param seriesToCategoryValues per series (e.g. model) in legend order, the values of each category; a
     *                               missing, null or empty list draws nothing there; null, NaN and infinite
     *                               values are left out
     * @return the chart, to write with {@link FigureFiles}
     * @throws IllegalArgumentException if a series has values for a category that is not in {@code categories}
     */
    public static JFreeChart boxPlot(String title, String categoryAxis, String valueAxis, List<String> categories,
            LinkedHashMap<String, Map<String, List<Double>>> seriesToCategoryValues) {
        checkCategories(categories);
        DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
        // from three series on, boxes are too narrow for "n = 12.3k" side by side: the labels take two lines
        int countLines = seriesToCategoryValues.size() > 2 ? 2 : 1;
        BoxRenderer renderer = new BoxRenderer(countLines);
        int i = 0;
        for (Map.Entry<String, Map<String, List<Double>>> e : seriesToCategoryValues.entrySet()) {
            Map<String, List<Double>> byCategory = e.getValue() == null ? Map.of() : e.getValue();
            checkKnown(e.getKey(), byCategory.keySet(), categories);
            for (String c : categories) {
                data.add(BoxStats.of(byCategory.get(c)), e.getKey(), c);
            }
            renderer.setSeriesPaint(i, ChartStyle.fill(i));
            i++;
        }
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(categoryAxis), new NumberAxis(valueAxis),
            renderer);
        ChartStyle.style(plot);
        plot.getDomainAxis().setCategoryLabelPositionOffset(BoxRenderer.countSpace(countLines));
        if (!seriesToCategoryValues.isEmpty()) {
            plot.setFixedLegendItems(withMedianAndMean(plot.getLegendItems()));
        }
        return ChartStyle.chart(title, plot);
    }

    /**
     * Lines with markers and vertical error bars, e.g. GED against the number of samples per model. When every x is
     * an integer the x axis ticks sit on the x values that occur (up to 12 of them, else on integers), and series
     * are shifted sideways by 1.5% of the x span per series so that their error bars do not hide one another.
     *
     * @param title  chart title, or null for none
     * @param xAxis  x axis label with its unit, e.g. "samples per image"
     * @param yAxis  y axis label with its unit, e.g. "GED (1 - IoU)"
     * @param series per series in legend order, its points in drawing order
     * @return the chart, to write with {@link FigureFiles}
     */
    public static JFreeChart intervals(String title, String xAxis, String yAxis,
            LinkedHashMap<String, List<Point>> series) {
        XValues xs = XValues.of(series);
        double dodge = xs.integers() && series.size() > 1 ? DODGE * Math.max(1, xs.span()) : 0;

        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        XYErrorRenderer renderer = new XYErrorRenderer();
        int i = 0;
        for (Map.Entry<String, List<Point>> e : series.entrySet()) {
            double shift = (i - (series.size() - 1) / 2.0) * dodge;
            YIntervalSeries s = new YIntervalSeries(e.getKey(), false, true);
            for (Point p : e.getValue()) {
                if (!Double.isNaN(p.y())) {
                    boolean bar = !Double.isNaN(p.low());
                    s.add(p.x() + shift, p.y(), bar ? p.low() : p.y(), bar ? p.high() : p.y());
                }
            }
            data.addSeries(s);
            styleSeries(renderer, i++);
        }
        renderer.setDefaultLinesVisible(true);
        renderer.setDrawXError(false);
        renderer.setDrawYError(true);
        renderer.setCapLength(6); // narrower than a marker, which hides the cap of a point without a bar
        renderer.setErrorStroke(new BasicStroke(1.5f));
        XYPlot plot = new XYPlot(data, xs.axis(xAxis), new NumberAxis(yAxis), renderer);
        ChartStyle.style(plot);
        return ChartStyle.chart(title, plot);
    }

    /**
     * Lines, e.g. reliability diagrams (x = mean predicted probability, y = observed frequency, both in [0, 1]) or
     * risk-coverage curves (x = coverage, y = risk). Series of up to 25 points get markers, longer ones are plain
     * lines.
     *
     * @param title    chart title, or null for none
     * @param xAxis    x axis label with its unit
     * @param yAxis    y axis label with its unit
     * @param series   per series in legend order, {xs, ys} of equal length; a NaN y (an empty bin) leaves a gap
     * @param diagonal whether to draw the dashed grey reference line y = x (perfect calibration), listed in the
     *                 legend as "y = x"
     * @param xRange   {min, max} of the x axis, or null to fit the data
     * @param yRange   {min, max} of the y axis, or null to fit the data
     * @return the chart, to write with {@link FigureFiles}
     * @throws IllegalArgumentException if a series is not {xs, ys} of equal length with finite xs, or a range is
     *                                  not {min, max} with min &lt; max
     */
    public static JFreeChart lines(String title, String xAxis, String yAxis, LinkedHashMap<String, double[][]> series,
            boolean diagonal, double[] xRange, double[] yRange) {
        checkRange("xRange", xRange);
        checkRange("yRange", yRange);
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        int i = 0;
        boolean marked = true;
        for (Map.Entry<String, double[][]> e : series.entrySet()) {
            XYSeries s = xySeries(e.getKey(), e.getValue());
            marked &= s.getItemCount() <= MAX_MARKED_POINTS;
            data.addSeries(s);
            styleSeries(renderer, i++);
        }
        renderer.setDefaultShapesVisible(marked);
        XYPlot plot = new XYPlot(data, new NumberAxis(xAxis), new NumberAxis(yAxis), renderer);
        if (diagonal) {
            addDiagonal(plot, data, xRange, yRange);
        }
        ChartStyle.style(plot);
        if (xRange != null) {
            plot.getDomainAxis().setRange(xRange[0], xRange[1]);
        }
        if (yRange != null) {
            plot.getRangeAxis().setRange(yRange[0], yRange[1]);
        }
        return ChartStyle.chart(title, plot);
    }

    /**
     * Grouped bars with error bars, e.g. ECE or AURC per model with a 95% confidence interval; bars start at zero.
     *
     * @param title                         chart title, or null for none
     * @param categoryAxis                  label under the categories, e.g. "dataset"
     * @param valueAxis                     label of the value axis with its unit, e.g. "ECE"
     * @param categories                    the categories in drawing order
     * @param seriesToCategoryMeanLowHigh per series in legend order, {value, low, high} for each category; a missing
     *                                      entry or a NaN value draws no bar, NaN low and high draw no error bar
     * @throws IllegalArgumentException if an entry is not {value, low, high} with {@code low <= high}, or names a
     *                                  category
     *                                  that is not in {@code categories}
     * @return the chart, to write with {@link FigureFiles}
     */
    public static JFreeChart bars(String title, String categoryAxis, String valueAxis, List<String> categories,
            LinkedHashMap<String, Map<String, double[]>> seriesToCategoryMeanLowHigh) {
        checkCategories(categories);
        int n = seriesToCategoryMeanLowHigh.size();
        double[][] low = new double[n][categories.size()];
        double[][] high = new double[n][categories.size()];
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        int i = 0;
        for (Map.Entry<String, Map<String, double[]>> e : seriesToCategoryMeanLowHigh.entrySet()) {
            Map<String, double[]> byCategory = e.getValue() == null ? Map.of() : e.getValue();
            checkKnown(e.getKey(), byCategory.keySet(), categories);
            for (int c = 0; c < categories.size(); c++) {
                double[] v = meanLowHigh(e.getKey(), categories.get(c), byCategory.get(categories.get(c)));
                data.addValue(Double.isNaN(v[0]) ? null : v[0], e.getKey(), categories.get(c));
                low[i][c] = v[1];
                high[i][c] = v[2];
            }
            i++;
        }
        ErrorBarRenderer renderer = new ErrorBarRenderer(low, high);
        for (int s = 0; s < n; s++) {
            renderer.setSeriesPaint(s, ChartStyle.fill(s));
        }
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(categoryAxis), new NumberAxis(valueAxis),
            renderer);
        ChartStyle.style(plot);
        return ChartStyle.chart(title, plot);
    }

    /**
     * Lines with a shaded band from {@link Point#low()} to {@link Point#high()} around each, e.g. a learning curve's
     * mean with mean +- sd across seeds. Bands are translucent so overlapping strategies stay readable; integer x
     * values (labelled image counts) get ticks exactly where points are.
     *
     * @param series per series in legend order, its points in increasing x
     */
    public static JFreeChart bands(String title, String xAxis, String yAxis,
            LinkedHashMap<String, List<Point>> series) {
        XValues xs = XValues.of(series);
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        org.jfree.chart.renderer.xy.DeviationRenderer renderer =
                new org.jfree.chart.renderer.xy.DeviationRenderer(true, true);
        int i = 0;
        for (Map.Entry<String, List<Point>> e : series.entrySet()) {
            YIntervalSeries s = new YIntervalSeries(e.getKey(), false, true);
            for (Point p : e.getValue()) {
                if (!Double.isNaN(p.y())) {
                    boolean band = !Double.isNaN(p.low()) && !Double.isNaN(p.high());
                    s.add(p.x(), p.y(), band ? p.low() : p.y(), band ? p.high() : p.y());
                }
            }
            data.addSeries(s);
            styleSeries(renderer, i);
            renderer.setSeriesFillPaint(i, ChartStyle.colour(i));
            i++;
        }
        renderer.setAlpha(0.18f);
        NumberAxis y = new NumberAxis(yAxis);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, xs.axis(xAxis), y, renderer);
        ChartStyle.style(plot);
        return ChartStyle.chart(title, plot);
    }

    /**
     * Marks one x value of an XY chart with a dashed grey vertical line and a label at its top, e.g. the epoch whose
     * checkpoint was kept.
     *
     * @param chart a chart from {@link #lines} or {@link #bands}
     * @return the same chart
     */
    public static JFreeChart markX(JFreeChart chart, double x, String label) {
        ValueMarker marker = new ValueMarker(x, ChartStyle.REFERENCE,
                ChartStyle.dashedStroke());
        marker.setLabel(label);
        marker.setLabelFont(ChartStyle.TICK_FONT);
        marker.setLabelPaint(ChartStyle.INK);
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        chart.getXYPlot().addDomainMarker(marker);
        return chart;
    }

    /**
     * The x values that occur in a chart of {@link Point}s, and whether all of them are integers (sample counts,
     * labelled images), which then get axis ticks exactly where the points are.
     */
    private record XValues(TreeSet<Double> xs, boolean integers) {

        static XValues of(Map<String, List<Point>> series) {
            TreeSet<Double> xs = new TreeSet<>();
            series.values().forEach(points -> points.forEach(p -> xs.add(p.x())));
            return new XValues(xs, !xs.isEmpty() && xs.stream().allMatch(x -> x == Math.rint(x)));
        }

        double span() {
            return xs.last() - xs.first();
        }

        /** Ticks on the x values that occur (up to 12 of them, else on integers) when all are integers. */
        NumberAxis axis(String label) {
            NumberAxis x = integers && xs.size() <= MAX_FIXED_TICKS
                ? new FixedTicksAxis(label, xs.stream().mapToDouble(Double::doubleValue).toArray())
                : new NumberAxis(label);
            if (integers) {
                x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            }
            return x;
        }
    }

    /** Series {@code series}'s colour, line and marker; the legend shows a short line. */
    static void styleSeries(XYLineAndShapeRenderer renderer, int series) {
        renderer.setSeriesPaint(series, ChartStyle.colour(series));
        renderer.setSeriesStroke(series, ChartStyle.seriesStroke());
        renderer.setSeriesShape(series, ChartStyle.marker(series));
        renderer.setLegendLine(new Line2D.Double(-12, 0, 12, 0));
    }

    private static XYSeries xySeries(String key, double[][] xy) {
        if (xy == null || xy.length != 2 || xy[0] == null || xy[1] == null || xy[0].length != xy[1].length) {
            throw new IllegalArgumentException("series " + key + " must be {xs, ys} with as many xs as ys, but was "
                + describe(xy));
        }
        XYSeries s = new XYSeries(key, false, true);
        for (int j = 0; j < xy[0].length; j++) {
            if (!Double.isFinite(xy[0][j])) {
                throw new IllegalArgumentException("series " + key + " has x = " + xy[0][j] + " at index " + j
                    + "; x values must be finite (a NaN y leaves a gap instead)");
            }
            s.add(xy[0][j], Double.isFinite(xy[1][j]) ? (Double) xy[1][j] : null);
        }
        return s;
    }

    /** A dashed y = x over everything the axes may show, as dataset 1 so it is drawn beneath the data. */
    static void addDiagonal(XYPlot plot, XYSeriesCollection data, double[] xRange, double[] yRange) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] r : new double[][] {xRange, yRange, bounds(data, true), bounds(data, false)}) {
            if (r != null) {
                lo = Math.min(lo, r[0]);
                hi = Math.max(hi, r[1]);
            }
        }
        if (!(lo < hi)) {
            lo = 0;
            hi = 1;
        }
        XYSeries line = new XYSeries("y = x");
        line.add(lo, lo);
        line.add(hi, hi);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, ChartStyle.REFERENCE);
        renderer.setSeriesStroke(0, ChartStyle.dashedStroke());
        renderer.setLegendLine(new Line2D.Double(-12, 0, 12, 0));
        plot.setDataset(1, new XYSeriesCollection(line));
        plot.setRenderer(1, renderer);
    }

    private static double[] bounds(XYSeriesCollection data, boolean x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int j = 0; j < data.getItemCount(s); j++) {
                double v = x ? data.getXValue(s, j) : data.getYValue(s, j);
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return lo <= hi ? new double[] {lo, hi} : null;
    }

    private static LegendItemCollection withMedianAndMean(LegendItemCollection series) {
        LegendItemCollection all = new LegendItemCollection();
        all.addAll(series);
        all.add(new LegendItem("median", null, null, null, new Line2D.Double(-8, 0, 8, 0),
            new BasicStroke(2.6f), ChartStyle.INK));
        all.add(new LegendItem("mean", null, null, null, ChartStyle.diamond(0, 0, 4.5), Color.WHITE,
            new BasicStroke(1.2f), ChartStyle.INK));
        return all;
    }

    private static double[] meanLowHigh(String series, String category, double[] v) {
        if (v == null) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        if (v.length != 3 || Double.isNaN(v[1]) != Double.isNaN(v[2]) || v[1] > v[2]) {
            throw new IllegalArgumentException("bar of series " + series + " in category " + category + " is "
                + Arrays.toString(v) + "; expected {value, low, high} with low <= high, or NaN low and "
                + "high for no error bar");
        }
        return v;
    }

    private static void checkCategories(List<String> categories) {
        Objects.requireNonNull(categories, "categories");
        if (new HashSet<>(categories).size() != categories.size() || categories.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("categories must be distinct and not null, but were " + categories);
        }
    }

    private static void checkKnown(String series, Set<String> used, List<String> categories) {
        for (String c : used) {
            if (!categories.contains(c)) {
                throw new IllegalArgumentException("series " + series + " has values for category " + c
                    + ", which is not among the categories " + categories);
            }
        }
    }

    private static void checkRange(String name, double[] range) {
        if (range != null && (range.length != 2 || !Double.isFinite(range[0]) || !Double.isFinite(range[1])
                || range[0] >= range[1])) {
            throw new IllegalArgumentException(name + " must be null or {min, max} with finite min < max, but was "
                + Arrays.toString(range));
        }
    }

    private static String describe(double[][] xy) {
        if (xy == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(xy.length + " arrays of lengths");
        for (double[] a : xy) {
            b.append(' ').append(a == null ? "null" : String.valueOf(a.length));
        }
        return b.toString();
    }
}
