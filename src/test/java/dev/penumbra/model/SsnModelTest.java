package dev.penumbra.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.penumbra.InputException;
import dev.penumbra.config.Preset;
import dev.penumbra.data.Sample;
import dev.penumbra.nn.LowRankGaussian;
import dev.penumbra.nn.UNetConfig;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Shapes, chunked sampling, gradients and settings of the Stochastic Segmentation Network. */
class SsnModelTest {

    private static StochasticSegmentationNetwork tiny(int classes, int rank) {
        UNetConfig config = new UNetConfig(1, classes, List.of(4, 8, 16), 2, true, 0, false);
        return (StochasticSegmentationNetwork) TestModels.create("ssn", config, Map.of("rank", rank));
    }

    @Test
    void headsGiveTheDocumentedShapesAndAPositiveDiagonal() {
        StochasticSegmentationNetwork model = tiny(3, 4);
        try (NDManager m = NDManager.newBaseManager()) {
            model.block().initialize(m, DataType.FLOAT32, new Shape(1, 1, 16, 16));
            StochasticSegmentationNetwork.Net net = (StochasticSegmentationNetwork.Net) model.block();
            LowRankGaussian g = net.gaussian(new ParameterStore(m, false), m.randomUniform(0f, 1f,
                    new Shape(2, 1, 16, 16)), false);
            assertThat(g.mean().getShape()).isEqualTo(new Shape(2, 3, 16, 16));
            assertThat(g.factor().getShape()).isEqualTo(new Shape(2, 4, 3, 16, 16));
            assertThat(g.diag().getShape()).isEqualTo(new Shape(2, 3, 16, 16));
            assertThat(g.rank()).isEqualTo(4);
            assertThat(g.diag().min().getFloat()).isGreaterThanOrEqualTo((float) StochasticSegmentationNetwork.PAPER_EPSILON);
            assertThat(g.sample(5).getShape()).isEqualTo(new Shape(5, 2, 3, 16, 16));
            NDArray one = model.block().forward(new ParameterStore(m, false),
                    new NDList(m.zeros(new Shape(2, 1, 16, 16))), false).singletonOrThrow();
            assertThat(one.getShape()).isEqualTo(model.block().getOutputShapes(new Shape[] {new Shape(2, 1, 16, 16)})[0]);
        }
    }

    @Test
    void samplingInChunksGivesEveryRequestedSampleAndTheyDiffer() {
        StochasticSegmentationNetwork model = tiny(2, 10);
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            model.block().initialize(m, DataType.FLOAT32, new Shape(1, 1, 16, 16));
            int n = 3 * Sampling.MAX_IMAGES_PER_FORWARD + 1; // several chunks of 16 / 3 = 5 samples, the last short
            NDArray probs = model.sampleProbabilities(new ParameterStore(m, false),
                    m.randomUniform(0f, 1f, new Shape(3, 1, 16, 16)), n);
            assertThat(probs.getShape()).isEqualTo(new Shape(n, 3, 2, 16, 16));
            assertThat(probs.getManager()).isSameAs(m);
            Set<Integer> distinct = new HashSet<>();
            for (int i = 0; i < n; i++) {
                distinct.add(Arrays.hashCode(probs.get(i).toFloatArray()));
            }
            assertThat(distinct).hasSize(n);
            for (float s : probs.sum(new int[] {2}).toFloatArray()) {
                assertThat(s).isCloseTo(1f, within(1e-5f));
            }
        }
    }

    @Test
    void theLossReachesEveryHead() {
        StochasticSegmentationNetwork model = tiny(2, 3);
        List<Sample> samples = TinySamples.squares(2, 16, 4, 1);
        try (NDManager m = NDManager.newBaseManager()) {
            model.block().initialize(m, DataType.FLOAT32, new Shape(1, 1, 16, 16));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                Loss loss = model.loss(new ParameterStore(m, false), new Batch(m, samples, new int[] {0, 0}), true);
                assertThat(loss.total().getFloat()).isFinite().isPositive();
                gc.backward(loss.total());
            }
            for (String head : List.of("mean", "factor", "logDiag")) {
                var p = model.block().getParameters().stream()
                        .filter(e -> e.getKey().contains("head") && e.getKey().contains(head)
                                && e.getKey().endsWith("weight"))
                        .findFirst().orElseThrow().getValue();
                assertThat(p.getArray().getGradient().abs().sum().getFloat()).as(head).isGreaterThan(0f);
            }
        }
    }

    @Test
    void settingsArePublishedAndCheckedWithTheOptionsName() {
        StochasticSegmentationNetwork.Factory f = new StochasticSegmentationNetwork.Factory();
        assertThat(f.defaults(Preset.LIDC).settings()).isEqualTo(new StochasticSegmentationNetwork.Settings(10, 20,
                1e-5));
        assertThat(f.option("rank").tunable()).isTrue();
        assertThat(f.option("rank").type()).isEqualTo(Integer.class);
        assertThat(f.option("mc-samples").tunable()).isFalse();
        assertThat(f.with(f.defaults(Preset.DEMO).settings(), Map.of("rank", 4, "mc-samples", 8)))
                .isEqualTo(new StochasticSegmentationNetwork.Settings(4, 8, 1e-5));
        assertThatThrownBy(() -> new StochasticSegmentationNetwork.Settings(0, 20, 1e-5))
                .isInstanceOf(InputException.class).hasMessageContaining("--rank");
        assertThatThrownBy(() -> new StochasticSegmentationNetwork.Settings(10, 0, 1e-5))
                .isInstanceOf(InputException.class).hasMessageContaining("--mc-samples");
        assertThatThrownBy(() -> new StochasticSegmentationNetwork.Settings(10, 20, 0))
                .isInstanceOf(InputException.class).hasMessageContaining("--diag-epsilon");
    }
}
