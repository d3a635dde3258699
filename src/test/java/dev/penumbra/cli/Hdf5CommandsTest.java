package dev.penumbra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penumbra.data.Hdf5Fixtures;
import dev.penumbra.io.Json;
import dev.penumbra.train.TrainRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that take --data, on a small file in the structure of PHiSeg's data_lidc.hdf5. */
class Hdf5CommandsTest {

    @TempDir
    static Path tmp;
    /** 32 x 32, 4 annotators: train 6 images of 3 patients, val 2 of 1, test 3 of 2. */
    static Path data;

    @BeforeAll
    static void writeData() {
        data = Hdf5Fixtures.write(tmp.resolve("data_lidc.hdf5"), Hdf5Fixtures.lidc(32, 4, true,
                new long[] {11, 11, -22, -22, 33, 33}, new long[] {44, 44}, new long[] {55, 66, 66}));
    }

    @Test
    void dataCheckListsSplitsPatientsAndAgreement() throws Exception {
        Cli text = Cli.run("data", "check", data.toString());
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).startsWith("layout  lidc-hdf5\nroot    " + data + "\n")
                .contains("all agree", "split votes", "groups");
        String[] lines = text.out().split("\n");
        assertThat(lines[4]).startsWith("train").contains("32x32 (6)", "4 (6)", "66.7%", "33.3%").endsWith(" 3");
        assertThat(lines[5]).startsWith("val").endsWith(" 1");
        assertThat(lines[6]).startsWith("test").endsWith(" 2");

        Cli json = Cli.run("data", "check", data.toString(), "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode tree = Json.MAPPER.readTree(json.out());
        assertThat(tree.get("layout").asText()).isEqualTo("lidc-hdf5");
        int[] images = {6, 2, 3};
        int[] patients = {3, 1, 2};
        for (int i = 0; i < 3; i++) {
            JsonNode split = tree.get("splits").get(i);
            assertThat(split.get("images").asInt()).isEqualTo(images[i]);
            assertThat(split.get("groups").asInt()).isEqualTo(patients[i]);
            assertThat(split.get("annotators").get("4").asInt()).isEqualTo(images[i]);
        }
    }

    @Test
    void badFilesAreCleanErrorsNamingWhatWasExpected() throws Exception {
        Path text = Files.writeString(tmp.resolve("notes.hdf5"), "not hdf5");
        Cli notHdf5 = Cli.run("data", "check", text.toString());
        assertThat(notHdf5.isCleanInputError()).as(notHdf5.err()).isTrue();
        assertThat(notHdf5.err()).contains(text.toString(), "no HDF5 signature", "data_lidc.hdf5");

        Map<String, Map<String, Object>> groups = Hdf5Fixtures.lidc();
        groups.get("train").remove("labels");
        Path noLabels = Hdf5Fixtures.write(tmp.resolve("no-labels.hdf5"), groups);
        Cli missing = Cli.run("data", "check", noLabels.toString());
        assertThat(missing.isCleanInputError()).as(missing.err()).isTrue();
        assertThat(missing.err()).contains("has no dataset 'labels'", "found images (dataset 6 x 8 x 8 float64),"
                + " uids (dataset 6 int64)");

        Cli train = Cli.run("train", "--model", "softmax", "--data", tmp.resolve("nowhere.hdf5").toString(), "--out",
                tmp.resolve("nowhere-run").toString(), "--preset", "demo", "--quiet");
        assertThat(train.isCleanInputError()).as(train.err()).isTrue();
        assertThat(train.err()).contains("no such folder or file", "an HDF5 file such as data_lidc.hdf5");
    }

    @Test
    void trainPredictEvaluateAndResumeOnTheFile() throws Exception {
        Path run = tmp.resolve("run");
        Cli trained = Cli.run("train", "--model", "softmax", "--data", data.toString(), "--out", run.toString(),
                "--preset", "demo", "--size", "32", "--filters", "4,8,16,32", "--batch-size", "4", "--max-epochs", "1",
                "--quiet", "--threads", "2");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        JsonNode fingerprint = Json.MAPPER.readTree(run.resolve(TrainRun.DATA_FINGERPRINT).toFile());
        assertThat(fingerprint.get("files").asInt()).isEqualTo(1);
        assertThat(fingerprint.get("bytes").asLong()).isEqualTo(Files.size(data));
        JsonNode provenance = Json.MAPPER.readTree(run.resolve("provenance.json").toFile());
        assertThat(provenance.toString()).contains(fingerprint.get("sha256").asText());

        Path pred = tmp.resolve("pred");
        Cli predicted = Cli.run("predict", "--run", run.toString(), "--split", "test", "--samples", "2", "--out",
                pred.toString(), "--quiet");
        assertThat(predicted.exitCode()).as(predicted.err()).isZero();
        List<String> csv = Files.readAllLines(pred.resolve("predictions.csv"));
        assertThat(csv).hasSize(4);
        assertThat(csv.subList(1, 4)).extracting(l -> l.split(",")[0]).containsExactly("55_0000", "66_0001", "66_0002");
        assertThat(pred.resolve("66_0002/entropy.png")).isRegularFile();

        Path eval = tmp.resolve("eval");
        Cli evaluated = Cli.run("evaluate", "--runs", run.toString(), "--out", eval.toString(), "--pixels", "50",
                "--bootstrap", "100", "--quiet");
        assertThat(evaluated.exitCode()).as(evaluated.err()).isZero();
        assertThat(eval.resolve("report.html")).isRegularFile();

        assertThat(Cli.run("train", "--resume", "--out", run.toString(), "--quiet").exitCode()).isZero();
        Files.setLastModifiedTime(data, FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
        Cli refused = Cli.run("train", "--resume", "--out", run.toString(), "--quiet");
        assertThat(refused.isCleanInputError()).as(refused.err()).isTrue();
        assertThat(refused.err()).contains("the data in " + data + " changed since the run", "replaced or touched");
    }
}
