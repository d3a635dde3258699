package dev.penumbra.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penumbra.io.ImageFiles;
import dev.penumbra.io.Json;
import dev.penumbra.metric.Ged;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code penumbra metrics ged} on 2 x 2 masks (row-major): A = top row, B = bottom row, C = left column, E = empty.
 * IoU(A, B) ~ 0, IoU(A, C) = 1/3, IoU(E, E) = 1 (the published 1e-6 convention).
 */
class MetricsCommandTest {

    private static final int[] A = {255, 255, 0, 0};
    private static final int[] B = {0, 0, 255, 255};
    private static final int[] C = {255, 0, 255, 0};
    private static final int[] E = {0, 0, 0, 0};

    @TempDir
    Path tmp;
    Path samples;
    Path annotations;

    @BeforeEach
    void folders() {
        samples = tmp.resolve("S");
        annotations = tmp.resolve("A");
    }

    /**
     * img1: samples {A, B}, annotations {A, C}. Unbiased: cross = (0 + 2/3 + 1 + 2/3) / 4 = 7/12, sample diversity
     * d(A, B) = 1, annotation diversity d(A, C) = 2/3, GED = 7/6 - 1 - 2/3 = -1/2.
     * img2: sample {E}, annotations {E, E}: every distance 0, GED 0.
     * img3: sample {A}, annotation {B}: GED = 2 d(A, B) = 2 (1 - 1e-6 / 4) ~ 2, no diversity.
     * Means: GED (-1/2 + 0 + 2) / 3 = 1/2, sample diversity 1/3, annotation diversity 2/9.
     */
    private void writeHandCase() throws Exception {
        mask(samples.resolve("img1/s0.png"), 2, 2, A);
        mask(samples.resolve("img1/s1.png"), 2, 2, B);
        mask(annotations.resolve("img1/a0.png"), 2, 2, A);
        // 0/1 levels work as well as 0/255
        mask(annotations.resolve("img1/a1.png"), 2, 2, 1, 0, 1, 0);
        mask(samples.resolve("img2/s0.png"), 2, 2, E);
        mask(annotations.resolve("img2/a0.png"), 2, 2, E);
        mask(annotations.resolve("img2/a1.png"), 2, 2, E);
        mask(samples.resolve("img3/s0.png"), 2, 2, A);
        mask(annotations.resolve("img3/a0.png"), 2, 2, B);
        // not a PNG: ignored
        Files.writeString(samples.resolve("img3/notes.txt"), "ignored");
    }

    @Test
    void unbiasedTableMatchesTheHandValues() throws Exception {
        writeHandCase();
        Cli r = run("--estimator", "unbiased");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("unbiased estimator");
        assertThat(row(r.out(), "img1")).containsExactly("img1", "2", "2", "-0.5000", "1.0000", "0.6667");
        assertThat(row(r.out(), "img2")).containsExactly("img2", "1", "2", "0.0000", "0.0000", "0.0000");
        assertThat(row(r.out(), "img3")).containsExactly("img3", "1", "1", "2.0000", "0.0000", "0.0000");
        assertThat(row(r.out(), "mean")).containsExactly("mean", "0.5000", "0.3333", "0.2222");
    }

    /**
     * The same hand case with all-pairs (no re-draw, pairs i = j included): img1 cross 7/12, sample diversity
     * 2 d(A, B) / 4 = 1/2, annotation diversity 2 (2/3) / 4 = 1/3, GED = 7/6 - 1/2 - 1/3 = 1/3; img2 0; img3 ~2.
     * Means: GED 7/9, sample diversity 1/6, annotation diversity 1/9.
     */
    @Test
    void allPairsTableMatchesTheHandValues() throws Exception {
        writeHandCase();
        Cli r = run("--estimator", "all-pairs");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("all-pairs estimator");
        assertThat(row(r.out(), "img1")).containsExactly("img1", "2", "2", "0.3333", "0.5000", "0.3333");
        assertThat(row(r.out(), "img3")).containsExactly("img3", "1", "1", "2.0000", "0.0000", "0.0000");
        assertThat(row(r.out(), "mean")).containsExactly("mean", "0.7778", "0.1667", "0.1111");
    }

