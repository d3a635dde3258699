package dev.penumbra.export;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
import dev.penumbra.cli.Main;
import dev.penumbra.io.Json;
import dev.penumbra.io.Npy;
import dev.penumbra.model.DeterministicOutputs;
import dev.penumbra.train.TrainedModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Every registered model, trained for two steps on tiny data (so weights and batch-norm statistics have left their
 * initial values), exported, loaded by python/penumbra_torch.py in Debian's PyTorch and run on the same input: each
 * deterministic forward equals Penumbra's to {@value #TOLERANCE} (max abs difference). The comparison runs in
 * src/test/resources/dev/penumbra/export/compare_torch.py.
 */
class TorchExportTest {

    static final double TOLERANCE = 1e-4;
    static final int BATCH = 2;
    static final int SIZE = 32;

    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void makeData() {
        PythonTorch.require();
        data = tmp.resolve("data");
        String[] made = run("data", "make-synthetic", "--kind", "ambiguous", "--out", data.toString(), "--size",
                String.valueOf(SIZE), "--count", "8");
        assertThat(made[0]).as(made[1]).isEqualTo("0");
    }

    /** Each model, with settings that reach every part of its PyTorch twin. */
    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of("softmax", "softmax", List.of()),
                Arguments.of("softmax-residual", "softmax", List.of("--residual")),
                Arguments.of("softmax-no-batch-norm", "softmax", List.of("--no-batch-norm")),
                Arguments.of("ensemble", "ensemble", List.of("--members", "2")),
                Arguments.of("mcdropout", "mcdropout", List.of("--dropout", "0.5", "--input-dropout")),
                Arguments.of("punet", "punet", List.of()),
                Arguments.of("ssn", "ssn", List.of("--rank", "3", "--mc-samples", "2")),
                Arguments.of("tta", "tta", List.of("--rotations")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void pytorchReproducesEveryDeterministicForward(String name, String model, List<String> settings)
            throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Path run = dir.resolve("run");
        List<String> train = new ArrayList<>(List.of("train", "--model", model, "--data", data.toString(), "--out",
                run.toString(), "--preset", "demo", "--size", String.valueOf(SIZE), "--filters", "4,8,16,32",
                "--batch-size", "4", "--max-steps", "2", "--quiet", "--threads", "2"));
        train.addAll(settings);
        String[] trained = run(train.toArray(String[]::new));
        assertThat(trained[0]).as(trained[1]).isEqualTo("0");
        String[] exported = run("export", "--run", run.toString(), "--out", dir.resolve("model.safetensors")
                .toString(), "--threads", "2");
        assertThat(exported[0]).as(exported[1]).isEqualTo("0");

        List<String> expected;
        try (TrainedModel t = TrainedModel.load(run, Device.cpu())) {
            assertBatchNormLeftItsStart(t, !settings.contains("--no-batch-norm"));
            NDArray images = t.manager().create(uniform(BATCH * SIZE * SIZE, 11), new Shape(BATCH, 1, SIZE, SIZE));
            DeterministicOutputs ref = DeterministicOutputs.of(t.model(), t.parameters(), images, 5);
            write(dir.resolve("images.npy"), images);
            ref.inputs().forEach((k, v) -> write(dir.resolve(k + ".npy"), v));
            ref.expected().forEach((k, v) -> write(dir.resolve("expected_" + k + ".npy"), v));
            expected = List.copyOf(ref.expected().keySet());
            Json.write(dir.resolve("case.json"), Map.of("inputs", List.copyOf(ref.inputs().keySet()),
                    "expected", expected));
        }

        PythonTorch.Result py = PythonTorch.run(List.of(script().toString(), dir.toString()));
        assertThat(py.exitCode()).as(py.output()).isZero();
        JsonNode result = Json.MAPPER.readTree(dir.resolve("result.json").toFile());
        assertThat(result.get("training").asBoolean()).as("load() returns the module in eval mode").isFalse();
        for (String output : expected) {
            JsonNode o = result.get("outputs").get(output);
            assertThat(o.get("torch_shape")).as("%s %s shape", name, output).isEqualTo(o.get("java_shape"));
            assertThat(o.get("max_abs_diff").asDouble()).as("%s %s: max |PyTorch - Penumbra|", name, output)
                    .isLessThanOrEqualTo(TOLERANCE);
        }
        assertThat(result.get("sample_shape").toString()).isEqualTo("[3," + BATCH + ",2," + SIZE + "," + SIZE + "]");
        assertThat(result.get("sample_sum_error").asDouble()).as("samples are probabilities").isLessThan(1e-5);
        assertThat(result.get("sample_min").asDouble()).isGreaterThanOrEqualTo(0);
    }

    /** Batch norm's running means start at 0; after two training steps they must not be (else BN is untested). */
    private static void assertBatchNormLeftItsStart(TrainedModel t, boolean batchNorm) {
        long moved = 0;
        long total = 0;
        for (Pair<String, Parameter> p : t.model().block().getParameters()) {
            if (p.getKey().endsWith("runningMean")) {
                total++;
                moved += anyNonZero(p.getValue().getArray().toFloatArray()) ? 1 : 0;
            }
        }
        if (batchNorm) {
            assertThat(total).as("batch norms").isPositive();
            assertThat(moved).as("batch norms whose running mean moved").isEqualTo(total);
        } else {
            assertThat(total).as("batch norms of a run without them").isZero();
        }
    }

    private static boolean anyNonZero(float[] values) {
        for (float v : values) {
            if (v != 0) {
                return true;
            }
        }
        return false;
    }

    private static float[] uniform(int n, long seed) {
        Random rng = new Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextFloat();
        }
        return v;
    }

    private static void write(Path file, NDArray a) {
        long[] s = a.getShape().getShape();
        Npy.writeFloats(file, a.toType(DataType.FLOAT32, false).toFloatArray(),
                Arrays.stream(s).mapToInt(Math::toIntExact).toArray());
    }

    private static Path script() throws URISyntaxException {
        return Path.of(TorchExportTest.class.getResource("compare_torch.py").toURI());
    }

    /** Runs the command line in-process: {exit code, what it printed}. */
    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        return new String[] {String.valueOf(cl.execute(args)), out.toString()};
    }
}
