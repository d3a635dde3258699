package dev.penumbra.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.penumbra.Slow;
import dev.penumbra.data.Sample;
import dev.penumbra.data.augment.AugmentationConfig;
import dev.penumbra.metric.PixelUncertainty;
import dev.penumbra.nn.UNetConfig;
import dev.penumbra.train.EpochRecord;
import dev.penumbra.train.TrainSettings;
import dev.penumbra.train.TrainingLoop;
import dev.penumbra.train.TrainingOutcome;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every registered model promises, checked on a tiny backbone. */
class ModelContractTest {

    /** Models whose heads diverge at the rate that suits the plain U-Nets in lossFallsOnATinySet. */
    private static final java.util.Map<String, Float> SLOWER = java.util.Map.of("punet", 1e-3f);

    /** Training on {@link TinySamples#squares}: 12 epochs of batch 8, each model at a learning rate it learns at. */
    static TrainSettings tinySetSettings(String name) {
        // the Probabilistic U-Net's latent heads diverge at the higher rate that suits the plain U-Nets here
        return new TrainSettings(8, SLOWER.getOrDefault(name, 3e-3f), 12, 0, 0, 7, AugmentationConfig.none());
    }

    static UNetConfig tiny(int classes, double dropout) {
        return new UNetConfig(1, classes, List.of(4, 8, 16, 32), 3, true, dropout, false);
    }

    static ProbabilisticSegmenter create(String name, int classes) {
        return create(name, classes, List.of(4, 8, 16, 32));
    }

    static ProbabilisticSegmenter create(String name, int classes, List<Integer> filters) {
        double p = name.equals("mcdropout") ? 0.5 : 0;
        UNetConfig config = new UNetConfig(1, classes, filters, 3, true, p, false);
        return TestModels.create(name, config);
    }

    @ParameterizedTest
    @MethodSource("dev.penumbra.model.TestModels#names")
    void probabilitiesHaveTheDocumentedShapeAndSumToOne(String name) {
        ProbabilisticSegmenter model = create(name, 2);
        try (NDManager m = NDManager.newBaseManager()) {
            model.block().initialize(m, DataType.FLOAT32, new Shape(1, 1, 32, 32));
            NDArray probs = model.sampleProbabilities(new ParameterStore(m, false),
                    m.randomUniform(0f, 1f, new Shape(3, 1, 32, 32)), 6);
            assertThat(probs.getShape()).isEqualTo(new Shape(6, 3, 2, 32, 32));
            for (float s : probs.sum(new int[] {2}).toFloatArray()) {
                assertThat(s).isCloseTo(1f, within(1e-5f));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.penumbra.model.TestModels#names")
    void distinctSamplesStayWithinWhatTheModelCanGive(String name) {
        // 16 channels before the head: dropout removing all of them (p = 0.5^16) cannot make two samples equal
        ProbabilisticSegmenter model = create(name, 2, List.of(16, 16, 16, 16));
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(11);
            model.block().initialize(m, DataType.FLOAT32, new Shape(1, 1, 32, 32));
            NDArray images = m.randomUniform(0f, 1f, new Shape(1, 1, 32, 32));
            NDArray probs = model.sampleProbabilities(new ParameterStore(m, false), images, 16);
            Set<Integer> distinct = new HashSet<>();
            for (int s = 0; s < 16; s++) {
                distinct.add(Arrays.hashCode(probs.get(s).toFloatArray()));
            }
            int promised = model.distinctSamples();
            if (promised == 1) {
                assertThat(distinct).hasSize(1);
            } else if (promised != ProbabilisticSegmenter.UNBOUNDED) {
                // an ensemble of M: at most M, and more than one of 16 random picks
                assertThat(distinct.size()).isBetween(2, promised);
            } else {
                // at initialisation some channels are dead (ReLU), so two dropout masks can give the same output;
                // still far more distinct samples than any 4-member ensemble
                assertThat(distinct.size()).isGreaterThan(8);
            }
            assertThat(promised).as(name).isEqualTo(switch (name) {
                case "softmax" -> 1;
                case "ensemble" -> 4;
                default -> promised;
            });
        }
    }

    @Slow
    @ParameterizedTest
    @MethodSource("dev.penumbra.model.TestModels#names")
    void lossFallsOnATinySet(String name, @TempDir Path run) {
        List<Sample> train = TinySamples.squares(16, 32, 4, 1);
        List<Sample> val = TinySamples.squares(4, 32, 4, 2);
        TrainingOutcome out = new TrainingLoop(create(name, 2), tinySetSettings(name), Device.cpu())
                .fit(train, val, run, false);
        List<EpochRecord> epochs = out.epochs();
        double first = epochs.get(0).trainLoss();
        double last = epochs.get(epochs.size() - 1).trainLoss();
        assertThat(last).as("%s: training loss after 12 epochs vs the first", name).isLessThan(0.7 * first);
    }

    @Slow
    @ParameterizedTest
    @MethodSource("dev.penumbra.model.TestModels#names")
    void multiClassRuns(String name, @TempDir Path run) {
        List<Sample> train = TinySamples.classes(8, 32, 3, 5);
        TrainSettings settings = new TrainSettings(4, 1e-3f, 4, 0, 0, 7, AugmentationConfig.none());
        TrainingOutcome out = new TrainingLoop(create(name, 3, List.of(8, 8, 16, 16)), settings, Device.cpu())
                .fit(train, train, run, false);
        assertThat(out.epochs()).allSatisfy(e -> assertThat(e.trainLoss()).isFinite());
        if (!name.equals("mcdropout")) {
            // MC-Dropout also drops the input channel (p = 0.5 in every block, as published): too noisy to show
            // learning in 8 steps; lossFallsOnATinySet covers it
            assertThat(out.epochs().stream().skip(1).mapToDouble(EpochRecord::trainLoss).min().orElseThrow())
                    .isLessThan(out.epochs().get(0).trainLoss());
        }
        ProbabilisticSegmenter model = create(name, 3);
        try (NDManager m = NDManager.newBaseManager()) {
            model.block().initialize(m, DataType.FLOAT32, new Shape(1, 1, 32, 32));
            NDArray probs = model.sampleProbabilities(new ParameterStore(m, false),
                    m.randomUniform(0f, 1f, new Shape(2, 1, 32, 32)), 3);
            assertThat(probs.getShape()).isEqualTo(new Shape(3, 2, 3, 32, 32));
            NDArray labels = PixelUncertainty.argmaxSamples(probs);
            assertThat(labels.max().getLong()).isLessThanOrEqualTo(2L);
        }
    }
}
