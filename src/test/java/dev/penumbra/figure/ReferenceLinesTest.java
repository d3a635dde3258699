package dev.penumbra.figure;

import static dev.penumbra.figure.FigureChecks.assertFigure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penumbra.figure.Charts.Point;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceLinesTest {

    @TempDir
    Path dir;

    private static JFreeChart bands() {
        LinkedHashMap<String, List<Point>> series = new LinkedHashMap<>();
        series.put("random", List.of(new Point(4, 0.03, 0.02, 0.04), new Point(7, 0.04, 0.03, 0.05)));
        series.put("bald", List.of(new Point(4, 0.05, 0.04, 0.06), new Point(7, 0.06, 0.05, 0.07)));
        return Charts.bands(null, "labelled images", "entropy (bits)", series);
    }

    @Test
    void eachReferenceIsDashedInTheColourOfItsSeriesWithOneLegendEntryForAll() throws Exception {
        Map<String, List<Point>> pool = new LinkedHashMap<>();
        pool.put("bald", List.of(Point.of(4, 0.033), Point.of(7, Double.NaN)));
        JFreeChart chart = ReferenceLines.add(bands(), pool, "pool average");

        assertFigure(FigureFiles.write(dir, "pool", 640, 400, "", chart), 640, 400);
        XYItemRenderer dashed = chart.getXYPlot().getRenderer(1);
        assertThat(dashed.getSeriesPaint(0)).isEqualTo(ChartStyle.colour(1));
        assertThat(dashed.getSeriesStroke(0)).isEqualTo(ChartStyle.dashedStroke());
        assertThat(chart.getXYPlot().getDataset(1).getYValue(0, 0)).isEqualTo(0.033);
        assertThat(chart.getXYPlot().getLegendItems().getItemCount()).isEqualTo(3);
        assertThat(chart.getXYPlot().getLegendItems().get(2).getLabel()).isEqualTo("pool average");
    }

    @Test
    void aReferenceWithoutItsSeriesIsRefused() {
        assertThatThrownBy(() -> ReferenceLines.add(bands(), Map.of("entropy-sum", List.of()), "pool"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("entropy-sum");
    }
}
