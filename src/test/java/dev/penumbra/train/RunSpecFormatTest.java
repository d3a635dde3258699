package dev.penumbra.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penumbra.InputException;
import dev.penumbra.config.Preset;
import dev.penumbra.data.DataOptions;
import dev.penumbra.io.Json;
import dev.penumbra.model.Ensemble;
import dev.penumbra.model.McDropoutUNet;
import dev.penumbra.model.ProbabilisticUNet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code run.json} stores a model's own settings, and how runs written before that still read. */
class RunSpecFormatTest {

    @TempDir
    Path tmp;

    private static final DataOptions DEMO_DATA = new DataOptions(java.util.Optional.empty(), 64, java.util.OptionalDouble.empty(), 42, 0.15, 0.15,
            java.util.Optional.empty(), 2);

    private Path stored(String resource) throws IOException {
        Path run = Files.createDirectories(tmp.resolve(resource));
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            Files.copy(in, run.resolve(RunSpec.FILE));
        }
        return run;
    }

    @Test
    void aModelsSettingsAreStoredTaggedWithItsNameAndReadBack() throws IOException {
        RunSpec spec = RunSpecs.of("ensemble", Preset.DEMO).optModelSettings(Map.of("members", 3))
                .build("synthetic-ambiguous", DEMO_DATA, 1, 64, 64, 1);
        Path run = Files.createDirectories(tmp.resolve("run"));
        Json.write(run.resolve(RunSpec.FILE), spec);
        JsonNode own = Json.MAPPER.readTree(run.resolve(RunSpec.FILE).toFile()).get("settings").get("model");
        assertThat(own.get("name").asText()).isEqualTo("ensemble");
        assertThat(own.get("members").asInt()).isEqualTo(3);
        RunSpec read = TrainRun.readSpec(run);
        assertThat(read.settings().model()).isEqualTo(new Ensemble.Settings(3));
        assertThat(Json.toString(read)).isEqualTo(Json.toString(spec));
    }

    @Test
    void aRunWrittenBeforeModelsHadTheirOwnSettingsReadsAsTheSameRun() throws IOException {
        // run.json files of the demo's MC-Dropout and Prob. U-Net as written by commit 1d09e8f
        RunSpec mc = TrainRun.readSpec(stored("legacy-run-mcdropout.json"));
        assertThat(mc.settings().model()).isEqualTo(new McDropoutUNet.Settings(0.1, false));
        assertThat(mc.settings().backbone().dropout()).isZero();
        RunSpec punet = TrainRun.readSpec(stored("legacy-run-punet.json"));
        assertThat(punet.settings().model()).isEqualTo(new ProbabilisticUNet.Settings(6, 0.05));
        // the same run built today serialises identically, so study and tune --resume accept the old folders
        for (RunSpec old : new RunSpec[] {mc, punet}) {
            RunSpec today = RunSpecs.of(old.model(), Preset.DEMO).build("synthetic-ambiguous", DEMO_DATA, 1, 64, 64, 1);
            assertThat(Json.toString(old)).as(old.model()).isEqualTo(Json.toString(today));
        }
    }

    @Test
    void aRunOfAnUnknownModelIsACleanErrorNamingTheFile() throws IOException {
        Path run = Files.createDirectories(tmp.resolve("odd"));
        String text = Files.readString(stored("legacy-run-punet.json").resolve(RunSpec.FILE))
                .replace("\"ensembleMembers\" : 4,", "\"model\" : {\"name\" : \"unicorn\"},");
        Files.writeString(run.resolve(RunSpec.FILE), text);
        assertThatThrownBy(() -> TrainRun.readSpec(run)).isInstanceOf(InputException.class)
                .hasMessageContaining("run.json in " + run).hasMessageContaining("unicorn");
    }
}
