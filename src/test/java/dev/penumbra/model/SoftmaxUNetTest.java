package dev.penumbra.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoftmaxUNetTest {

    private static final UNetConfig TINY = new UNetConfig(1, 2, List.of(4, 8, 16, 32), 3, true, 0, false);

    @Test
    void probabilitiesHaveTheDocumentedShapeAndSumToOne() {
        SoftmaxUNet model = new SoftmaxUNet(TINY, null);
        try (NDManager m = NDManager.newBaseManager()) {
            model.block().initialize(m, DataType.FLOAT32, new Shape(1, 1, 32, 32));
            NDArray images = m.randomUniform(0f, 1f, new Shape(3, 1, 32, 32));
            NDArray probs = model.sampleProbabilities(new ParameterStore(m, false), images, 5);
            assertThat(probs.getShape()).isEqualTo(new Shape(5, 3, 2, 32, 32));
            float[] sums = probs.sum(new int[] {2}).toFloatArray();
            for (float s : sums) {
                assertThat(s).isCloseTo(1f, within(1e-5f));
            }
            assertThat(model.distinctSamples()).isEqualTo(1);
        }
    }

    @Test
    void samplesAreIdentical() {
        SoftmaxUNet model = new SoftmaxUNet(TINY, null);
        try (NDManager m = NDManager.newBaseManager()) {
            model.block().initialize(m, DataType.FLOAT32, new Shape(1, 1, 32, 32));
            NDArray images = m.randomUniform(0f, 1f, new Shape(2, 1, 32, 32));
            NDArray samples = PixelUncertainty.argmaxSamples(
                    model.sampleProbabilities(new ParameterStore(m, false), images, 4));
            for (int s = 1; s < 4; s++) {
                assertThat(samples.get(s).toLongArray()).containsExactly(samples.get(0).toLongArray());
            }
        }
    }

    @Slow
    @Test
    void lossFallsOnATinySet(@TempDir Path run) {
        List<Sample> train = TinySamples.squares(16, 32, 2, 1);
        List<Sample> val = TinySamples.squares(4, 32, 2, 2);
        TrainSettings settings = new TrainSettings(8, 3e-3f, 15, 0, 0, 7, AugmentationConfig.none());
        TrainingOutcome out = new TrainingLoop(new SoftmaxUNet(TINY, null), settings, Device.cpu())
                .fit(train, val, run, false);
        List<EpochRecord> epochs = out.epochs();
        assertThat(epochs).hasSize(15);
        assertThat(out.steps()).isEqualTo(30);
        double first = epochs.get(0).trainLoss();
        double last = epochs.get(epochs.size() - 1).trainLoss();
        assertThat(last).as("training loss after 15 epochs vs the first").isLessThan(0.6 * first);
        assertThat(out.bestLoss()).isLessThan(epochs.get(0).validationLoss());
        assertThat(run.resolve(TrainingLoop.BEST)).isRegularFile();
        assertThat(run.resolve(TrainingLoop.LAST)).isRegularFile();
        assertThat(run.resolve("metrics.csv")).content().startsWith("epoch,step,train_loss,val_loss")
                .hasLineCount(16);
    }
}
