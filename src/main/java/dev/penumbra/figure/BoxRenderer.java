package dev.penumbra.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.statistics.BoxAndWhiskerCategoryDataset;

/**
 * Draws vertical Tukey boxes from {@link BoxStats} items: a lightened series-coloured box from Q1 to Q3 with a dark
 * outline, a thick dark median line, whiskers with caps, the mean as a white diamond, and every outlier as a small
 * translucent dot. JFreeChart's own renderer draws outliers as circles a third of the box wide, merges nearby ones
 * and leaves values beyond 2 IQR out; with thousands of pixels per box that hides the data, hence this class.
 * Outliers that would land on the same half-pixel row are drawn once, so a box of 10^6 values stays a small SVG.
 * Under every box, between the plot and the category labels, it prints the box's n ("n = 0" for an empty group, so
 * a missing box reads as empty rather than as forgotten); with many series the labels alternate between two lines.
 */
final class BoxRenderer extends BoxAndWhiskerRenderer {

    private static final long serialVersionUID = 1L;
    /** Height in pixels of one line of n labels. */
    static final int COUNT_LINE = 13;
    private static final int COUNT_GAP = 3;
    private static final float COUNT_POINTS = 10f;
    private static final float MIN_COUNT_POINTS = 7f;
    private static final double DOT_RADIUS = 1.6;
    private static final double DOT_ALPHA = 0.45;
    private static final Stroke LINE = new BasicStroke(1.2f);
    private static final Stroke MEDIAN = new BasicStroke(2.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);

    private final int countLines;

    /** @param countLines lines the n labels alternate between: 1, or 2 when boxes are too narrow for one */
    BoxRenderer(int countLines) {
        this.countLines = countLines;
        setFillBox(true);
        setMeanVisible(true);
        setMedianVisible(true);
        setItemMargin(0.15);
        setMaximumBarWidth(0.09);
        setWhiskerWidth(0.5);
        setDefaultOutlinePaint(ChartStyle.INK);
        setDefaultOutlineStroke(LINE);
        setAutoPopulateSeriesOutlinePaint(false);
        setAutoPopulateSeriesOutlineStroke(false);
        setDefaultLegendShape(new Rectangle2D.Double(-7, -6, 14, 12));
    }

