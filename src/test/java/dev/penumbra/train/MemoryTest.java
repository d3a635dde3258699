package dev.penumbra.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.penumbra.Slow;
import dev.penumbra.data.Sample;
import dev.penumbra.model.Batch;
import dev.penumbra.model.ModelRegistry;
import dev.penumbra.model.TestModels;
import dev.penumbra.model.ProbabilisticSegmenter;
import dev.penumbra.nn.UNetConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Memory stays flat over a run: the small version of "RSS after 2000 steps within 5% of RSS after 200". Every step
 * allocates a few MB of intermediates; a leak of them would grow RSS by hundreds of MB over these steps (the Adam
 * leak this test found grew it by 1.5 GB over 400 steps).
 */
@Slow
class MemoryTest {

    @Test
    void residentMemoryStaysFlatOverManyTrainingSteps() throws IOException {
        UNetConfig c = new UNetConfig(1, 2, List.of(8, 16, 32, 64), 3, true, 0.5, false);
        ProbabilisticSegmenter model = TestModels.create("mcdropout", c);
        List<Sample> data = CheckpointAndResumeTest.blobs(8, 4);
        try (NDManager root = NDManager.newBaseManager()) {
            model.block().initialize(root, DataType.FLOAT32, new Shape(1, 1, 32, 32));
            ParameterStore ps = new ParameterStore(root, false);
            Adam adam = new Adam(1e-3f);
            long early = 0;
            for (int step = 1; step <= 300; step++) {
                try (NDManager sub = root.newSubManager()) {
                    TrainingLoop.gradientStep(model, new Batch(sub, data, new int[8]), ps, adam, root);
                }
                if (step % 25 == 0) {
                    try (NDManager sub = root.newSubManager()) {
                        model.sampleProbabilities(ps, new Batch(sub, data, new int[8]).images(), 16);
                    }
                }
                if (step == 60) {
                    early = rssKiB();
                }
            }
            long late = rssKiB();
            assertThat(late).as("RSS after 300 steps (KiB) vs after 60 steps: %d", early)
                    .isLessThanOrEqualTo((long) (early * 1.05));
        }
    }

    private static long rssKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
