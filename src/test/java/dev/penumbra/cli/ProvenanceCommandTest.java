package dev.penumbra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penumbra.config.Provenance;
import dev.penumbra.io.Json;
import dev.penumbra.train.TrainRun;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run's {@code provenance.json} says about its time and its data. */
class ProvenanceCommandTest {

    @TempDir
    static Path tmp;
    static Path data;
    static Path run;
    static Instant before;
    static Instant after;

    @BeforeAll
    static void trainOnce() {
        data = tmp.resolve("data");
        Cli made = Cli.run("data", "make-synthetic", "--kind", "ambiguous", "--out", data.toString(), "--size", "32",
                "--count", "10");
        assertThat(made.exitCode()).as(made.err()).isZero();
        run = tmp.resolve("run");
        before = Instant.now();
        Cli trained = Cli.run("train", "--model", "softmax", "--data", data.toString(), "--out", run.toString(),
                "--preset", "demo", "--size", "32", "--filters", "4,8,16,32", "--batch-size", "4", "--max-epochs", "2",
                "--quiet", "--threads", "2");
        after = Instant.now();
        assertThat(trained.exitCode()).as(trained.err()).isZero();
    }

    private static JsonNode provenance(Path folder) throws Exception {
        return Json.MAPPER.readTree(folder.resolve(Provenance.FILE).toFile());
    }

    @Test
    void aRunsProvenanceIsWrittenAtItsEndAndCoversTheWholeTraining() throws Exception {
        JsonNode p = provenance(run);
        Instant started = Instant.parse(p.get("startedAt").asText());
        Instant finished = Instant.parse(p.get("finishedAt").asText());
        double wall = p.get("wallSeconds").asDouble();
        double training = Json.MAPPER.readTree(run.resolve(TrainRun.OUTCOME).toFile()).get("seconds").asDouble();

        assertThat(started).isAfterOrEqualTo(before.minusMillis(1));
        assertThat(finished).isBeforeOrEqualTo(after.plusMillis(1));
        assertThat(wall).isEqualTo(Duration.between(started, finished).toMillis() / 1000.0);
        // at least the training loop's own clock, and at most the command's
        assertThat(training).isPositive();
        assertThat(wall).isGreaterThanOrEqualTo(training)
                .isLessThanOrEqualTo(Duration.between(before, after).toMillis() / 1000.0 + 0.001);
        // written after the last checkpoint, not at the start
        try (Stream<Path> files = Files.list(run.resolve("checkpoints"))) {
            FileTime newest = files.filter(f -> !f.getFileName().toString().equals(Provenance.FILE))
                    .map(ProvenanceCommandTest::mtime).max(FileTime::compareTo).orElseThrow();
            assertThat(finished.plusMillis(1)).isAfterOrEqualTo(newest.toInstant());
        }
    }

    @Test
    void theDataFingerprintIsTheSameForTheSameDataAndChangesWhenOneImageChanges() throws Exception {
        JsonNode datasets = provenance(run).get("data");
        assertThat(datasets.size()).isEqualTo(1);
        String key = datasets.fieldNames().next();
        assertThat(Path.of(key).toAbsolutePath().normalize()).isEqualTo(data.toAbsolutePath().normalize());
        JsonNode trainedOn = datasets.get(key);
        assertThat(trainedOn.get("files").asInt()).isPositive();
        assertThat(trainedOn.get("sha256").asText()).hasSize(64);

        Path same = tmp.resolve("predict-same");
        Cli p1 = Cli.run("predict", "--run", run.toString(), "--data", data.toString(), "--out", same.toString(),
                "--samples", "2", "--quiet", "--threads", "2");
        assertThat(p1.exitCode()).as(p1.err()).isZero();
        assertThat(provenance(same).get("data").get(key)).isEqualTo(trainedOn);

        Path image;
        try (Stream<Path> images = Files.list(data.resolve("LIDC_crops/LIDC_DLCV_version/test/images"))) {
            image = images.sorted().findFirst().orElseThrow();
        }
        BufferedImage img = ImageIO.read(image.toFile());
        for (int x = 0; x < img.getWidth(); x++) {
            img.getRaster().setSample(x, 0, 0, 255 - img.getRaster().getSample(x, 0, 0));
        }
        FileTime was = mtime(image);
        ImageIO.write(img, "png", image.toFile());
        Files.setLastModifiedTime(image, FileTime.from(was.toInstant().plusSeconds(2))); // an edit seconds later

        Path changed = tmp.resolve("predict-changed");
        Cli p2 = Cli.run("predict", "--run", run.toString(), "--data", data.toString(), "--out", changed.toString(),
                "--samples", "2", "--quiet", "--threads", "2");
        assertThat(p2.exitCode()).as(p2.err()).isZero();
        JsonNode now = provenance(changed).get("data").get(key);
        assertThat(now.get("files")).isEqualTo(trainedOn.get("files"));
        assertThat(now.get("sha256").asText()).isNotEqualTo(trainedOn.get("sha256").asText());
    }

    private static FileTime mtime(Path f) {
        try {
            return Files.getLastModifiedTime(f);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