    /** All values, outliers included; null when no cell has any. */
    @Override
    public Range findRangeBounds(CategoryDataset dataset) {
        if (!(dataset instanceof BoxAndWhiskerCategoryDataset)) {
            return null;
        }
        BoxAndWhiskerCategoryDataset boxes = (BoxAndWhiskerCategoryDataset) dataset;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < boxes.getRowCount(); r++) {
            for (int c = 0; c < boxes.getColumnCount(); c++) {
                Number min = boxes.getMinOutlier(r, c);
                Number max = boxes.getMaxOutlier(r, c);
                if (min != null && max != null) {
                    low = Math.min(low, min.doubleValue());
                    high = Math.max(high, max.doubleValue());
                }
            }
        }
        return low <= high ? new Range(low, high) : null;
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
            CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column, int pass) {
        BoxAndWhiskerCategoryDataset boxes = (BoxAndWhiskerCategoryDataset) dataset;
        if (!getItemVisible(row, column)) {
            return;
        }
        double width = state.getBarWidth();
        double left = boxLeft(state, dataArea, plot, domainAxis, row, column);
        double mid = left + width / 2;
        if (boxes instanceof org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset d
                && d.getItem(row, column) instanceof BoxStats.Counted counted) {
            drawCount(g2, counted.count(), mid, dataArea.getMaxY(), row % countLines,
                    countLines * (width + gap(dataArea)));
        }
        if (boxes.getMedianValue(row, column) == null) {
            return;
        }
        RectangleEdge edge = plot.getRangeAxisEdge();
        DoubleUnaryOperator y = v -> rangeAxis.valueToJava2D(v, dataArea, edge);

        drawOutliers(g2, boxes.getOutliers(row, column), mid, y, ChartStyle.colour(row));

        double q1 = y.applyAsDouble(boxes.getQ1Value(row, column).doubleValue());
        double q3 = y.applyAsDouble(boxes.getQ3Value(row, column).doubleValue());
        double low = y.applyAsDouble(boxes.getMinRegularValue(row, column).doubleValue());
        double high = y.applyAsDouble(boxes.getMaxRegularValue(row, column).doubleValue());
        double cap = width / 2 * getWhiskerWidth();
        g2.setPaint(ChartStyle.INK);
        g2.setStroke(LINE);
        g2.draw(new Line2D.Double(mid, high, mid, q3));
        g2.draw(new Line2D.Double(mid, low, mid, q1));
        g2.draw(new Line2D.Double(mid - cap, high, mid + cap, high));
        g2.draw(new Line2D.Double(mid - cap, low, mid + cap, low));

        Shape box = new Rectangle2D.Double(left, Math.min(q1, q3), width, Math.abs(q1 - q3));
        g2.setPaint(lookupSeriesPaint(row));
        g2.fill(box);
        g2.setPaint(ChartStyle.INK);
        g2.draw(box);

        double median = y.applyAsDouble(boxes.getMedianValue(row, column).doubleValue());
        g2.setStroke(MEDIAN);
        g2.draw(new Line2D.Double(left, median, left + width, median));

        double mean = y.applyAsDouble(boxes.getMeanValue(row, column).doubleValue());
        Shape diamond = ChartStyle.diamond(mid, mean, meanHalfWidth(width));
        g2.setStroke(LINE);
        g2.setPaint(Color.WHITE);
        g2.fill(diamond);
        g2.setPaint(ChartStyle.INK);
        g2.draw(diamond);
    }

    /**
     * The label of a box of n values: exact below 10 000, else to three digits, e.g. "n = 812", "n = 12.3k",
     * "n = 1.23M".
     */
    static String countLabel(long n) {
        if (n < 10_000) {
            return "n = " + n;
        }
        double value = n / 1e3;
        String unit = "k";
        if (Math.round(value) >= 1000) {
            value = n / 1e6;
            unit = "M";
        }
        int decimals = value < 9.995 ? 2 : value < 99.95 ? 1 : 0;
        return "n = " + String.format(Locale.ROOT, "%." + decimals + "f", value) + unit;
    }

    /**
     * Draws "n = ..." centred under a box, below the plot: the plot clips its renderer to the data area, so the clip
     * is lifted for the label (the category axis keeps that strip free, see {@link Charts#boxPlot}).
     */
    private static void drawCount(Graphics2D g2, long n, double mid, double plotBottom, int line, double room) {
        String text = countLabel(n);
        Shape clip = g2.getClip();
        Font font = g2.getFont();
        g2.setClip(null);
        float points = COUNT_POINTS;
        g2.setFont(ChartStyle.TICK_FONT.deriveFont(points));
        while (points > MIN_COUNT_POINTS && g2.getFontMetrics().stringWidth(text) > room - 4) {
            points -= 0.5f;
            g2.setFont(ChartStyle.TICK_FONT.deriveFont(points));
        }
        FontMetrics m = g2.getFontMetrics();
        g2.setPaint(ChartStyle.INK);
        g2.drawString(text, (float) (mid - m.stringWidth(text) / 2.0),
                (float) (plotBottom + COUNT_GAP + line * COUNT_LINE + m.getAscent()));
        g2.setFont(font);
        g2.setClip(clip);
    }

    /** Height in pixels that the n labels need under the plot, on {@code lines} lines. */
    static int countSpace(int lines) {
        return COUNT_GAP + lines * COUNT_LINE + 2;
    }

    /** Half-width of the mean's diamond for boxes {@code boxWidth} px wide: a fifth of the box, 3 to 6 px. */
    static double meanHalfWidth(double boxWidth) {
        return Math.max(3, Math.min(6, boxWidth / 5));
    }

    private static void drawOutliers(Graphics2D g2, List<?> outliers, double x, DoubleUnaryOperator y, Color colour) {
        if (outliers == null || outliers.isEmpty()) {
            return;
        }
        g2.setPaint(ChartStyle.withAlpha(colour, DOT_ALPHA));
        Set<Long> rows = new HashSet<>();
        for (Object o : outliers) {
            double yy = y.applyAsDouble(((Number) o).doubleValue());
            if (rows.add(Math.round(yy * 2))) {
                g2.fill(new Ellipse2D.Double(x - DOT_RADIUS, yy - DOT_RADIUS, 2 * DOT_RADIUS, 2 * DOT_RADIUS));
            }
        }
    }

    /** The left edge of series {@code row}'s box in category {@code column}, as JFreeChart's renderer places it. */
    private double boxLeft(CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
            CategoryAxis domainAxis, int row, int column) {
        int series = getRowCount();
        int categories = getColumnCount();
        double start = domainAxis.getCategoryStart(column, categories, dataArea, plot.getDomainAxisEdge());
        double end = domainAxis.getCategoryEnd(column, categories, dataArea, plot.getDomainAxisEdge());
        double width = state.getBarWidth();
        if (series <= 1) {
            return start + (end - start - width) / 2;
        }
        double gap = gap(dataArea);
        double used = width * series + gap * (series - 1);
        return start + (end - start - used) / 2 + row * (width + gap);
    }

    /** The space between neighbouring boxes of one category, as JFreeChart's renderer leaves it. */
    private double gap(Rectangle2D dataArea) {
        int series = getRowCount();
        return series <= 1 ? 0 : dataArea.getWidth() * getItemMargin() / (getColumnCount() * (series - 1));
    }
}
