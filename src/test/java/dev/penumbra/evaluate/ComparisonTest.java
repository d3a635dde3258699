package dev.penumbra.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.penumbra.metric.Calibration;
import dev.penumbra.stats.TTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Model comparisons against scipy 1.10.1 and statsmodels 0.13.5, with x, y, z the per-image GED@16 below:
 * {@code ttest_rel(x, z)}: t = -5.052276884056031, p = 0.0014760506222000432; {@code ttest_rel(y, z)}: t =
 * -2.953888927915845, p = 0.021288959795023182; {@code ttest_rel(x, y)}: t = -4.437059837324711, p =
 * 0.003018398542300123; {@code multipletests([p_xz, p_yz, p_xy], method='holm')[1]} = [0.00442815186660013,
 * 0.021288959795023182, 0.006036797084600246]; d_z = (a - b).mean() / (a - b).std(ddof=1) = -1.7862496225740303,
 * -1.0443574459005773, -1.5687375497513913; {@code ttest_ind(x, z).pvalue} = 0.0002873257407688372.
 */
class ComparisonTest {

    private static final double[] X = {0.50, 0.62, 0.41, 0.70, 0.55, 0.48, 0.66, 0.59};
    private static final double[] Y = {0.58, 0.71, 0.40, 0.83, 0.61, 0.57, 0.69, 0.72};
    private static final double[] Z = {0.90, 0.64, 0.77, 0.88, 0.95, 0.70, 0.81, 0.79};

    private static ModelEvaluation model(String label, double[] ged) {
        List<ImageScores> images = new ArrayList<>();
        for (int i = 0; i < ged.length; i++) {
            double g = ged[i];
            images.add(new ImageScores(label, "img" + i, 4, new double[] {g, g, g, g}, new double[4], g, g, 0, 0.2,
                    0.3, 0.5, 0.5, 0.1, 0.05, 0.1, 0.02, 0.02, 0.7, 10, 8, 1000, 5, 0.0, Double.NaN, Double.NaN));
        }
        return new ModelEvaluation(label, label, "runs/" + label, 16, images, List.of(), new Calibration(10),
                Map.of(), null);
    }

    @Test
    void everyUnorderedPairOnceLowerMeanFirstWithEffectSizesAndHolmAcrossThePairs() {
        // given in the order z, x, y: each pair must still read lower mean first
        List<Comparison> c = Statistics.compare(List.of(model("z", Z), model("x", X), model("y", Y)),
                EvaluationSettings.paper(1));
        assertThat(c).extracting(Comparison::a).containsExactly("x", "y", "x");
        assertThat(c).extracting(Comparison::b).containsExactly("z", "z", "y");
        assertThat(c.get(0).paired().t()).isCloseTo(-5.052276884056031, within(1e-9));
        assertThat(c.get(0).paired().p()).isCloseTo(0.0014760506222000432, within(1e-12));
        assertThat(c.get(1).paired().p()).isCloseTo(0.021288959795023182, within(1e-12));
        assertThat(c.get(2).paired().p()).isCloseTo(0.003018398542300123, within(1e-12));
        assertThat(c.stream().mapToDouble(Comparison::pairedHolm).toArray()).containsExactly(new double[] {
            0.00442815186660013, 0.021288959795023182, 0.006036797084600246}, within(1e-12));
        assertThat(c.stream().mapToDouble(Comparison::cohensDz).toArray()).containsExactly(new double[] {
            -1.7862496225740303, -1.0443574459005773, -1.5687375497513913}, within(1e-12));
        assertThat(c.get(0).twoSample().p()).isCloseTo(0.0002873257407688372, within(1e-12));
        assertThat(c.get(0).twoSample().alternative()).isEqualTo(TTest.Alternative.TWO_SIDED);
        double meanDiff = -0.24125; // numpy: (x - z).mean()
        assertThat(c.get(0).meanDifference().estimate()).isCloseTo(meanDiff, within(1e-12));
        assertThat(c.get(0).meanDifference().high()).isNegative(); // every image favours x
        assertThat(c.get(0).family()).isEqualTo("the 3 pairs of 3 models on ged@16 in this evaluation");
    }
}
