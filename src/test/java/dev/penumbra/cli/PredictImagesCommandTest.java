package dev.penumbra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penumbra.data.DataFixtures;
import dev.penumbra.io.ImageFiles;
import dev.penumbra.io.Json;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code predict --images}: a folder of images without annotations, of other sizes and formats than training's. */
class PredictImagesCommandTest {

    @TempDir
    static Path tmp;
    static Path data;
    static Path run;
    static Path images;

    /** id, format, height, width of the images to predict: none is 32 x 32 like the training data. */
    private static final Object[][] IMAGES = {
        {"a", "png", 48, 40}, {"b", "jpg", 20, 24}, {"c", "tif", 64, 64}, {"d", "bmp", 33, 17}, {"e", "gif", 16, 50}};

    @BeforeAll
    static void trainAndWriteImages() throws IOException {
        data = tmp.resolve("data");
        Cli made = Cli.run("data", "make-synthetic", "--kind", "ambiguous", "--out", data.toString(), "--size", "32",
                "--count", "10");
        assertThat(made.exitCode()).as(made.err()).isZero();
        run = tmp.resolve("run");
        Cli trained = Cli.run("train", "--model", "mcdropout", "--data", data.toString(), "--out", run.toString(),
                "--preset", "demo", "--size", "32", "--filters", "4,8,16,32", "--batch-size", "4", "--max-epochs",
                "1", "--quiet", "--threads", "2");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        images = Files.createDirectories(tmp.resolve("scans"));
        for (Object[] im : IMAGES) {
            writeGrey(images.resolve(im[0] + "." + im[1]), (String) im[1], (int) im[2], (int) im[3]);
        }
        Files.writeString(images.resolve(".DS_Store"), "hidden files are ignored");
        DataFixtures.writeGrey(images.resolve("older/f.png"), 32, 32, 1); // subfolders are not searched
    }

