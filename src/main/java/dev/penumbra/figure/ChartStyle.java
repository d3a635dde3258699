package dev.penumbra.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The one look shared by every figure: white background, light grey grid, sans-serif text of 12-16 pt, the legend
 * below the plot, and the Okabe-Ito palette (readable by people with any common form of colour blindness), assigned
 * to series in order. Figures drawn by hand through {@link FigureFiles#write(java.nio.file.Path, String, int, int,
 * String, java.util.function.Consumer)} should take their colours and fonts from here too.
 */
public final class ChartStyle {

    /**
     * Okabe and Ito (2008), "Color Universal Design", without black and with yellow late because it is faint on
     * white; the eighth colour is a neutral grey. Series i gets {@code PALETTE.get(i % 8)}.
     */
    public static final List<Color> PALETTE = List.of(
        new Color(0x0072B2), // blue
        new Color(0xE69F00), // orange
        new Color(0x009E73), // bluish green
        new Color(0xD55E00), // vermillion
        new Color(0xCC79A7), // reddish purple
        new Color(0x56B4E9), // sky blue
        new Color(0xF0E442), // yellow
        new Color(0x999999)); // grey

    /** Chart title, 16 pt bold. */
    public static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    /** Axis labels, 14 pt. */
    public static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    /** Tick labels, 12 pt. */
    public static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    /** Legend entries, 13 pt. */
    public static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    /** Text, box outlines, whiskers, medians and error bars. */
    public static final Color INK = new Color(0x333333);
    /** Grid lines. */
    public static final Color GRID = new Color(0xE0E0E0);
    /** Plot frame and tick marks. */
    public static final Color FRAME = new Color(0xBBBBBB);
    /** Reference lines such as y = x. */
    public static final Color REFERENCE = new Color(0x808080);

    /** How much white is mixed into a series colour to fill areas (boxes, bars), so dark lines on top stay visible. */
    private static final double FILL_WHITE = 0.35;
    private static final float MARKER = 7f;

    private ChartStyle() {
    }

    /** The line and marker colour of series {@code series} (0-based). */
    public static Color colour(int series) {
        return PALETTE.get(Math.floorMod(series, PALETTE.size()));
    }

    /** The area fill of series {@code series}: its colour lightened with white. */
    public static Color fill(int series) {
        Color c = colour(series);
        return new Color(towardWhite(c.getRed()), towardWhite(c.getGreen()), towardWhite(c.getBlue()));
    }

    /** Colour {@code c} with opacity {@code alpha} in [0, 1]. */
    public static Color withAlpha(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * alpha));
    }

    /**
     * The marker of series {@code series}, centred on (0, 0), about 7 px across: circle, square, triangle up,
     * diamond, triangle down, then again; the shape tells series apart when the figure is printed in grey.
     */
    public static Shape marker(int series) {
        double h = MARKER / 2.0;
        switch (Math.floorMod(series, 5)) {
            case 0:
                return new Ellipse2D.Double(-h, -h, MARKER, MARKER);
            case 1:
                return new Rectangle2D.Double(-h * 0.9, -h * 0.9, MARKER * 0.9, MARKER * 0.9);
            case 2:
                return polygon(0, -h * 1.15, h * 1.1, h * 0.8, -h * 1.1, h * 0.8);
            case 3:
                return polygon(0, -h * 1.25, h * 1.1, 0, 0, h * 1.25, -h * 1.1, 0);
            default:
                return polygon(0, h * 1.15, h * 1.1, -h * 0.8, -h * 1.1, -h * 0.8);
        }
    }

    /** A diamond of half-width {@code half} px centred on (x, y): the mark of a mean. */
    public static Shape diamond(double x, double y, double half) {
        return polygon(x, y - half * 1.2, x + half, y, x, y + half * 1.2, x - half, y);
    }

    /** The line stroke of data series, 2 px with round ends. */
    public static Stroke seriesStroke() {
        return new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** A dashed stroke of 1.5 px for reference lines. */
    public static Stroke dashedStroke() {
        return new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    }

    /** Wraps {@code plot} in a chart with this look; a null or blank title means none (the caption carries it). */
    static JFreeChart chart(String title, Plot plot) {
        boolean titled = title != null && !title.isBlank();
        JFreeChart chart = new JFreeChart(titled ? title : null, TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(8, 8, 6, 12));
        if (titled) {
            chart.getTitle().setPaint(INK);
        }
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(LEGEND_FONT);
        legend.setItemPaint(INK);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 14));
        return chart;
    }

    static void style(CategoryPlot plot) {
        stylePlot(plot);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setDomainGridlinesVisible(false);
        style(plot.getDomainAxis());
        style(plot.getRangeAxis());
        spaceTicks(plot.getRangeAxis(), true);
        CategoryAxis categories = plot.getDomainAxis();
        categories.setMaximumCategoryLabelLines(2);
        categories.setCategoryMargin(0.25);
        categories.setLowerMargin(0.04);
        categories.setUpperMargin(0.04);
    }

    static void style(XYPlot plot) {
        stylePlot(plot);
        plot.setDomainGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        style(plot.getDomainAxis());
        style(plot.getRangeAxis());
        spaceTicks(plot.getDomainAxis(), false);
        spaceTicks(plot.getRangeAxis(), true);
    }

    private static void stylePlot(Plot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(FRAME);
        plot.setOutlineStroke(new BasicStroke(1f));
        plot.setInsets(new RectangleInsets(6, 4, 6, 4));
        plot.setNoDataMessage("no data");
        plot.setNoDataMessageFont(LABEL_FONT);
        plot.setNoDataMessagePaint(REFERENCE);
    }

    private static void style(Axis axis) {
        axis.setLabelFont(LABEL_FONT);
        axis.setLabelPaint(INK);
        axis.setTickLabelFont(TICK_FONT);
        axis.setTickLabelPaint(INK);
        axis.setAxisLineVisible(false);
        axis.setTickMarkPaint(FRAME);
        axis.setTickMarkOutsideLength(4f);
        axis.setLabelInsets(new RectangleInsets(4, 4, 4, 4));
        if (axis instanceof NumberAxis) {
            ((NumberAxis) axis).setAutoRangeIncludesZero(false);
        }
    }

    /**
     * JFreeChart packs number ticks as densely as their labels allow (20 ticks on 400 px); room around each label
     * makes it choose about half as many, as matplotlib would.
     */
    private static void spaceTicks(Axis axis, boolean vertical) {
        axis.setTickLabelInsets(vertical ? new RectangleInsets(7, 4, 7, 4) : new RectangleInsets(4, 14, 2, 14));
    }

    private static int towardWhite(int channel) {
        return (int) Math.round(channel + (255 - channel) * FILL_WHITE);
    }

    private static Shape polygon(double... xy) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            p.lineTo(xy[i], xy[i + 1]);
        }
        p.closePath();
        return p;
    }
}
