package dev.penumbra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penumbra.io.Json;
import dev.penumbra.nn.ProcessorBf16;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --precision} on the command line, on two made-up processors ({@link ProcessorBf16#CPUINFO_FILE}): one with
 * native bf16, where bf16 trains, predicts and evaluates (emulated by libtorch on a machine without it, with the
 * same rounding), and one without, where bf16 is refused and auto means fp32.
 */
class PrecisionCommandTest {

    @TempDir
    static Path tmp;
    static Path data;
    static Path withBf16;
    static Path withoutBf16;

    @BeforeAll
    static void makeData() throws Exception {
        data = tmp.resolve("data");
        Cli made = Cli.run("data", "make-synthetic", "--kind", "ambiguous", "--out", data.toString(), "--size", "32",
                "--count", "10");
        assertThat(made.exitCode()).as(made.err()).isZero();
        withBf16 = Files.writeString(tmp.resolve("cpuinfo-spr"),
                "model name\t: Intel(R) Xeon(R) Platinum 8488C\nflags\t\t: fpu avx2 avx512f avx512_bf16 amx_bf16\n");
        withoutBf16 = Files.writeString(tmp.resolve("cpuinfo-avx2"),
                "model name\t: AMD EPYC\nflags\t\t: fpu avx avx2 fma\n");
    }

    @AfterEach
    void realProcessor() {
        System.clearProperty(ProcessorBf16.CPUINFO_FILE);
    }

    private static void processor(Path cpuinfo) {
        System.setProperty(ProcessorBf16.CPUINFO_FILE, cpuinfo.toString());
    }

    private static Cli train(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("train", "--model", "mcdropout", "--data", data.toString(),
                "--out", out.toString(), "--preset", "demo", "--size", "32", "--filters", "4,8,16,32",
                "--batch-size", "4", "--max-epochs", "2", "--quiet", "--threads", "2"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void bf16TrainsPredictsAndEvaluatesWhereTheProcessorHasIt() throws Exception {
        processor(withBf16);
        Path run = tmp.resolve("bf16-run");
        Cli trained = train(run, "--precision", "bf16");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        JsonNode spec = Json.MAPPER.readTree(run.resolve("run.json").toFile());
        assertThat(spec.get("training").get("precision").asText()).isEqualTo("bf16");
        assertThat(run.resolve("metrics.csv")).content().hasLineCount(3);

        Path pred = tmp.resolve("bf16-pred");
        Cli predicted = Cli.run("predict", "--run", run.toString(), "--samples", "4", "--precision", "auto",
                "--out", pred.toString(), "--quiet");
        assertThat(predicted.exitCode()).as(predicted.err()).isZero();
        JsonNode provenance = Json.MAPPER.readTree(pred.resolve("provenance.json").toFile());
        assertThat(provenance.toString()).contains("\"precision\":\"bf16\"");

        Path eval = tmp.resolve("bf16-eval");
        Cli evaluated = Cli.run("evaluate", "--runs", run.toString(), "--samples", "4", "--ged-samples", "1,4",
                "--bootstrap", "100", "--precision", "bf16", "--out", eval.toString(), "--quiet");
        assertThat(evaluated.exitCode()).as(evaluated.err()).isZero();
        assertThat(eval.resolve("provenance.json")).content().contains("precision=bf16");

        // a resumed run keeps its precision
        Cli resumed = train(run, "--resume", "--precision", "fp32");
        assertThat(resumed.exitCode()).isEqualTo(2);
        assertThat(resumed.err()).contains("--precision fp32 contradicts the run").contains("--precision bf16");

        // on a processor without bf16 the run cannot go on, and says why
        processor(withoutBf16);
        Cli elsewhere = Cli.run("train", "--out", run.toString(), "--resume", "--quiet");
        assertThat(elsewhere.exitCode()).isEqualTo(2);
        assertThat(elsewhere.err()).contains(run.resolve("run.json").toString()).contains("no native bf16");
    }

    @Test
    void bf16IsRefusedWithoutNativeSupportAndAutoMeansFp32() throws Exception {
        processor(withoutBf16);
        Cli refused = train(tmp.resolve("refused"), "--precision", "bf16");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("--precision bf16: this processor (AMD EPYC) has no native bf16")
                .contains("--precision fp32 (the default)").doesNotContain("Exception");
        assertThat(tmp.resolve("refused")).doesNotExist();
        Cli bench = Cli.run("bench", "--precision", "bf16", "--items", "conv", "--quiet");
        assertThat(bench.exitCode()).isEqualTo(2);
        assertThat(bench.err()).contains("no native bf16");

        Path run = tmp.resolve("auto-run");
        Cli auto = train(run, "--precision", "auto");
        assertThat(auto.exitCode()).as(auto.err()).isZero();
        assertThat(Json.MAPPER.readTree(run.resolve("run.json").toFile()).get("training").get("precision").asText())
                .isEqualTo("fp32");
        Cli predict = Cli.run("predict", "--run", run.toString(), "--precision", "bf16", "--out",
                tmp.resolve("refused-pred").toString(), "--quiet");
        assertThat(predict.exitCode()).isEqualTo(2);
        assertThat(tmp.resolve("refused-pred")).doesNotExist();
        Cli typo = Cli.run("predict", "--run", run.toString(), "--precision", "half", "--out",
                tmp.resolve("typo").toString(), "--quiet");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("--precision must be fp32, bf16 or auto, got 'half'");
    }
}
