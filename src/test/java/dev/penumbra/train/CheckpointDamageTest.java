package dev.penumbra.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.penumbra.InputException;
import dev.penumbra.model.ModelRegistry;
import dev.penumbra.model.TestModels;
import dev.penumbra.model.ProbabilisticSegmenter;
import dev.penumbra.nn.UNetConfig;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A checkpoint cut short or damaged on disk says so; an intact one of another model says why it does not fit. */
class CheckpointDamageTest {

    private static ProbabilisticSegmenter model(String name, List<Integer> filters, NDManager m) {
        UNetConfig c = new UNetConfig(1, 2, filters, 3, true, 0, false);
        ProbabilisticSegmenter model = TestModels.create(name, c, name.equals("ensemble") ? Map.of("members", 2) : Map.of());
        model.block().initialize(m, DataType.FLOAT32, new Shape(1, 1, 32, 32));
        return model;
    }

    private static Path saved(Path dir, NDManager m) {
        Path file = dir.resolve("last.params");
        Checkpoint.save(file, model("softmax", List.of(4, 8, 16, 32), m).block(), new Adam(1e-3f));
        return file;
    }

    /** Keeps the first {@code fraction} of the file's bytes (0 = empty). */
    @ParameterizedTest
    @ValueSource(doubles = {0, 0.00005, 0.001, 0.5, 0.9999})
    void aTruncatedCheckpointIsDamagedNotOfAnotherModel(double fraction, @TempDir Path tmp) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Path file = saved(tmp, m);
            byte[] all = Files.readAllBytes(file);
            Files.write(file, Arrays.copyOf(all, (int) (all.length * fraction)));
            assertThatThrownBy(() -> Checkpoint.load(file, model("softmax", List.of(4, 8, 16, 32), m).block(),
                    new Adam(1e-3f), m))
                    .isInstanceOf(InputException.class)
                    .hasMessageContaining("checkpoint " + file + " is damaged or truncated")
                    .hasMessageNotContaining("does not fit").hasMessageNotContaining("null");
        }
    }

    @Test
    void garbageOrFlippedBytesAreDamage(@TempDir Path tmp) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Path file = saved(tmp, m);
            byte[] flipped = Files.readAllBytes(file);
            for (int i = 200; i < 260; i++) {
                flipped[i] ^= 0x5a;
            }
            Files.write(file, flipped);
            assertThatThrownBy(() -> Checkpoint.load(file, model("softmax", List.of(4, 8, 16, 32), m).block(),
                    null, m)).hasMessageContaining("is damaged or truncated").hasMessageContaining("SHA-256");
            Files.writeString(file, "{{{ not a checkpoint");
            assertThatThrownBy(() -> Checkpoint.load(file, model("softmax", List.of(4, 8, 16, 32), m).block(),
                    null, m)).hasMessageContaining("is damaged or truncated");
        }
    }

    @Test
    void anIntactCheckpointOfOtherSettingsDoesNotFitAndSaysWhy(@TempDir Path tmp) {
        try (NDManager m = NDManager.newBaseManager()) {
            Path file = saved(tmp, m);
            assertThatThrownBy(() -> Checkpoint.load(file, model("softmax", List.of(8, 16, 32, 64), m).block(),
                    null, m))
                    .isInstanceOf(InputException.class)
                    .hasMessageContaining("does not fit this model (parameter ")
                    .hasMessageContaining("is (4, 1, 3, 3) in the checkpoint but (8, 1, 3, 3) in this model");
            assertThatThrownBy(() -> Checkpoint.load(file, model("punet", List.of(4, 8, 16, 32), m).block(),
                    null, m))
                    .hasMessageContaining("does not fit this model (").hasMessageNotContaining("(null)")
                    .hasMessageNotContaining("damaged");
        }
    }

    @Test
    void aCheckpointWrittenBeforeTheEnvelopeStillLoads(@TempDir Path tmp) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Path file = tmp.resolve("old.params");
            ProbabilisticSegmenter original = model("softmax", List.of(4, 8, 16, 32), m);
            try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
                original.block().saveParameters(out);
                out.writeBoolean(false);
            }
            ProbabilisticSegmenter restored = model("softmax", List.of(4, 8, 16, 32), m);
            Checkpoint.load(file, restored.block(), null, m);
            String key = original.block().getParameters().get(0).getKey();
            assertThat(restored.block().getParameters().get(key).getArray().toFloatArray())
                    .containsExactly(original.block().getParameters().get(key).getArray().toFloatArray());

            byte[] all = Files.readAllBytes(file);
            Files.write(file, Arrays.copyOf(all, all.length / 2));
            assertThatThrownBy(() -> Checkpoint.load(file, model("softmax", List.of(4, 8, 16, 32), m).block(),
                    null, m)).hasMessageContaining("is damaged or truncated");
        }
    }
}
