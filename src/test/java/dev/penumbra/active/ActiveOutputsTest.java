package dev.penumbra.active;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

class ActiveOutputsTest {

    /** Two strategies, one seed, rounds 0 to 2: the last round picks nothing, so both disagreements are NaN. */
    private static ActiveResult oneSeed() {
        ActiveSettings settings = new ActiveSettings("mcdropout", List.of("random", "entropy-sum"), 1, 1, 4, 3, 2, 6);
        List<RoundManifest> rounds = new ArrayList<>();
        double[][] picked = {{0.03, 0.04, Double.NaN}, {0.05, 0.06, Double.NaN}};
        double[][] pool = {{0.033, 0.034, Double.NaN}, {0.033, 0.031, Double.NaN}};
        for (int s = 0; s < 2; s++) {
            for (int round = 0; round <= 2; round++) {
                RoundMetrics metrics = new RoundMetrics(4 + 3 * round, 0.3, 0.5, 0.6, 0.2, picked[s][round], 0.1,
                    pool[s][round]);
                rounds.add(new RoundManifest(settings.strategies().get(s), 1, round, 1000 + round, List.of(),
                    List.of(), List.of(), metrics, 1.0));
            }
        }
        return new ActiveResult(settings, "synthetic", Path.of("al"), rounds);
    }

    @Test
    void theDisagreementFigureDrawsThePoolsAverageBesideThePickedImages() {
        JFreeChart chart = ActiveOutputs.disagreementChart(oneSeed(), "Disagreement");

        XYDataset pool = chart.getXYPlot().getDataset(1);
        assertThat(pool.getSeriesCount()).isEqualTo(2);
        assertThat(pool.getItemCount(1)).isEqualTo(2); // labelled 4 and 7; the last round has no pool
        assertThat(pool.getXValue(1, 1)).isEqualTo(7);
        assertThat(pool.getYValue(1, 1)).isEqualTo(0.031);
        assertThat(chart.getXYPlot().getDataset(0).getYValue(1, 1)).isEqualTo(0.06);
        LegendItemCollection legend = chart.getXYPlot().getLegendItems();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < legend.getItemCount(); i++) {
            labels.add(legend.get(i).getLabel());
        }
        assertThat(labels).containsExactly("random", "entropy-sum", "pool average");
    }

    @Test
    void captionsSayThatOneSeedHasNoSpreadAndHowManySeedsABandIsAcross() {
        String one = ActiveOutputs.spread(oneSeed().curve(RoundMetrics::ged));
        assertThat(one).isEqualTo("one seed: no spread shown").doesNotContain("band");

        Map<String, List<ActiveResult.Point>> three = Map.of("random",
            List.of(new ActiveResult.Point(4, 0.5, 0.1, 3), new ActiveResult.Point(7, 0.4, 0.1, 3)));
        assertThat(ActiveOutputs.spread(three)).isEqualTo("line: mean, band: \u00b1 sd across 3 seeds");

        Map<String, List<ActiveResult.Point>> resumed = Map.of("random",
            List.of(new ActiveResult.Point(4, 0.5, 0.1, 3), new ActiveResult.Point(7, 0.4, 0, 1)));
        assertThat(ActiveOutputs.spread(resumed)).contains("1 to 3 seeds").contains("no band where one");
    }
}
