package dev.penumbra.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penumbra.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatsCommandTest {

    @TempDir
    Path tmp;

    private static String bland1995() throws Exception {
        return Path.of(StatsCommandTest.class.getResource("/dev/penumbra/stats/rm_corr_bland1995.csv").toURI())
                .toString();
    }

    /**
     * A long results table: image, model, dice. unet and punet hold scipy's a and b of TTestTest (images 1-6, in
     * shuffled order for punet), mcdropout its 9 values of c.
     */
    private Path results() throws Exception {
        StringBuilder csv = new StringBuilder("image,model,dice\n");
        double[] a = {0.61, 0.52, 0.70, 0.44, 0.58, 0.49};
        double[] b = {0.66, 0.71, 0.59, 0.75, 0.68, 0.73};
        double[] c = {0.66, 0.71, 0.59, 0.75, 0.68, 0.73, 0.80, 0.62, 0.77};
        for (int i = 0; i < 6; i++) {
            csv.append("img").append(i + 1).append(",unet,").append(a[i]).append('\n');
        }
        for (int i = 5; i >= 0; i--) {
            csv.append("img").append(i + 1).append(",punet,").append(b[i]).append('\n');
        }
        for (int i = 0; i < 9; i++) {
            csv.append("img").append(i + 1).append(",mcdropout,").append(c[i]).append('\n');
        }
        Path file = tmp.resolve("results.csv");
        Files.writeString(file, csv);
        return file;
    }

    private Cli ttest(String... more) throws Exception {
        String[] base = {"stats", "ttest", "--csv", results().toString(), "--value", "dice", "--group", "model"};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return Cli.run(args);
    }

    @Test
    void rmcorrPrintsPingouinsNumbers() throws Exception {
        Cli r = Cli.run("stats", "rmcorr", "--csv", bland1995(), "--x", "pH", "--y", "PacO2", "--subject", "Subject");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo("rm_corr: r = -0.5068, dof = 38, p = 0.000847, 95% CI [-0.7067,"
                + " -0.2319], 47 observations, 8 subjects");
    }

    @Test
    void rmcorrJsonParses() throws Exception {
        Cli r = Cli.run("stats", "rmcorr", "--csv", bland1995(), "--x", "pH", "--y", "PacO2", "--subject", "Subject",
                "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode tree = Json.MAPPER.readTree(r.out());
        assertThat(tree.get("r").asDouble()).isCloseTo(-0.5067697422330628, within(1e-12));
        assertThat(tree.get("dof").asInt()).isEqualTo(38);
        assertThat(tree.get("p").asDouble()).isCloseTo(0.0008471081091289226, within(1e-14));
        assertThat(tree.get("subjects").asInt()).isEqualTo(8);
    }

    /** scipy: ttest_ind(a, b, alternative='less') gives t = -2.910123639832015, p = 0.00778071551913808. */
    @Test
    void ttestMatchesScipy() throws Exception {
        Cli text = ttest("--a", "unet", "--b", "punet", "--alternative", "less");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).startsWith("Student t-test (less): t = -2.9101, dof = 10, p = 0.00778, n = 6 vs 6");

        JsonNode welch = Json.MAPPER.readTree(ttest("--a", "unet", "--b", "mcdropout", "--alternative", "two-sided",
                "--json").out());
        assertThat(welch.get("test").asText()).isEqualTo("Welch");
        assertThat(welch.get("alternative").asText()).isEqualTo("two-sided");
        assertThat(welch.get("t").asDouble()).isCloseTo(-3.2424094874959004, within(1e-12));
        assertThat(welch.get("dof").asDouble()).isCloseTo(8.679899460299785, within(1e-12));
        assertThat(welch.get("p").asDouble()).isCloseTo(0.010613439474417114, within(1e-13));
    }

    /** scipy: ttest_rel(a, b, alternative='less') gives t = -2.118189241714917, p = 0.043853306737246876. */
    @Test
    void pairedTtestMatchesRowsByImage() throws Exception {
        Cli r = ttest("--a", "unet", "--b", "punet", "--alternative", "less", "--paired", "--pair", "image", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode tree = Json.MAPPER.readTree(r.out());
        assertThat(tree.get("test").asText()).isEqualTo("paired");
        assertThat(tree.get("t").asDouble()).isCloseTo(-2.118189241714917, within(1e-12));
        assertThat(tree.get("dof").asDouble()).isEqualTo(5);
        assertThat(tree.get("p").asDouble()).isCloseTo(0.043853306737246876, within(1e-13));
    }

    @Test
    void pairedWithUnmatchedImagesNamesThem() throws Exception {
        Cli r = ttest("--a", "unet", "--b", "mcdropout", "--paired", "--pair", "image");
        assertThat(r.isCleanInputError()).as(r.err()).isTrue();
        assertThat(r.err()).contains("--pair image").contains("missing from group 'unet': img7, img8, img9");
    }

    @Test
    void missingFileIsACleanError() {
        String file = tmp.resolve("nope.csv").toString();
        Cli r = Cli.run("stats", "rmcorr", "--csv", file, "--x", "pH", "--y", "PacO2", "--subject", "Subject");
        assertThat(r.isCleanInputError()).as(r.err()).isTrue();
        assertThat(r.err()).contains("--csv " + file + ": no such file");
    }

    @Test
    void missingColumnIsACleanError() throws Exception {
        Cli r = Cli.run("stats", "rmcorr", "--csv", bland1995(), "--x", "ph", "--y", "PacO2", "--subject", "Subject");
        assertThat(r.isCleanInputError()).as(r.err()).isTrue();
        assertThat(r.err()).contains("--x: column 'ph' not in").contains("columns are: Subject, pH, PacO2");
    }

    @Test
    void nonNumericValueIsACleanError() throws Exception {
        Path file = tmp.resolve("bad.csv");
        Files.writeString(file, "s,x,y\n1,1,2\n1,2,abc\n");
        Cli r = Cli.run("stats", "rmcorr", "--csv", file.toString(), "--x", "x", "--y", "y", "--subject", "s");
        assertThat(r.isCleanInputError()).as(r.err()).isTrue();
        assertThat(r.err()).contains(file + " line 3, column 'y': 'abc' is not a number");
    }

    @Test
    void unknownGroupIsACleanError() throws Exception {
        Cli r = ttest("--a", "unet", "--b", "softmax");
        assertThat(r.isCleanInputError()).as(r.err()).isTrue();
        assertThat(r.err()).contains("--b softmax: no rows with group == softmax in column 'model'; values are:"
                + " unet, punet, mcdropout");
    }

    @Test
    void badAlternativeIsACleanError() throws Exception {
        Cli r = ttest("--a", "unet", "--b", "punet", "--alternative", "smaller");
        assertThat(r.isCleanInputError()).as(r.err()).isTrue();
        assertThat(r.err()).contains("--alternative").contains("'smaller'");
    }

    @Test
    void pairedAndPairGoTogether() throws Exception {
        Cli noPair = ttest("--a", "unet", "--b", "punet", "--paired");
        assertThat(noPair.isCleanInputError()).as(noPair.err()).isTrue();
        assertThat(noPair.err()).contains("--paired needs --pair");
        Cli noPaired = ttest("--a", "unet", "--b", "punet", "--pair", "image");
        assertThat(noPaired.isCleanInputError()).as(noPaired.err()).isTrue();
        assertThat(noPaired.err()).contains("only used with --paired");
    }

    @ParameterizedTest
    @ValueSource(strings = {"stats", "stats rmcorr", "stats ttest"})
    void helpExplainsEveryOption(String command) {
        Cli r = Cli.run((command + " --help").split(" "));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: penumbra " + command);
        assertThat(Cli.run("--help").out()).contains("stats", "Statistics on a CSV results table");
    }
}
