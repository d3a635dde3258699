package dev.penumbra.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penumbra.data.Mask;
import dev.penumbra.evaluate.OracleScores;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

/**
 * The oracle's floor is what samples of the true annotator distribution score: a second, independent set of
 * draws from the generator, scored as if it were a model's 16 samples, lands on it within sampling error; a
 * model that always draws the same mask does not.
 */
class OracleFloorTest {

    private static final int SCENES = 60;
    private static final int K = 16;

    private static List<byte[]> pixels(List<Mask> masks) {
        return masks.stream().map(Mask::pixels).toList();
    }

    @Test
    void independentDrawsOfTheTrueAnnotatorsScoreTheFloorAndAFixedMaskScoresAbove() {
        SplittableRandom root = new SplittableRandom(11);
        SummaryStatistics truthExcess = new SummaryStatistics();
        SummaryStatistics fixedExcess = new SummaryStatistics();
        SummaryStatistics floors = new SummaryStatistics();
        int disputed = 0;
        for (int i = 0; i < SCENES; i++) {
            LidcScene scene = LidcScene.generate("s" + i, "s" + i, 32, root.split());
            Annotators annotators = new Annotators(scene.blobs(), 32);
            SplittableRandom fresh = root.split();
            List<Mask> second = new ArrayList<>();
            for (int s = 0; s < K; s++) {
                second.add(annotators.draw(fresh));
            }
            List<byte[]> oracle = pixels(scene.oracle());
            OracleScores truth = OracleScores.of(pixels(second), oracle, i);
            // one of the four annotations, repeated: a model without any spread
            List<byte[]> fixed = new ArrayList<>();
            for (int s = 0; s < K; s++) {
                fixed.add(scene.sample().masks().get(0).pixels());
            }
            OracleScores same = OracleScores.of(fixed, oracle, i);
            assertThat(truth.floor()).isEqualTo(same.floor()); // the floor depends on the image alone
            truthExcess.addValue(truth.ged() - truth.floor());
            fixedExcess.addValue(same.ged() - same.floor());
            floors.addValue(truth.floor());
            disputed += truth.floor() > 0 ? 1 : 0;
        }
        assertThat(disputed).as("images whose annotators disagree").isGreaterThan(SCENES / 2);
        assertThat(floors.getMean()).isPositive();
        double se = truthExcess.getStandardDeviation() / Math.sqrt(SCENES);
        // within 3 standard errors of 0: the truth scores the floor
        assertThat(Math.abs(truthExcess.getMean())).as("mean excess %.4f, se %.4f", truthExcess.getMean(), se)
                .isLessThan(3 * se);
        // a fixed mask is far above it, by more than 5 of its own standard errors
        double fixedSe = fixedExcess.getStandardDeviation() / Math.sqrt(SCENES);
        assertThat(fixedExcess.getMean()).isGreaterThan(5 * fixedSe).isGreaterThan(10 * Math.abs(truthExcess.getMean()));
    }
}