    @Test
    void aGlobPicksTheSampleMasksOutOfFoldersThatHoldOtherImagesToo() throws Exception {
        // the layout penumbra predict writes: sample masks beside a grey entropy heat-map
        mask(samples.resolve("img1/sample_00.png"), 2, 2, A);
        mask(samples.resolve("img1/sample_01.png"), 2, 2, B);
        mask(samples.resolve("img1/entropy.png"), 2, 2, 10, 80, 160, 240);
        mask(annotations.resolve("img1/a0.png"), 2, 2, A);
        mask(annotations.resolve("img1/a1.png"), 2, 2, C);
        Cli all = run("--estimator", "unbiased");
        assertThat(all.isCleanInputError()).as(all.err()).isTrue();
        assertThat(all.err()).contains("entropy.png");
        Cli samplesOnly = run("--estimator", "unbiased", "--samples-glob", "sample_*.png");
        assertThat(samplesOnly.exitCode()).as(samplesOnly.err()).isZero();
        assertThat(row(samplesOnly.out(), "img1")).containsExactly("img1", "2", "2", "-0.5000", "1.0000", "0.6667");
        Cli none = run("--samples-glob", "s_*.png");
        assertThat(none.isCleanInputError()).isTrue();
        assertThat(none.err()).contains("--samples-glob");
    }