    private static void writeGrey(Path file, String format, int h, int w) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, (x * 7 + y * 3) % 256);
            }
        }
        Files.createDirectories(file.getParent());
        assertThat(ImageIO.write(img, format, file.toFile())).as("a %s writer", format).isTrue();
    }

    private static Cli predict(Path from, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("predict", "--run", run.toString(), "--images", from.toString(),
                "--samples", "3", "--out", out.toString(), "--quiet", "--threads", "2"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    private static int[] dimensions(Path png) {
        return ImageFiles.dimensions(png);
    }

    @Test
    void everyImageGetsItsMapsAtItsOwnSizeAndOneRow() throws Exception {
        Path out = tmp.resolve("pred");
        Cli r = predict(images, out);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote predictions for 5 images");
        List<String> csv = Files.readAllLines(out.resolve("predictions.csv"));
        assertThat(csv.get(0)).isEqualTo("id,file,height,width,mean_entropy_bits,max_entropy_bits,sum_entropy_bits,"
                + "foreground_fraction,distinct_samples,sample_diversity");
        assertThat(csv).hasSize(1 + IMAGES.length);
        for (int i = 0; i < IMAGES.length; i++) {
            String id = (String) IMAGES[i][0];
            int h = (int) IMAGES[i][2];
            int w = (int) IMAGES[i][3];
            String[] row = csv.get(1 + i).split(",");
            assertThat(row).hasSize(10);
            assertThat(row[0]).isEqualTo(id);
            assertThat(row[1]).isEqualTo(id + "." + IMAGES[i][1]);
            assertThat(Integer.parseInt(row[2])).isEqualTo(h);
            assertThat(Integer.parseInt(row[3])).isEqualTo(w);
            assertThat(Double.parseDouble(row[4])).isBetween(0.0, 1.0);
            // the summaries are taken at the model's 32 x 32: the sum is the mean times 1024 pixels
            assertThat(Double.parseDouble(row[6])).isCloseTo(Double.parseDouble(row[4]) * 1024,
                    org.assertj.core.api.Assertions.within(0.01));
            assertThat(Integer.parseInt(row[8])).isBetween(1, 3);
            assertThat(Double.parseDouble(row[9])).isBetween(0.0, 1.0);
            Path dir = out.resolve(id);
            for (String map : List.of("probability_c1.png", "entropy.png", "sample_00.png", "sample_02.png")) {
                assertThat(dimensions(dir.resolve(map))).as("%s of %s", map, id).containsExactly(h, w);
            }
            assertThat(Files.size(dir.resolve("entropy.npy"))).as(id).isEqualTo(128 + 4L * h * w);
        }
        assertThat(out.resolve("f")).doesNotExist();
        assertThat(out.resolve("older")).doesNotExist();
    }

    @Test
    void theProvenanceNamesTheFolderAndFingerprintsItsImages() throws Exception {
        Path out = tmp.resolve("pred-prov");
        Cli r = predict(images, out);
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode prov = Json.MAPPER.readTree(out.resolve("provenance.json").toFile());
        assertThat(prov.get("config").get("images").asText()).isEqualTo(images.toString());
        JsonNode fingerprint = prov.get("data").get(images.toString());
        assertThat(fingerprint.get("files").asInt()).isEqualTo(IMAGES.length);
        long bytes = 0;
        for (Object[] im : IMAGES) {
            bytes += Files.size(images.resolve(im[0] + "." + im[1]));
        }
        assertThat(fingerprint.get("bytes").asLong()).isEqualTo(bytes);
        assertThat(fingerprint.get("sha256").asText()).hasSize(64);
    }

    @Test
    void theProgressNamesModelAndFolder() throws Exception {
        List<String> tasks = new ArrayList<>();
        dev.penumbra.io.Progress.Factory recording = (task, total) -> {
            tasks.add(task + " " + total);
            return dev.penumbra.io.Progress.none();
        };
        dev.penumbra.data.ImageFolder folder = dev.penumbra.data.ImageFolder.scan(images, "--images");
        try (dev.penumbra.train.TrainedModel model = dev.penumbra.train.TrainedModel.load(run, ai.djl.Device.cpu())) {
            PredictCommand.runImages(model, folder, folder.read(1, 32, 32, "the run"), 2, 4, 1,
                    dev.penumbra.metric.Ged.Estimator.PAPER, dev.penumbra.nn.Precision.FP32,
                    Files.createDirectories(tmp.resolve("pred-bars")),
                    recording);
        }
        assertThat(tasks).containsExactly("predict mcdropout (scans/) 5");
    }

    @Test
    void anEmptyFolderIsAClearError() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(empty.resolve(".hidden.png"), "hidden");
        Cli r = predict(empty, tmp.resolve("o-empty"));
        assertThat(r.isCleanInputError()).as(r.err()).isTrue();
        assertThat(r.err()).contains("--images " + empty + " holds no images");
        assertThat(tmp.resolve("o-empty")).doesNotExist();
    }

    @Test
    void aDatasetRootIsRefusedWithAPointerToItsImages() {
        Cli r = predict(data, tmp.resolve("o-root"));
        assertThat(r.isCleanInputError()).as(r.err()).isTrue();
        assertThat(r.err()).contains("holds no images").contains("subfolders are not searched")
                .contains("--images " + data).contains("/test/images");
    }

    @Test
    void aFileOrAMissingFolderIsAClearError() {
        Path file = images.resolve("a.png");
        Cli r = predict(file, tmp.resolve("o-file"));
        assertThat(r.isCleanInputError()).as(r.err()).isTrue();
        assertThat(r.err()).contains("--images " + file + " is a file, not a folder");
        Cli missing = predict(tmp.resolve("nowhere"), tmp.resolve("o-missing"));
        assertThat(missing.isCleanInputError()).as(missing.err()).isTrue();
        assertThat(missing.err()).contains("nowhere: no such folder");
    }

    @Test
    void anUnreadableImageIsNamedAndNothingIsWritten() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("damaged"));
        DataFixtures.writeGrey(dir.resolve("good.png"), 32, 32, 1);
        DataFixtures.truncate(DataFixtures.writeGrey(dir.resolve("bad.png"), 64, 64, 2));
        Cli r = predict(dir, tmp.resolve("o-damaged"));
        assertThat(r.isCleanInputError()).as(r.err()).isTrue();
        assertThat(r.err()).contains("cannot read image " + dir.resolve("bad.png"));
        assertThat(tmp.resolve("o-damaged")).doesNotExist();
    }

    @Test
    void aFileThatIsNotAnImageIsNamed() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("notes"));
        DataFixtures.writeGrey(dir.resolve("good.png"), 32, 32, 1);
        Files.writeString(dir.resolve("notes.txt"), "not an image");
        Cli r = predict(dir, tmp.resolve("o-notes"));
        assertThat(r.isCleanInputError()).as(r.err()).isTrue();
        assertThat(r.err()).contains("unsupported file " + dir.resolve("notes.txt")).contains(".png, .jpg");
    }

    @Test
    void twoImagesWithOneIdAreRefused() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("twins"));
        DataFixtures.writeGrey(dir.resolve("x.png"), 32, 32, 1);
        writeGrey(dir.resolve("x.bmp"), "bmp", 32, 32);
        Cli r = predict(dir, tmp.resolve("o-twins"));
        assertThat(r.isCleanInputError()).as(r.err()).isTrue();
        assertThat(r.err()).contains("two images with id x").contains("x.bmp").contains("x.png");
    }

    @Test
    void aColourImageForAGreyRunIsNamed() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("colour"));
        DataFixtures.writeGrey(dir.resolve("grey.png"), 32, 32, 1);
        ImageFiles.writeImage(dir.resolve("rgb.png"), DataFixtures.rgb(40, 40, 3));
        Cli r = predict(dir, tmp.resolve("o-colour"));
        assertThat(r.isCleanInputError()).as(r.err()).isTrue();
        assertThat(r.err()).contains("image " + dir.resolve("rgb.png") + " has 3 channels (colour) but --run "
                + run + " was trained on grey images (1 channel)");
        assertThat(tmp.resolve("o-colour")).doesNotExist();
    }

    @Test
    void imagesExcludeSplitAndData() {
        Cli split = predict(images, tmp.resolve("o-split"), "--split", "test");
        assertThat(split.isCleanInputError()).as(split.err()).isTrue();
        assertThat(split.err()).contains("--images and --split exclude each other");
        Cli withData = predict(images, tmp.resolve("o-data"), "--data", data.toString());
        assertThat(withData.isCleanInputError()).as(withData.err()).isTrue();
        assertThat(withData.err()).contains("--images and --data exclude each other");
    }

    @Test
    void theImagesAreNeverWrittenInto() throws Exception {
        Cli r = predict(images, images.resolve("out"));
        assertThat(r.isCleanInputError()).as(r.err()).isTrue();
        assertThat(r.err()).contains("--images");
        assertThat(images.resolve("out")).doesNotExist();
    }
}
