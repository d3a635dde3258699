package dev.penumbra.active;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
