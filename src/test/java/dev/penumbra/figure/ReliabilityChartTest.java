package dev.penumbra.figure;

import static dev.penumbra.figure.FigureChecks.assertFigure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penumbra.figure.ReliabilityChart.Bin;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.IntervalXYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReliabilityChartTest {

    private static final int W = 760;
    private static final int H = 540;

    @TempDir
    Path dir;

    /** Ten bins; the softmax U-Net's first bin sits at (0, 0) and its last at (1, 1), bin 4 is empty. */
    private static LinkedHashMap<String, List<Bin>> series() {
        LinkedHashMap<String, List<Bin>> series = new LinkedHashMap<>();
        List<Bin> softmax = new ArrayList<>();
        List<Bin> punet = new ArrayList<>();
        for (int b = 0; b < 10; b++) {
            double mid = b == 0 ? 0 : b == 9 ? 1 : (b + 0.5) / 10;
            softmax.add(new Bin(b / 10.0, (b + 1) / 10.0, b == 4 ? 0 : 100_000 / (b + 1), mid, mid));
            punet.add(new Bin(b / 10.0, (b + 1) / 10.0, 7 + b, (b + 0.5) / 10, (b + 0.3) / 10));
        }
        series.put("softmax", softmax);
        series.put("punet", punet);
        return series;
    }

    @Test
    void markersOnTheEdgesOfTheUnitSquareAreDrawnWhole() throws Exception {
        JFreeChart chart = ReliabilityChart.of("Reliability", "mean predicted probability", "observed frequency",
            "pixels", series());
        assertFigure(FigureFiles.write(dir, "reliability", W, H, "", chart), W, H);

        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        chart.draw(g, new Rectangle2D.Double(0, 0, W, H), info);
        g.dispose();
        Rectangle2D area = info.getPlotInfo().getSubplotInfo(0).getDataArea();
        XYPlot diagram = subplots(chart).get(0);
        ValueAxis x = diagram.getDomainAxis();
        ValueAxis y = diagram.getRangeAxis();
        double half = 3.5 + 1; // half a 7 px marker and its outline
        assertThat(x.valueToJava2D(0, area, RectangleEdge.BOTTOM) - area.getMinX()).isGreaterThanOrEqualTo(half);
        assertThat(area.getMaxX() - x.valueToJava2D(1, area, RectangleEdge.BOTTOM)).isGreaterThanOrEqualTo(half);
        assertThat(area.getMaxY() - y.valueToJava2D(0, area, RectangleEdge.LEFT)).isGreaterThanOrEqualTo(half);
        assertThat(y.valueToJava2D(1, area, RectangleEdge.LEFT) - area.getMinY()).isGreaterThanOrEqualTo(half);
    }

    @Test
    void thePanelBelowHasABarOfEachNonEmptyBinsPixelCountInsideTheBin() {
        JFreeChart chart = ReliabilityChart.of(null, "p", "frequency", "pixels", series());

        IntervalXYDataset counts = (IntervalXYDataset) subplots(chart).get(1).getDataset();
        assertThat(counts.getSeriesCount()).isEqualTo(2);
        assertThat(counts.getItemCount(0)).isEqualTo(9); // the empty bin has no bar
        assertThat(counts.getYValue(0, 0)).isEqualTo(100_000);
        assertThat(counts.getYValue(0, 4)).isEqualTo(100_000 / 6);
        for (int s = 0; s < 2; s++) {
            for (int i = 0; i < counts.getItemCount(s); i++) {
                int bin = (int) Math.floor(counts.getXValue(s, i) * 10);
                assertThat(counts.getStartXValue(s, i)).isGreaterThan(bin / 10.0);
                assertThat(counts.getEndXValue(s, i)).isLessThan((bin + 1) / 10.0);
            }
        }
        assertThat(counts.getYValue(1, 9)).isEqualTo(16);
        // the bars share the series' colours, so the legend lists each model once
        LegendItemCollection legend = chart.getPlot().getLegendItems();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < legend.getItemCount(); i++) {
            labels.add(legend.get(i).getLabel());
        }
        assertThat(labels).containsExactly("softmax", "punet", "y = x");
    }

    @Test
    void binsMustRunUpwardsWithACount() {
        assertThatThrownBy(() -> new Bin(0.2, 0.1, 3, 0.15, 0.1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("[0.2, 0.1)");
        assertThatThrownBy(() -> new Bin(0.1, 0.2, -1, 0.15, 0.1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<XYPlot> subplots(JFreeChart chart) {
        return ((CombinedDomainXYPlot) chart.getPlot()).getSubplots();
    }
}
