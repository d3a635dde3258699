package dev.penumbra.figure;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.Range;
import org.jfree.data.category.CategoryDataset;

/**
 * Flat bars of the series' fill colour with an error bar from low to high drawn over each, on top of all bars.
 * JFreeChart's StatisticalBarRenderer only knows mean +- standard deviation; confidence intervals (bootstrap ones
 * above all) are not symmetric, hence this class.
 */
final class ErrorBarRenderer extends BarRenderer {

    private static final long serialVersionUID = 1L;
    private static final Stroke ERROR = new BasicStroke(1.5f);
    private static final int BAR_PASSES = 2;

    /** [series][category] bounds of the interval, NaN where there is none. */
    private final double[][] low;
    private final double[][] high;

    ErrorBarRenderer(double[][] low, double[][] high) {
        this.low = low;
        this.high = high;
        setBarPainter(new StandardBarPainter());
        setShadowVisible(false);
        setDrawBarOutline(true);
        setDefaultOutlinePaint(ChartStyle.INK);
        setDefaultOutlineStroke(new BasicStroke(1f));
        setAutoPopulateSeriesOutlinePaint(false);
        setAutoPopulateSeriesOutlineStroke(false);
        setItemMargin(0.08);
        setMaximumBarWidth(0.12);
        setDefaultLegendShape(new Rectangle2D.Double(-7, -6, 14, 12));
    }

    /** Bars, then error bars over all of them. */
    @Override
    public int getPassCount() {
        return BAR_PASSES + 1;
    }

    /** The bars and their intervals, and zero (the base of every bar). */
    @Override
    public Range findRangeBounds(CategoryDataset dataset, boolean includeInterval) {
        Range range = super.findRangeBounds(dataset, includeInterval);
        for (int r = 0; r < low.length; r++) {
            for (int c = 0; c < low[r].length; c++) {
                if (!Double.isNaN(low[r][c])) {
                    range = Range.expandToInclude(Range.expandToInclude(range, low[r][c]), high[r][c]);
                }
            }
        }
        return range;
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
            CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column, int pass) {
        if (pass < BAR_PASSES) {
            super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
            return;
        }
        if (!getItemVisible(row, column) || Double.isNaN(low[row][column]) || dataset.getValue(row, column) == null) {
            return;
        }
        double w0 = calculateBarW0(plot, plot.getOrientation(), dataArea, domainAxis, state, row, column);
        double x = w0 + state.getBarWidth() / 2;
        double cap = Math.min(state.getBarWidth() * 0.25, 8);
        double y0 = rangeAxis.valueToJava2D(low[row][column], dataArea, plot.getRangeAxisEdge());
        double y1 = rangeAxis.valueToJava2D(high[row][column], dataArea, plot.getRangeAxisEdge());
        g2.setPaint(ChartStyle.INK);
        g2.setStroke(ERROR);
        g2.draw(new Line2D.Double(x, y0, x, y1));
        g2.draw(new Line2D.Double(x - cap, y0, x + cap, y0));
        g2.draw(new Line2D.Double(x - cap, y1, x + cap, y1));
    }
}
