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
import dev.penumbra.model.Loss;
import dev.penumbra.model.ModelRegistry;
import dev.penumbra.model.TestModels;
import dev.penumbra.model.ProbabilisticSegmenter;
import dev.penumbra.nn.UNetConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingLoopTest {

    private static ProbabilisticSegmenter model(String name) {
        UNetConfig c = new UNetConfig(1, 2, List.of(4, 8, 16, 32), 3, true, name.equals("mcdropout") ? 0.5 : 0,
                false);
        return TestModels.create(name, c);
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
        assertThat(Files.readAllLines(run.resolve("metrics.csv")).get(0)).contains("val_ged,val_diversity");
    }

    @Test
    void validationDiversityIsLoggedBesideTheGedFromTheSameSamples(@TempDir Path run) throws Exception {
        List<Sample> data = CheckpointAndResumeTest.blobs(6, 3);
        TrainSettings s = new TrainSettings(3, 2e-3f, 2, 0, 0, 5, AugmentationConfig.none(), 2);
        TrainingOutcome out = new TrainingLoop(model("mcdropout"), s, Device.cpu()).fit(data, data, run, false);
        assertThat(out.epochs().get(0).validationDiversity()).isNaN();
        // dropout p = 0.5 at inference: the 16 samples differ, and 1 - IoU lies in [0, 1]
        assertThat(out.epochs().get(1).validationDiversity()).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
        List<String> csv = Files.readAllLines(run.resolve("metrics.csv"));
        assertThat(csv.get(0)).isEqualTo("epoch,step,train_loss,val_loss,val_ged,val_diversity,best,seconds");
        assertThat(csv.get(1).split(",", -1)[5]).as("not measured in epoch 1").isEmpty();
        assertThat(Double.parseDouble(csv.get(2).split(",", -1)[5]))
                .isCloseTo(out.epochs().get(1).validationDiversity(), org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void probabilisticUNetLogsReconstructionAndKlApartAndTheyAddUpToItsLoss(@TempDir Path run) throws Exception {
        List<Sample> data = CheckpointAndResumeTest.blobs(6, 3);
        double beta = 0.5; // large enough that a wrong weighting would show
        UNetConfig c = new UNetConfig(1, 2, List.of(4, 8, 16, 32), 3, true, 0, false);
        ProbabilisticSegmenter punet = TestModels.create("punet", c, Map.of("beta", beta));
        TrainSettings s = new TrainSettings(3, 2e-3f, 2, 0, 0, 5, AugmentationConfig.none());
        TrainingOutcome out = new TrainingLoop(punet, s, Device.cpu()).fit(data, data, run, false);
        for (EpochRecord e : out.epochs()) {
            assertThat(e.trainTerms()).containsOnlyKeys(Loss.RECONSTRUCTION, Loss.KL);
            assertThat(e.trainTerm(Loss.KL)).isGreaterThanOrEqualTo(0.0);
            assertThat(e.validationTerm(Loss.KL)).isGreaterThanOrEqualTo(0.0);
            // means are linear: the mean loss is the mean reconstruction plus beta times the mean KL
            assertThat(e.trainTerm(Loss.RECONSTRUCTION) + beta * e.trainTerm(Loss.KL))
                    .isCloseTo(e.trainLoss(), org.assertj.core.api.Assertions.within(1e-5));
            assertThat(e.validationTerm(Loss.RECONSTRUCTION) + beta * e.validationTerm(Loss.KL))
                    .isCloseTo(e.validationLoss(), org.assertj.core.api.Assertions.within(1e-5));
        }
        assertThat(Files.readAllLines(run.resolve("metrics.csv")).get(0)).isEqualTo("epoch,step,train_loss,val_loss,"
                + "val_ged,val_diversity,train_reconstruction,val_reconstruction,train_kl,val_kl,best,seconds");
        EpochRecord logged = Json.MAPPER.readValue(Files.readAllLines(run.resolve("metrics.jsonl")).get(1),
                EpochRecord.class);
        assertThat(logged.trainTerms()).isEqualTo(out.epochs().get(1).trainTerms());
    }

    @Test
    void aStateWrittenBeforeTermsAndDiversityWereLoggedStillLoads() throws Exception {
        String old = "{\"epoch\":1,\"step\":3,\"bestEpoch\":1,\"bestLoss\":0.5,\"epochsSinceBest\":0,"
                + "\"records\":[{\"epoch\":1,\"step\":3,\"trainLoss\":0.7,\"validationLoss\":0.5,"
                + "\"validationGed\":\"NaN\",\"best\":true,\"seconds\":1.5}],\"finished\":false}";
        TrainingState s = Json.MAPPER.readValue(old, TrainingState.class);
        EpochRecord r = s.records().get(0);
        assertThat(r.trainLoss()).isEqualTo(0.7);
        assertThat(r.validationGed()).isNaN();
        assertThat(r.validationDiversity()).isNaN();
        assertThat(r.trainTerms()).isEmpty();
        assertThat(r.trainTerm(Loss.KL)).isNaN();
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
                    public void onPersist(TrainingContext context, List<EpochRecord> records) {
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
                .hasMessageContaining("lower --lr")
                .hasMessageContaining(Files.exists(run.resolve(TrainingLoop.LAST)) ? "is kept in"
                        : "no checkpoint was written");
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

    @Test
    void divergenceInTheFirstEpochDoesNotClaimACheckpoint(@TempDir Path run) {
        List<Sample> train = CheckpointAndResumeTest.blobs(8, 1);
        TrainSettings s = new TrainSettings(4, 2e-3f, 3, 0, 0, 5, AugmentationConfig.none());
        TrainingLoop loop = new TrainingLoop(model("softmax"), s, Device.cpu()).addListener(failAt(1));
        assertThatThrownBy(() -> loop.fit(train, train, run, false))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("No epoch had finished, so no checkpoint was written")
                .hasMessageNotContaining("kept");
        assertThat(run.resolve(TrainingLoop.LAST)).doesNotExist();
    }

    @Test
    void divergenceAfterAnEpochNamesTheCheckpointKept(@TempDir Path run) {
        List<Sample> train = CheckpointAndResumeTest.blobs(8, 1);
        TrainSettings s = new TrainSettings(4, 2e-3f, 3, 0, 0, 5, AugmentationConfig.none());
        // 2 steps per epoch: step 3 is in epoch 2
        TrainingLoop loop = new TrainingLoop(model("softmax"), s, Device.cpu()).addListener(failAt(3));
        assertThatThrownBy(() -> loop.fit(train, train, run, false))
                .hasMessageContaining("The checkpoint of epoch 1, the last written before the divergence, is kept in "
                        + run.resolve("checkpoints"));
        assertThat(run.resolve(TrainingLoop.LAST)).isRegularFile();
    }

    @Test
    void aListenerSeesTheEpochsValidationLossAndItsStopRequestEndsTheRunAsFinished(@TempDir Path run) {
        List<Sample> train = CheckpointAndResumeTest.blobs(8, 1);
        TrainSettings s = new TrainSettings(4, 2e-3f, 10, 0, 0, 5, AugmentationConfig.none());
        List<String> seen = new java.util.ArrayList<>();
        TrainingOutcome out = new TrainingLoop(model("softmax"), s, Device.cpu()).addListener(new TrainingListener() {
            @Override
            public void onEpoch(TrainingContext context, EpochRecord record) {
                assertThat(context.validationLoss().total()).isEqualTo(record.validationLoss()).isFinite();
                seen.add(context.epoch() + "@" + context.step());
                if (context.epoch() == 2) {
                    context.requestStop();
                }
            }
        }).fit(train, train, run, false);
        // 2 steps per epoch; the run ends after the epoch that asked, persisted as finished
        assertThat(seen).containsExactly("1@2", "2@4");
        assertThat(out.epochs()).hasSize(2);
        assertThat(out.stoppedEarly()).isTrue();
        TrainingState state = Json.read(run.resolve(TrainingLoop.STATE), TrainingState.class);
        assertThat(state.finished()).isTrue();
        assertThat(state.epoch()).isEqualTo(2);
    }

    /** A divergence check that fires at {@code step}, as one would on a NaN loss there. */
    private static TrainingListener failAt(long step) {
        return new TrainingListener() {
            @Override
            public void onStep(TrainingContext context, double loss) {
                if (context.step() == step) {
                    throw new TrainingDivergedException("training diverged at step " + step + ": the loss became NaN.");
                }
            }
        };
    }
}
