package dev.penumbra.active;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.penumbra.InputException;
import dev.penumbra.metric.PixelUncertainty;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AcquisitionTest {

    private static PoolImage image(String id, double entropy, double mutual, int foreground, float... embedding) {
        return new PoolImage(id, entropy, mutual, foreground, 100, embedding.length == 0 ? new float[] {0} : embedding);
    }

    private static List<PoolImage> randomPool(int n, long seed) {
        Random r = new Random(seed);
        List<PoolImage> pool = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] e = new float[4];
            for (int j = 0; j < e.length; j++) {
                e[j] = r.nextFloat();
            }
            double h = r.nextDouble() * 50;
            pool.add(new PoolImage("img" + i, h, h * r.nextDouble(), r.nextInt(100), 100, e));
        }
        return pool;
    }

    @Test
    void everyStrategyPicksKDistinctImagesOfThePool() {
        List<PoolImage> pool = randomPool(40, 3);
        List<String> ids = pool.stream().map(PoolImage::id).toList();
        List<float[]> labelled = List.of(new float[] {0.5f, 0.5f, 0.5f, 0.5f});
        for (String name : Acquisitions.names()) {
            for (int k : new int[] {1, 7, 40}) {
                List<String> picked = Acquisitions.get(name).select(pool, labelled, k, new Random(1));
                assertThat(picked).as(name + " k=" + k).hasSize(k).doesNotHaveDuplicates();
                assertThat(ids).as(name).containsAll(picked);
            }
        }
    }

    @Test
    void entropySumRanksAHandMadePoolByTotalEntropy() {
        List<PoolImage> pool = List.of(image("a", 10, 0, 5), image("b", 30, 0, 5), image("c", 20, 0, 5),
                image("d", 30, 0, 5), image("e", 0, 0, 5));
        assertThat(Acquisitions.get("entropy-sum").select(pool, List.of(), 4, new Random(1)))
                .containsExactly("b", "d", "c", "a");
    }

    @Test
    void entropyForegroundPrefersUncertaintyPerPredictedArea() {
        // a: 40 bits over a large predicted lesion; b: 20 bits over a small one
        List<PoolImage> pool = List.of(image("a", 40, 0, 60), image("b", 20, 0, 5));
        assertThat(Acquisitions.get("entropy-sum").select(pool, List.of(), 1, new Random(1))).containsExactly("a");
        assertThat(Acquisitions.get("entropy-foreground").select(pool, List.of(), 1, new Random(1)))
                .containsExactly("b");
    }

    /**
     * Image A: all 16 samples say p = 0.5 (the annotators disagree; the model knows it: aleatoric). Image B: half
     * the samples say 0.9, half 0.0 (the model does not know: epistemic), mean 0.45, so slightly less entropy.
     * Entropy picks A; BALD, blind to aleatoric uncertainty, picks B.
     */
    @Test
    void baldPicksModelIgnoranceWhereEntropyPicksAnnotatorAmbiguity() {
        try (NDManager m = NDManager.newBaseManager()) {
            int n = 16;
            int pixels = 10;
            float[] values = new float[n * 2 * 2 * pixels];
            for (int s = 0; s < n; s++) {
                for (int b = 0; b < 2; b++) {
                    float fg = b == 0 ? 0.5f : (s % 2 == 0 ? 0.9f : 0.0f);
                    for (int p = 0; p < pixels; p++) {
                        values[((s * 2 + b) * 2) * pixels + p] = 1 - fg;
                        values[((s * 2 + b) * 2 + 1) * pixels + p] = fg;
                    }
                }
            }
            NDArray probs = m.create(values, new Shape(n, 2, 2, 1, pixels));
            float[] entropy = PixelUncertainty.predictiveEntropy(probs).toFloatArray();
            float[] mutual = PixelUncertainty.mutualInformation(probs).toFloatArray();
            List<PoolImage> pool = new ArrayList<>();
            for (int b = 0; b < 2; b++) {
                double h = 0;
                double mi = 0;
                for (int p = 0; p < pixels; p++) {
                    h += entropy[b * pixels + p];
                    mi += mutual[b * pixels + p];
                }
                pool.add(image(b == 0 ? "A" : "B", h, mi, 0));
            }
            assertThat(pool.get(0).sumEntropy()).isGreaterThan(pool.get(1).sumEntropy());
            assertThat(pool.get(0).sumMutualInformation()).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-5));
            assertThat(Acquisitions.get("entropy-sum").select(pool, List.of(), 1, new Random(1))).containsExactly("A");
            assertThat(Acquisitions.get("bald").select(pool, List.of(), 1, new Random(1))).containsExactly("B");
        }
    }

    @Test
    void diverseAvoidsNearDuplicatesThatEntropyAlonePicksTogether() {
        List<PoolImage> pool = List.of(image("dup1", 50, 0, 5, 0.10f, 0.10f), image("dup2", 49, 0, 5, 0.11f, 0.10f),
                image("dup3", 48, 0, 5, 0.10f, 0.11f), image("other", 40, 0, 5, 0.9f, 0.9f));
        assertThat(Acquisitions.get("entropy-sum").select(pool, List.of(), 2, new Random(1)))
                .containsExactly("dup1", "dup2");
        List<String> diverse = Acquisitions.get("diverse").select(pool, List.of(), 2, new Random(1));
        assertThat(diverse).containsExactly("dup1", "other");
        // against a labelled image next to the duplicates, the different one comes first
        assertThat(Acquisitions.get("diverse").select(pool, List.of(new float[] {0.1f, 0.1f}), 1, new Random(1)))
                .containsExactly("other");
    }

    @Test
    void randomIsReproducibleForASeedAndDrawsWithoutReplacement() {
        List<PoolImage> pool = randomPool(30, 5);
        Acquisition random = Acquisitions.get("random");
        List<String> a = random.select(pool, List.of(), 30, new Random(9));
        assertThat(a).isEqualTo(random.select(pool, List.of(), 30, new Random(9)));
        assertThat(new HashSet<>(a)).hasSize(30);
        assertThat(random.select(pool, List.of(), 5, new Random(10))).isNotEqualTo(a.subList(0, 5));
    }

    @Test
    void unknownOrRepeatedStrategiesAreCleanErrors() {
        assertThatThrownBy(() -> Acquisitions.parse(List.of("random", "maxent"))).isInstanceOf(InputException.class)
                .hasMessageContaining("maxent").hasMessageContaining("entropy-sum");
        assertThatThrownBy(() -> Acquisitions.parse(List.of("bald", "bald"))).isInstanceOf(InputException.class)
                .hasMessageContaining("twice");
        assertThat(Acquisitions.get("bald").needsSampleVariety()).isTrue();
        assertThat(Acquisitions.get("entropy-sum").needsSampleVariety()).isFalse();
    }
}
