package dev.penumbra.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import dev.penumbra.data.augment.AugmentationConfig;
import dev.penumbra.model.TestModels;
import dev.penumbra.nn.UNetConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstStepReportTest {

    @Test
    void saysOnceWhenTheFirstStepIsDoneCountingFromTheProcessAndFromTrainingBegin(@TempDir Path run) {
        List<String> lines = new ArrayList<>();
        AtomicLong clock = new AtomicLong(50_000);
        // the clock moves 1.5 s with every reading: begin at 51.5 s, the first step at 53.0 s; the process at 10 s
        FirstStepReport report = new FirstStepReport(lines::add, () -> clock.addAndGet(1_500), 10_000);
        UNetConfig c = new UNetConfig(1, 2, List.of(4, 8, 16, 32), 3, true, 0, false);
        TrainSettings s = new TrainSettings(2, 2e-3f, 2, 0, 0, 5, AugmentationConfig.none());
        new TrainingLoop(TestModels.create("softmax", c), s, Device.cpu()).addListener(report)
                .fit(CheckpointAndResumeTest.blobs(6, 3), CheckpointAndResumeTest.blobs(2, 4), run, false);
        assertThat(lines).containsExactly("train softmax: first step (1) done 43.0 s after the process started,"
                + " 1.5 s after training began");
    }
}
