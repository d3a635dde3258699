package dev.penumbra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streams give the seeds the code derived inline before they had names (revision 1d09e8f), so every run keeps
 * its numbers. The values were printed by the old expressions themselves, e.g. {@code TrainingLoop.seedOf(42, -3)}
 * and {@code (int) (t ^ 0x2545F491L)} with {@code t = 42 * 1000 + 2}.
 */
class SeedsTest {

    private static final long SEED = 42;

    @Test
    void trainingStreamsKeepTheirSplitMixSeeds() {
        assertThat(Seeds.WEIGHTS.of(SEED)).isEqualTo(-1853786674);
        assertThat(Seeds.TRAINING_BATCHES.of(SEED, 3)).isEqualTo(-1711585601);
        assertThat(Seeds.TRAINING_DROPOUT.of(SEED, 3)).isEqualTo(539217553);
        assertThat(Seeds.VALIDATION_ANNOTATORS.of(SEED)).isEqualTo(-4449086);
        assertThat(Seeds.VALIDATION_SAMPLING.of(SEED)).isEqualTo(-632108363);
        assertThat(Seeds.VALIDATION_GED_SAMPLING.of(SEED)).isEqualTo(1656515236);
        assertThat(Seeds.VALIDATION_GED_DRAWS.of(SEED)).isEqualTo(-541127484);
    }

    @Test
    void evaluationAndActiveStreamsKeepTheirSeeds() {
        assertThat((int) Seeds.EVALUATION_SAMPLING.of(0x123456789ABCDEFL)).isEqualTo(-2004318072);
        assertThat((int) Seeds.PREDICTION_SAMPLING.of(0x123456789ABCDEFL)).isEqualTo(-2004318072);
        long image = Seeds.EVALUATION_IMAGE.of(SEED, "img_07".hashCode());
        assertThat(image).isEqualTo(-1143081215L);
        assertThat(Seeds.ORACLE_FLOOR.of(image)).isEqualTo(1143081214L);
        long round = Seeds.ACTIVE_ROUND.of(SEED, 2);
        assertThat(round).isEqualTo(42002L);
        assertThat((int) Seeds.ACTIVE_SAMPLING.of(round)).isEqualTo(625299587);
        assertThat(Seeds.ACTIVE_SELECTION.of(round)).isEqualTo(-7046029254386329593L);
        for (Seeds identity : new Seeds[] {Seeds.EVALUATION_GED_DRAWS, Seeds.EVALUATION_BOOTSTRAP,
            Seeds.PREDICTION_GED_DRAWS, Seeds.ACTIVE_INITIAL_SET, Seeds.ACTIVE_TEST_GED_DRAWS,
            Seeds.METRICS_GED_DRAWS, Seeds.BENCHMARK}) {
            assertThat(identity.of(SEED)).as(identity.name()).isEqualTo(SEED);
        }
        assertThat(Seeds.BENCHMARK_INPUTS.of(SEED, 2)).isEqualTo(SEED + 2);
    }

    @Test
    void aRandomStreamIsARandomOfItsSeed() {
        assertThat(Seeds.TRAINING_BATCHES.random(SEED, 3).nextLong())
                .isEqualTo(new Random(-1711585601).nextLong());
    }

    @Test
    void aStreamIsUsedOnlyAsItIsMeant() {
        assertThatThrownBy(() -> Seeds.TRAINING_DROPOUT.of(SEED)).hasMessageContaining("give its index");
        assertThatThrownBy(() -> Seeds.WEIGHTS.of(SEED, 1)).hasMessageContaining("has no index");
        assertThatThrownBy(() -> Seeds.WEIGHTS.random(SEED)).hasMessageContaining("ENGINE");
        assertThatThrownBy(() -> Seeds.EVALUATION_GED_DRAWS.seedEngine(SEED)).hasMessageContaining("RANDOM");
    }
}
