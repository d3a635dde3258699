package dev.penumbra.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.penumbra.data.Sample;
import dev.penumbra.data.augment.AugmentationConfig;
import dev.penumbra.io.Json;
import dev.penumbra.model.ModelRegistry;
import dev.penumbra.model.ModelSettings;
import dev.penumbra.model.ProbabilisticSegmenter;
import dev.penumbra.nn.UNetConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingLoopTest {

    private static ProbabilisticSegmenter model(String name) {
        UNetConfig c = new UNetConfig(1, 2, List.of(4, 8, 16, 32), 3, true, name.equals("mcdropout") ? 0.5 : 0,
                false);
        return ModelRegistry.create(name, new ModelSettings(c, null, 4, 6, 0.0005));
    }

    @Test
    void validationGedIsLoggedEveryNthEpoch(@TempDir Path run) throws Exception {
        List<Sample> data = CheckpointAndResumeTest.blobs(6, 3);
        TrainSettings s = new TrainSettings(3, 2e-3f, 4, 0, 0, 5, AugmentationConfig.none(), 2);
        TrainingOutcome out = new TrainingLoop(model("mcdropout"), s, Device.cpu()).fit(data, data, run, false);
        List<EpochRecord> e = out.epochs();
        assertThat(e.get(0).validationGed()).isNaN();
        assertThat(e.get(2).validationGed()).isNaN();
        // GED of 16 samples against 2 annotators lies in [0, 2]
        assertThat(e.get(1).validationGed()).isBetween(0.0, 2.0);
        assertThat(e.get(3).validationGed()).isBetween(0.0, 2.0);
        assertThat(Files.readAllLines(run.resolve("metrics.csv")).get(0)).contains("val_ged");
    }

    @Test
    void persistingEveryNthEpochWritesTheLastCheckpointAndEveryEpochOfTheLogAtTheEnd(@TempDir Path run)
            throws Exception {
        List<Sample> data = CheckpointAndResumeTest.blobs(4, 1);
        // 2 steps per epoch, 7 epochs: persisted after epochs 3, 6 and 7 (the end)
        TrainSettings s = new TrainSettings(2, 2e-3f, 100, 14, 0, 5, AugmentationConfig.none());
        List<Integer> calls = new java.util.ArrayList<>();
        TrainingOutcome out = new TrainingLoop(model("softmax"), s, Device.cpu()).optPersistEvery(3)
                .addListener(new TrainingListener() {
                    @Override
                    public void onEpochs(List<EpochRecord> records) {
                        calls.add(records.size());
                    }
                }).fit(data, List.of(), run, false);
        assertThat(out.steps()).isEqualTo(14);
        assertThat(calls).containsExactly(3, 3, 1);
        assertThat(Files.readAllLines(run.resolve("metrics.csv"))).hasSize(1 + 7);
        assertThat(run.resolve(TrainingLoop.LAST)).isRegularFile();
        assertThat(Json.read(run.resolve(TrainingLoop.STATE), TrainingState.class).epoch()).isEqualTo(7);
    }

    @Test
    void earlyStoppingEndsTheRunAfterPatienceEpochsWithoutImprovement(@TempDir Path run) {
        List<Sample> train = CheckpointAndResumeTest.blobs(8, 1);
        // validation data the model cannot learn from training: inverted images, so validation loss rises
        List<Sample> val = CheckpointAndResumeTest.blobs(4, 2).stream().map(TrainingLoopTest::invert).toList();
        TrainSettings s = new TrainSettings(4, 3e-3f, 50, 0, 2, 5, AugmentationConfig.none());
        TrainingOutcome out = new TrainingLoop(model("softmax"), s, Device.cpu()).fit(train, val, run, false);
        assertThat(out.stoppedEarly()).isTrue();
        assertThat(out.epochs().size()).isLessThan(50);
        assertThat(out.epochs().size()).isEqualTo(out.bestEpoch() + 2);
    }

    private static Sample invert(Sample s) {
        float[] px = s.image().pixels().clone();
        for (int i = 0; i < px.length; i++) {
            px[i] = 1 - px[i];
        }
        return new Sample(s.id(), s.group(), new dev.penumbra.data.Image(1, 32, 32, px), s.masks());
    }

    @Test
    void maxStepsBoundsTheRun(@TempDir Path run) {
        List<Sample> train = CheckpointAndResumeTest.blobs(8, 1);
        TrainSettings s = new TrainSettings(4, 1e-3f, 100, 5, 0, 5, AugmentationConfig.none());
        TrainingOutcome out = new TrainingLoop(model("softmax"), s, Device.cpu()).fit(train, train, run, false);
        assertThat(out.steps()).isEqualTo(5);
        assertThat(out.epochs()).hasSize(3);
    }

    @Test
    void divergenceStopsWithAdviceAndKeepsOnlyFiniteWeights(@TempDir Path run) {
        List<Sample> train = CheckpointAndResumeTest.blobs(8, 1);
        TrainSettings s = new TrainSettings(4, 1e4f, 30, 0, 0, 5, AugmentationConfig.none());
        assertThatThrownBy(() -> new TrainingLoop(model("softmax"), s, Device.cpu()).fit(train, train, run, false))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("lower --lr").hasMessageContaining("last good checkpoint");
        Path last = run.resolve(TrainingLoop.LAST);
        if (Files.exists(last)) {
            ProbabilisticSegmenter restored = model("softmax");
            try (NDManager m = NDManager.newBaseManager()) {
                restored.block().initialize(m, DataType.FLOAT32, new Shape(1, 1, 32, 32));
                Checkpoint.load(last, restored.block(), null, m);
                for (Pair<String, Parameter> p : restored.block().getParameters()) {
                    float[] w = p.getValue().getArray().toFloatArray();
                    for (float v : w) {
                        if (!Float.isFinite(v)) {
                            fail("checkpoint holds a non-finite weight in " + p.getKey());
                        }
                    }
                }
            }
        }
    }
}
