package dev.penumbra.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.penumbra.Slow;
import dev.penumbra.data.Image;
import dev.penumbra.data.Mask;
import dev.penumbra.data.Sample;
import dev.penumbra.data.augment.AugmentationConfig;
import dev.penumbra.model.ModelRegistry;
import dev.penumbra.model.TestModels;
import dev.penumbra.model.ProbabilisticSegmenter;
import dev.penumbra.nn.UNetConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckpointAndResumeTest {

    private static ProbabilisticSegmenter model(String name) {
        UNetConfig c = new UNetConfig(1, 2, List.of(4, 8, 16, 32), 3, true, name.equals("mcdropout") ? 0.5 : 0,
                false);
        return TestModels.create(name, c);
    }

    static List<Sample> blobs(int count, long seed) {
        Random rng = new Random(seed);
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Image image = Image.zeros(1, 32, 32);
            List<Mask> masks = new ArrayList<>();
            int cy = 8 + rng.nextInt(16);
            int cx = 8 + rng.nextInt(16);
            for (int a = 0; a < 2; a++) {
                Mask m = Mask.blank(32, 32);
                int r = 4 + a * 2;
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) {
                        boolean in = (y - cy) * (y - cy) + (x - cx) * (x - cx) <= r * r;
                        m.set(y, x, (byte) (in ? 1 : 0));
                        if (a == 0) {
                            image.set(0, y, x, (in ? 0.8f : 0.2f) + 0.05f * (float) rng.nextGaussian());
                        }
                    }
                }
                masks.add(m);
            }
            out.add(new Sample("b" + i, "b" + i, image, masks));
        }
        return out;
    }

    private static TrainSettings settings(int epochs) {
        return new TrainSettings(4, 2e-3f, epochs, 0, 0, 13, AugmentationConfig.paper());
    }

    @Slow
    @ParameterizedTest
    @ValueSource(strings = {"softmax", "mcdropout", "punet", "ensemble"})
    void resumedRunEqualsUninterruptedRun(String name, @TempDir Path tmp) throws Exception {
        List<Sample> train = blobs(8, 1);
        List<Sample> val = blobs(4, 2);
        Path whole = tmp.resolve("whole");
        TrainingOutcome uninterrupted = new TrainingLoop(model(name), settings(4), Device.cpu())
                .fit(train, val, whole, false);

        Path parts = tmp.resolve("parts");
        new TrainingLoop(model(name), settings(2), Device.cpu()).fit(train, val, parts, false);
        // the run stopped after 2 of 4 epochs (as if interrupted); continue it with the full settings
        rewriteAsUnfinished(parts);
        TrainingOutcome resumed = new TrainingLoop(model(name), settings(4), Device.cpu())
                .fit(train, val, parts, true);

        assertThat(resumed.epochs()).hasSize(4);
        for (int e = 0; e < 4; e++) {
            assertThat(resumed.epochs().get(e).trainLoss()).as("epoch %d train loss", e + 1)
                    .isEqualTo(uninterrupted.epochs().get(e).trainLoss());
            assertThat(resumed.epochs().get(e).validationLoss()).as("epoch %d validation loss", e + 1)
                    .isEqualTo(uninterrupted.epochs().get(e).validationLoss());
            assertThat(resumed.epochs().get(e).trainTerms()).as("epoch %d loss terms", e + 1)
                    .isEqualTo(uninterrupted.epochs().get(e).trainTerms());
        }
        assertThat(Files.readAllBytes(parts.resolve(TrainingLoop.LAST)))
                .isEqualTo(Files.readAllBytes(whole.resolve(TrainingLoop.LAST)));
    }

    private static void rewriteAsUnfinished(Path run) {
        Path state = run.resolve(TrainingLoop.STATE);
        TrainingState s = dev.penumbra.io.Json.read(state, TrainingState.class);
        dev.penumbra.io.Json.write(state, new TrainingState(s.epoch(), s.step(), s.bestEpoch(), s.bestLoss(),
                s.epochsSinceBest(), s.records(), false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"softmax", "mcdropout", "punet", "ensemble"})
    void checkpointRoundTripGivesIdenticalOutputs(String name, @TempDir Path tmp) {
        Path file = tmp.resolve("m.params");
        ProbabilisticSegmenter original = model(name);
        ProbabilisticSegmenter restored = model(name);
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(1);
            original.block().initialize(m, DataType.FLOAT32, new Shape(1, 1, 32, 32));
            Engine.getInstance().setRandomSeed(2);
            restored.block().initialize(m, DataType.FLOAT32, new Shape(1, 1, 32, 32));
            Checkpoint.save(file, original.block(), null);
            Checkpoint.load(file, restored.block(), null, m);
            var images = m.randomUniform(0f, 1f, new Shape(2, 1, 32, 32));
            Engine.getInstance().setRandomSeed(7);
            float[] a = original.sampleProbabilities(new ParameterStore(m, false), images, 3).toFloatArray();
            Engine.getInstance().setRandomSeed(7);
            float[] b = restored.sampleProbabilities(new ParameterStore(m, false), images, 3).toFloatArray();
            assertThat(b).containsExactly(a);
        }
    }
}
