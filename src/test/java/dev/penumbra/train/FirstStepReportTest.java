package dev.penumbra.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import dev.penumbra.data.augment.AugmentationConfig;
import dev.penumbra.model.TestModels;
import dev.penumbra.nn.UNetConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstStepReportTest {

    @Test
    void saysOnceWhenTheFirstStepIsDoneCountingFromTheProcessAndFromTrainingBegin(@TempDir Path run) {
        List<String> lines = new ArrayList<>();
        AtomicLong clock = new AtomicLong(50_000);
        // the clock moves 1.5 s with every reading: begin at 51.5 s, the first step at 53.0 s; the process at 10 s
        AtomicBoolean firstInProcess = new AtomicBoolean(true);
        train(new FirstStepReport(lines::add, () -> clock.addAndGet(1_500), 10_000, firstInProcess), run);
        assertThat(lines).containsExactly("train softmax: first step (1) done 43.0 s after the process started,"
                + " 1.5 s after training began");
    }

    @Test
    void aLaterTrainingOfTheSameProcessCountsFromItsOwnBeginOnly(@TempDir Path first, @TempDir Path second) {
        // in a demo or a study the process start lies before every earlier training: only the first counts from it
        List<String> lines = new ArrayList<>();
        AtomicLong clock = new AtomicLong(50_000);
        AtomicBoolean firstInProcess = new AtomicBoolean(true);
        train(new FirstStepReport(lines::add, () -> clock.addAndGet(1_500), 10_000, firstInProcess), first);
        train(new FirstStepReport(lines::add, () -> clock.addAndGet(1_500), 10_000, firstInProcess), second);
        assertThat(lines).containsExactly(
                "train softmax: first step (1) done 43.0 s after the process started, 1.5 s after training began",
                "train softmax: first step (1) done 1.5 s after training began");
    }

    private static void train(FirstStepReport report, Path run) {
        UNetConfig c = new UNetConfig(1, 2, List.of(4, 8, 16, 32), 3, true, 0, false);
        TrainSettings s = new TrainSettings(2, 2e-3f, 2, 0, 0, 5, AugmentationConfig.none());
        new TrainingLoop(TestModels.create("softmax", c), s, Device.cpu()).addListener(report)
                .fit(CheckpointAndResumeTest.blobs(6, 3), CheckpointAndResumeTest.blobs(2, 4), run, false);
    }
}
