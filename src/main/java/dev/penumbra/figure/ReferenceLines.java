package dev.penumbra.figure;

import java.awt.geom.Line2D;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Dashed lines that pair with the series of an XY chart, each in its series' colour, e.g. beside the disagreement
 * of the images a strategy picked, the average over the pool it picked from. The legend gets one entry for all of
 * them, a dashed grey line with the given text, so it does not list every strategy twice.
 */
public final class ReferenceLines {

    private ReferenceLines() {
    }

    /**
     * @param chart  a chart from {@link Charts#bands}, {@link Charts#intervals} or {@link Charts#lines}
     * @param lines  per series key of the chart, the reference's points in increasing x (their error bars are
     *               ignored; NaN ys leave a gap); a key the chart does not have is refused
     * @param legend the legend entry of all dashed lines, e.g. "dashed: pool average"
     * @return the same chart
     * @throws IllegalArgumentException if a key names no series of the chart
     */
    public static JFreeChart add(JFreeChart chart, Map<String, List<Charts.Point>> lines, String legend) {
        XYPlot plot = chart.getXYPlot();
        LegendItemCollection items = plot.getLegendItems();
        XYDataset series = plot.getDataset(0);
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        int i = 0;
        for (Map.Entry<String, List<Charts.Point>> e : lines.entrySet()) {
            int index = series.indexOf(e.getKey());
            if (index < 0) {
                throw new IllegalArgumentException("reference line " + e.getKey() + " pairs with no series of the"
                    + " chart");
            }
            XYSeries s = new XYSeries(e.getKey() + " (reference)", false, true);
            e.getValue().forEach(p -> s.add(p.x(), Double.isFinite(p.y()) ? (Double) p.y() : null));
            data.addSeries(s);
            renderer.setSeriesPaint(i, ChartStyle.colour(index));
            renderer.setSeriesStroke(i, ChartStyle.dashedStroke());
            i++;
        }
        renderer.setDefaultSeriesVisibleInLegend(false);
        int slot = plot.getDatasetCount();
        plot.setDataset(slot, data);
        plot.setRenderer(slot, renderer);
        items.add(new LegendItem(legend, null, null, null, new Line2D.Double(-12, 0, 12, 0),
            ChartStyle.dashedStroke(), ChartStyle.REFERENCE));
        plot.setFixedLegendItems(items);
        return chart;
    }
}