    @Test
    void jsonEqualsGedComputeWithOneSeededGeneratorInIdOrder() throws Exception {
        writeHandCase();
        Cli r = run("--estimator", "paper", "--seed", "7", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode tree = Json.MAPPER.readTree(r.out());
        assertThat(tree.get("estimator").asText()).isEqualTo("paper");
        assertThat(tree.get("seed").asLong()).isEqualTo(7);

        byte[] a = bits(A);
        byte[] b = bits(B);
        byte[] c = bits(C);
        byte[] e = bits(E);
        Random rng = new Random(7);
        List<Ged.Result> expected = List.of(
                Ged.compute(List.of(a, b), List.of(a, c), Ged.Estimator.PAPER, rng),
                Ged.compute(List.of(e), List.of(e, e), Ged.Estimator.PAPER, rng),
                Ged.compute(List.of(a), List.of(b), Ged.Estimator.PAPER, rng));
        JsonNode images = tree.get("images");
        assertThat(images).hasSize(3);
        double sum = 0;
        double diversity = 0;
        for (int i = 0; i < 3; i++) {
            JsonNode image = images.get(i);
            assertThat(image.get("id").asText()).isEqualTo("img" + (i + 1));
            assertThat(image.get("ged").asDouble()).isEqualTo(expected.get(i).ged());
            assertThat(image.get("sampleDiversity").asDouble()).isEqualTo(expected.get(i).sampleDiversity());
            assertThat(image.get("annotationDiversity").asDouble()).isEqualTo(expected.get(i).annotationDiversity());
            sum += expected.get(i).ged();
            diversity += expected.get(i).sampleDiversity();
        }
        assertThat(images.get(0).get("samples").asInt()).isEqualTo(2);
        assertThat(images.get(1).get("annotations").asInt()).isEqualTo(2);
        assertThat(tree.get("meanGed").asDouble()).isCloseTo(sum / 3, within(1e-15));
        assertThat(tree.get("meanSampleDiversity").asDouble()).isCloseTo(diversity / 3, within(1e-15));
        // same seed, same numbers
        assertThat(run("--estimator", "paper", "--seed", "7", "--json").out()).isEqualTo(r.out());
    }

    @Test
    void defaultsAreThePaperEstimatorAndSeedOne() throws Exception {
        writeHandCase();
        MetricsCommand.GedReport report = MetricsCommand.evaluate(samples, annotations, "*.png", Ged.Estimator.PAPER, 1);
        Cli r = run("--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Json.MAPPER.readTree(r.out()).get("meanGed").asDouble()).isEqualTo(report.meanGed());
    }

    @Test
    void missingOrNonFolderSidesAreCleanErrors() throws Exception {
        writeHandCase();
        Cli missing = Cli.run("metrics", "ged", "--predictions", tmp.resolve("nope").toString(), "--annotations",
                annotations.toString());
        assertThat(missing.isCleanInputError()).as(missing.err()).isTrue();
        assertThat(missing.err()).contains("samples folder").contains("nope").contains("does not exist");

        Path file = Files.writeString(tmp.resolve("file.txt"), "x");
        Cli notFolder = Cli.run("metrics", "ged", "--predictions", samples.toString(), "--annotations", file.toString());
        assertThat(notFolder.isCleanInputError()).as(notFolder.err()).isTrue();
        assertThat(notFolder.err()).contains("annotations folder").contains("file.txt").contains("not a folder");
    }

    @Test
    void aFolderWithoutImageFoldersIsACleanError() throws Exception {
        Files.createDirectories(samples);
        mask(annotations.resolve("img1/a0.png"), 2, 2, A);
        Cli r = run();
        assertThat(r.isCleanInputError()).as(r.err()).isTrue();
        assertThat(r.err()).contains("samples folder").contains("no image folders");
    }

    @Test
    void idsOnOneSideOnlyAreNamedWithTheirSide() throws Exception {
        writeHandCase();
        mask(samples.resolve("img9/s0.png"), 2, 2, A);
        mask(annotations.resolve("img7/a0.png"), 2, 2, A);
        Cli r = run();
        assertThat(r.isCleanInputError()).as(r.err()).isTrue();
        assertThat(r.err()).contains("only in the samples folder " + samples + ": img9")
                .contains("only in the annotations folder " + annotations + ": img7");
    }

    @Test
    void anImageFolderWithoutPngsIsACleanError() throws Exception {
        writeHandCase();
        Files.createDirectories(annotations.resolve("img4"));
        Files.writeString(annotations.resolve("img4/readme.txt"), "no masks");
        mask(samples.resolve("img4/s0.png"), 2, 2, A);
        Cli r = run();
        assertThat(r.isCleanInputError()).as(r.err()).isTrue();
        assertThat(r.err()).contains("annotations image folder").contains("img4").contains("no PNG files");
    }

    @Test
    void masksOfDifferentSizesNameBothFilesAndSizes() throws Exception {
        writeHandCase();
        mask(annotations.resolve("img1/a2.png"), 3, 2, 0, 0, 255, 255, 0, 0);
        Cli r = run();
        assertThat(r.isCleanInputError()).as(r.err()).isTrue();
        assertThat(r.err()).contains(annotations.resolve("img1/a2.png").toString()).contains("3x2")
                .contains(samples.resolve("img1/s0.png").toString()).contains("2x2");
    }

    @Test
    void aMaskWithThreeValuesIsNamed() throws Exception {
        writeHandCase();
        mask(samples.resolve("img2/s1.png"), 2, 2, 0, 128, 255, 0);
        Cli r = run();
        assertThat(r.isCleanInputError()).as(r.err()).isTrue();
        assertThat(r.err()).contains(samples.resolve("img2/s1.png").toString()).contains("3 distinct values")
                .contains("0, 128, 255");
    }

    @Test
    void anUnreadablePngIsNamed() throws Exception {
        writeHandCase();
        Files.write(samples.resolve("img3/s1.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        Cli r = run();
        assertThat(r.isCleanInputError()).as(r.err()).isTrue();
        assertThat(r.err()).contains(samples.resolve("img3/s1.png").toString());
    }

    @Test
    void anUnknownEstimatorIsACleanError() throws Exception {
        writeHandCase();
        Cli r = run("--estimator", "biased");
        assertThat(r.isCleanInputError()).as(r.err()).isTrue();
        assertThat(r.err()).contains("biased").contains("paper, all-pairs or unbiased");
    }

    @Test
    void helpDescribesTheLayout() {
        Cli r = Cli.run("metrics", "ged", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: penumbra metrics ged").contains("--predictions").contains("--annotations")
                .contains("--estimator").contains("--seed").contains("--json").contains("<image id>");
    }

    private Cli run(String... extra) {
        String[] base = {"metrics", "ged", "--predictions", samples.toString(), "--annotations", annotations.toString()};
        String[] args = Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    /** The whitespace-separated cells of the table row starting with {@code first}. */
    private static List<String> row(String table, String first) {
        return table.lines().filter(l -> l.startsWith(first + " ")).map(l -> List.of(l.trim().split("\\s+")))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + first + " in:\n" + table));
    }

    /** Writes an 8-bit grey PNG with the given raw levels, row-major. */
    private static void mask(Path file, int height, int width, int... levels) throws Exception {
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setSamples(0, 0, width, height, 0, levels);
        ImageFiles.writePng(file, image);
    }

    private static byte[] bits(int[] levels) {
        byte[] out = new byte[levels.length];
        for (int i = 0; i < levels.length; i++) {
            out[i] = (byte) (levels[i] != 0 ? 1 : 0);
        }
        return out;
    }
}
