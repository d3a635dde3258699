package dev.penumbra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penumbra.io.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** {@code penumbra export}: what it writes, and the mistakes it refuses with a clean message (exit 2). */
class ExportCommandTest {

    @TempDir
    static Path tmp;
    static Path run;

    @BeforeAll
    static void trainTinyRun() {
        Path data = tmp.resolve("data");
        Cli made = Cli.run("data", "make-synthetic", "--kind", "ambiguous", "--out", data.toString(), "--size", "32",
                "--count", "8");
        assertThat(made.exitCode()).as(made.err()).isZero();
        run = tmp.resolve("run");
        Cli trained = Cli.run("train", "--model", "softmax", "--data", data.toString(), "--out", run.toString(),
                "--preset", "demo", "--size", "32", "--filters", "4,8,16,32", "--batch-size", "4", "--max-steps",
                "2", "--quiet", "--threads", "2");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
    }

    private static Cli export(String... extra) {
        String[] args = new String[extra.length + 3];
        args[0] = "export";
        args[1] = "--run";
        args[2] = run.toString();
        System.arraycopy(extra, 0, args, 3, extra.length);
        return Cli.run(args);
    }

    @Test
    void writesASafetensorsFileWithTheModelsSettingsInItsMetadata() throws Exception {
        Path out = tmp.resolve("models/softmax.safetensors");
        Cli c = export("--out", out.toString(), "--threads", "2");
        assertThat(c.exitCode()).as(c.err()).isZero();
        assertThat(c.out()).contains("wrote " + out).contains("softmax");
        byte[] file = Files.readAllBytes(out);
        long n = ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        JsonNode header = Json.MAPPER.readTree(new String(file, 8, (int) n, StandardCharsets.UTF_8));
        JsonNode settings = Json.MAPPER.readTree(header.get("__metadata__").get("penumbra").asText());
        assertThat(settings.get("model").asText()).isEqualTo("softmax");
        assertThat(settings.get("backbone").get("filters").toString()).isEqualTo("[4,8,16,32]");
        assertThat(settings.get("input").get("height").asInt()).isEqualTo(32);
        assertThat(header.get("__metadata__").get("provenance").asText()).contains("\"command\":\"export\"");
        // the first encoder's first convolution: 4 filters of 1 x 3 x 3 floats
        JsonNode conv = header.get("encoders.0.convs.0.weight");
        assertThat(conv.get("dtype").asText()).isEqualTo("F32");
        assertThat(conv.get("shape").toString()).isEqualTo("[4,1,3,3]");
        assertThat(header.get("encoders.0.norm.running_var")).isNotNull();
        assertThat(header.get("head.bias").get("shape").toString()).isEqualTo("[2]");
        assertThat(Files.list(out.getParent()).toList()).as("no temporary file left").containsExactly(out);
    }

    @Test
    void aMissingRunIsABadInput() {
        Cli c = Cli.run("export", "--run", tmp.resolve("no-such-run").toString(), "--out",
                tmp.resolve("x.safetensors").toString());
        assertThat(c.isCleanInputError()).as(c.err()).isTrue();
        assertThat(c.err()).contains("run folder " + tmp.resolve("no-such-run") + " does not exist");
        assertThat(tmp.resolve("x.safetensors")).doesNotExist();
    }

    @Test
    void anExistingOutIsRefusedAndKeptUnlessOverwriteIsGiven() throws Exception {
        Path out = tmp.resolve("taken.safetensors");
        Files.writeString(out, "the user's file");
        Cli refused = export("--out", out.toString());
        assertThat(refused.isCleanInputError()).as(refused.err()).isTrue();
        assertThat(refused.err()).contains("--out " + out + " already exists").contains("--overwrite");
        assertThat(out).hasContent("the user's file");

        Cli replaced = export("--out", out.toString(), "--overwrite", "--threads", "2");
        assertThat(replaced.exitCode()).as(replaced.err()).isZero();
        byte[] file = Files.readAllBytes(out);
        assertThat(new String(file, 8, 1, StandardCharsets.US_ASCII)).isEqualTo("{");
    }

    @Test
    void anOutInsideTheRunFolderIsRefused() {
        Path out = run.resolve("model.safetensors");
        Cli c = export("--out", out.toString());
        assertThat(c.isCleanInputError()).as(c.err()).isTrue();
        assertThat(c.err()).contains("--out " + out + " lies inside --run " + run);
        assertThat(out).doesNotExist();
    }

    @Test
    void anOutThatIsAFolderIsRefused() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("a-folder"));
        Cli c = export("--out", folder.toString());
        assertThat(c.isCleanInputError()).as(c.err()).isTrue();
        assertThat(c.err()).contains("--out " + folder + " is a folder");
    }

    @Test
    void aDamagedCheckpointIsABadInputAndWritesNothing() throws Exception {
        Path copy = tmp.resolve("damaged-run");
        Trees.copy(run, copy);
        Path best = copy.resolve("checkpoints/best.params");
        byte[] all = Files.readAllBytes(best);
        Files.write(best, Arrays.copyOf(all, all.length / 2));
        Path out = tmp.resolve("damaged.safetensors");
        Cli c = Cli.run("export", "--run", copy.toString(), "--out", out.toString());
        assertThat(c.isCleanInputError()).as(c.err()).isTrue();
        assertThat(c.err()).contains("checkpoint " + best + " is damaged or truncated");
        assertThat(out).doesNotExist();
    }

    @Test
    void anUnknownCheckpointNameIsABadInput() {
        Cli c = export("--out", tmp.resolve("y.safetensors").toString(), "--checkpoint", "first");
        assertThat(c.isCleanInputError()).as(c.err()).isTrue();
        assertThat(c.err()).contains("--checkpoint must be best or last, got 'first'");
    }
}
