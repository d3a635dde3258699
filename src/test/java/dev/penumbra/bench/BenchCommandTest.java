package dev.penumbra.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penumbra.cli.BenchCommand;
import dev.penumbra.cli.Main;
import dev.penumbra.io.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code penumbra bench} through the real command line (in-process, as dev.penumbra.cli.Cli does). */
class BenchCommandTest {

    private static final String[] TINY = {"--filters", "4,8,16,32", "--size", "32", "--batch", "2", "--mc-batch",
        "2", "--repeats", "1", "--warmup", "0", "--quiet"};

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static String[] bench(String... more) {
        String[] args = new String[1 + TINY.length + more.length];
        args[0] = "bench";
        System.arraycopy(TINY, 0, args, 1, TINY.length);
        System.arraycopy(more, 0, args, 1 + TINY.length, more.length);
        return args;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--items|foo|--items",
        "--items|train,,nope|--items",
        "--repeats|0|--repeats",
        "--warmup|-1|--warmup",
        "--batch|0|--batch",
        "--size|36|--size",
        "--mc-model|nosuchmodel|--mc-model",
        "--conv-shape|1,2,3|--conv-shape",
        "--conv-shape|1,2,3,4,0|--conv-shape"})
    void aBadOptionIsACleanInputErrorNamingIt(String option, String value, String named) {
        // Options are checked before anything runs, so the paper-sized defaults cost nothing here.
        Run r = run("bench", "--quiet", option, value);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("penumbra: error: ").contains(named).doesNotContain("\tat ")
                .doesNotContain("Exception");
    }

    @Test
    void jsonOutputCarriesTheKeysOfTheTorchScript() throws Exception {
        Run r = run(bench("--items", "inference,train", "--json"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = Json.MAPPER.readTree(r.out());
        for (String field : new String[] {"tool", "engine", "threads", "allocator", "cpu", "date", "filters", "size",
            "batch", "mc_batch", "parameters", "forward_gflop_per_image", "conv", "items"}) {
            assertThat(json.has(field)).as(field).isTrue();
        }
        assertThat(json.get("items").fieldNames()).toIterable().containsExactly("inference", "train_step");
        assertThat(json.get("items").get("train_step").get("median_ms").asDouble()).isPositive();
    }

    @Test
    void theTableShowsEachItemAndTheCommandReturnsItsReport() {
        Run r = run(bench("--items", "inference"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("median ms", "GFLOP/s", "of ceiling", "inference");

        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs(TINY[0], TINY[1], TINY[2], TINY[3], TINY[4], TINY[5], "--repeats", "2",
                "--warmup", "0", "--items", "inference", "--quiet");
        BenchReport report = command.run();
        assertThat(report.repeats()).isEqualTo(2);
        assertThat(report.items().get("inference").timesMs()).hasSize(2);
    }
}
