package dev.penumbra.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.penumbra.Slow;
import dev.penumbra.data.Sample;
import dev.penumbra.nn.Precision;
import dev.penumbra.nn.PrecisionStore;
import dev.penumbra.train.EpochRecord;
import dev.penumbra.train.TrainSettings;
import dev.penumbra.train.TrainingLoop;
import dev.penumbra.train.TrainingOutcome;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every registered model promises in bf16, on a tiny backbone: its samples are those of fp32 up to bf16's
 * rounding, and it learns in mixed precision. On a processor without native bf16, libtorch emulates it (slowly, but
 * with the same rounding), so these tests run anywhere.
 */
class Bf16ContractTest {

    @ParameterizedTest
    @MethodSource("dev.penumbra.model.TestModels#names")
    void bf16SamplesAreFloat32SamplesUpToRounding(String name) {
        ProbabilisticSegmenter model = ModelContractTest.create(name, 2);
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            model.block().initialize(m, DataType.FLOAT32, new Shape(1, 1, 32, 32));
            NDArray images = m.randomUniform(0f, 1f, new Shape(3, 1, 32, 32));
            // the same seed draws the same dropout masks, latents and transforms in both precisions
            Engine.getInstance().setRandomSeed(9);
            NDArray fp32 = model.sampleProbabilities(new ParameterStore(m, false), images, 4);
            Engine.getInstance().setRandomSeed(9);
            NDArray bf16 = model.sampleProbabilities(new PrecisionStore(m, Precision.BF16, true), images, 4);
            assertThat(bf16.getDataType()).isEqualTo(DataType.FLOAT32);
            assertThat(bf16.getShape()).isEqualTo(fp32.getShape());
            NDArray difference = bf16.sub(fp32).abs();
            // bf16 keeps 8 significant bits: a relative error of 2^-8 per rounding, over about 30 layers
            assertThat(difference.mean().getFloat()).as(name + ": mean |p_bf16 - p_fp32|").isLessThan(0.01f);
            assertThat(difference.max().getFloat()).as(name + ": max |p_bf16 - p_fp32|").isLessThan(0.1f)
                    .as(name + ": the bf16 path rounds (it is not fp32 again)").isGreaterThan(0f);
        }
    }

    @Slow
    @ParameterizedTest
    @MethodSource("dev.penumbra.model.TestModels#names")
    void learnsInMixedPrecision(String name, @TempDir Path run) {
        List<Sample> train = TinySamples.squares(16, 32, 4, 1);
        List<Sample> val = TinySamples.squares(4, 32, 4, 2);
        TrainSettings settings = ModelContractTest.tinySetSettings(name).withPrecision(Precision.BF16);
        TrainingOutcome out = new TrainingLoop(ModelContractTest.create(name, 2), settings, Device.cpu())
                .fit(train, val, run, false);
        List<EpochRecord> epochs = out.epochs();
        assertThat(epochs).allSatisfy(e -> assertThat(e.trainLoss()).isFinite());
        assertThat(epochs.get(epochs.size() - 1).trainLoss()).as("%s in bf16: last epoch's loss vs the first", name)
                .isLessThan(0.7 * epochs.get(0).trainLoss());
    }
}
