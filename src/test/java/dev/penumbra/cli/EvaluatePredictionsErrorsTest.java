package dev.penumbra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penumbra.data.Mask;
import dev.penumbra.io.ImageFiles;
import dev.penumbra.io.Npy;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every mistake in a --predictions folder: exit 2, one message naming the folder or file, found vs expected. */
class EvaluatePredictionsErrorsTest {

    static final int SIZE = 32;

    @TempDir
    static Path shared;
    static Path data;
    static List<String> testIds;

    @TempDir
    Path tmp;
    Path preds;

    @BeforeAll
    static void makeData() throws IOException {
        data = shared.resolve("data");
        Cli made = Cli.run("data", "make-synthetic", "--kind", "ambiguous", "--out", data.toString(), "--size",
                String.valueOf(SIZE), "--count", "12");
        assertThat(made.exitCode()).as(made.err()).isZero();
        try (Stream<Path> files = Files.list(data.resolve("LIDC_crops/LIDC_DLCV_version/test/images"))) {
            testIds = files.map(p -> p.getFileName().toString().replace(".png", "")).sorted().toList();
        }
        assertThat(testIds).hasSizeGreaterThanOrEqualTo(2);
    }

    /** Four samples of every test image: a square that grows with the sample number. */
    @BeforeEach
    void writePredictions() {
        preds = tmp.resolve("preds");
        for (String id : testIds) {
            for (int i = 0; i < 4; i++) {
                ImageFiles.writeMask(preds.resolve(id).resolve(String.format("sample_%02d.png", i)), square(4 + i));
            }
        }
    }

    private static Mask square(int side) {
        Mask m = Mask.blank(SIZE, SIZE);
        for (int y = 8; y < 8 + side; y++) {
            for (int x = 8; x < 8 + side; x++) {
                m.set(y, x, (byte) 1);
            }
        }
        return m;
    }

    private Cli evaluate(String... more) {
        List<String> args = new ArrayList<>(List.of("evaluate", "--data", data.toString(), "--ged-samples", "1,4",
                "--samples", "4", "--pixels", "50", "--bootstrap", "100", "--out", tmp.resolve("eval").toString(),
                "--quiet"));
        args.addAll(Arrays.asList(more));
        return Cli.run(args.toArray(String[]::new));
    }

    private Cli evaluateTool() {
        return evaluate("--predictions", "tool=" + preds);
    }

    private static void assertInputError(Cli r, String... parts) {
        assertThat(r.isCleanInputError()).as(r.err()).isTrue();
        assertThat(r.err()).contains(parts);
    }

    @Test
    void theFolderWrittenHereIsEvaluatedSoEveryFailureBelowIsTheMistakeItNames() {
        Cli r = evaluateTool();
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("tool: predictions from " + preds);
    }

    @Test
    void malformedNameEqualsDirIsRefused() {
        assertInputError(evaluate("--predictions", preds.toString()), "--predictions '" + preds + "'",
                "expected NAME=DIR");
        assertInputError(evaluate("--predictions", "=" + preds), "the name '' is not usable");
        assertInputError(evaluate("--predictions", "tool="), "no folder after '='");
    }

    @Test
    void aNameGivenTwiceIsRefused() {
        assertInputError(evaluate("--predictions", "tool=" + preds, "--predictions", "tool=" + tmp.resolve("b")),
                "the name 'tool' is already the name of --predictions tool=" + preds);
    }

    @Test
    void noModelAtAllOrNoDataIsRefused() {
        assertInputError(evaluate(), "give at least one model", "--runs", "--predictions");
        Cli r = Cli.run("evaluate", "--predictions", "tool=" + preds, "--out", tmp.resolve("e").toString());
        assertInputError(r, "--data is required");
    }

    @Test
    void aMissingFolderIsNamed() {
        Path none = tmp.resolve("nowhere");
        assertInputError(evaluate("--predictions", "tool=" + none), "the folder " + none + " does not exist");
    }

    @Test
    void imagesWithoutAPredictionFolderAreListedWithTheirCount() throws IOException {
        deleteTree(preds.resolve(testIds.get(1)));
        assertInputError(evaluateTool(), "1 of the " + testIds.size() + " evaluated images have no prediction"
                + " folder", testIds.get(1));
    }

    @Test
    void foldersOfOtherImagesAreAnErrorUnlessIgnored() {
        ImageFiles.writeMask(preds.resolve("NOT-AN-IMAGE/sample_00.png"), square(3));
        assertInputError(evaluateTool(), "1 folder(s) in " + preds + " are not images of the evaluated split",
                "NOT-AN-IMAGE", "--ignore-extra-predictions");
        Cli ignored = evaluate("--predictions", "tool=" + preds, "--ignore-extra-predictions");
        assertThat(ignored.exitCode()).as(ignored.err()).isZero();
    }

    @Test
    void aSampleOfAnotherSizeThanTheImageIsRefused() {
        Path file = preds.resolve(testIds.get(0)).resolve("sample_02.png");
        ImageFiles.writeMask(file, Mask.blank(16, 16));
        assertInputError(evaluateTool(), file + " is 16x16", "is " + SIZE + "x" + SIZE + " as evaluated");
    }

    @Test
    void aSampleThatIsNotBinaryIsRefused() {
        BufferedImage grey = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(3, 3, 0, 128);
        grey.getRaster().setSample(4, 4, 0, 255);
        Path file = preds.resolve(testIds.get(0)).resolve("sample_01.png");
        ImageFiles.writePng(file, grey);
        assertInputError(evaluateTool(), "sample " + file + " has the values 0, 128, 255",
                "expected a binary mask of 0 and 255 (or 0 and 1)");
    }

    @Test
    void imagesWithDifferentSampleCountsAreRefused() throws IOException {
        Files.delete(preds.resolve(testIds.get(1)).resolve("sample_03.png"));
        assertInputError(evaluateTool(), "have different numbers of samples", "4 sample(s) in",
                "3 sample(s) in 1 image(s) (" + testIds.get(1) + ")", "Expected the same number for every image");
    }

    @Test
    void aFolderWithoutSamplesIsRefused() throws IOException {
        Path dir = preds.resolve(testIds.get(0));
        for (int i = 0; i < 4; i++) {
            Files.delete(dir.resolve(String.format("sample_%02d.png", i)));
        }
        Files.writeString(dir.resolve("notes.txt"), "no masks here");
        assertInputError(evaluateTool(), dir + " has no sample masks", "expected sample_00.png");
    }

    @Test
    void probabilityMapsOfTheWrongSizeOrRangeOrDepthAreRefused() throws IOException {
        for (String id : testIds) {
            Npy.writeFloats(preds.resolve(id).resolve("probability_c1.npy"), new float[SIZE * SIZE], SIZE, SIZE);
        }
        Cli fine = evaluateTool();
        assertThat(fine.exitCode()).as(fine.err()).isZero();
        assertThat(fine.out()).contains("probabilities: the tool's mean probability maps (probability_c1.npy)");
        deleteTree(tmp.resolve("eval"));

        Path map = preds.resolve(testIds.get(0)).resolve("probability_c1.npy");
        Npy.writeFloats(map, new float[16 * 16], 16, 16);
        assertInputError(evaluateTool(), map + " is 16x16", SIZE + "x" + SIZE);

        float[] over = new float[SIZE * SIZE];
        over[SIZE + 2] = 1.5f;
        Npy.writeFloats(map, over, SIZE, SIZE);
        assertInputError(evaluateTool(), "probability map " + map + " has the value 1.5 at pixel (row 1, column 2)",
                "expected probabilities in [0, 1]");

        Files.delete(map);
        Path png = preds.resolve(testIds.get(0)).resolve("probability_c1.png");
        ImageFiles.writeMask(png, square(5));
        assertInputError(evaluateTool(), "probability map " + png + " is a 8-bit PNG",
                "expected one 16-bit grey channel");
    }

    @Test
    void mapsForSomeImagesOnlyAreRefused() {
        Npy.writeFloats(preds.resolve(testIds.get(0)).resolve("probability_c1.npy"), new float[SIZE * SIZE], SIZE,
                SIZE);
        assertInputError(evaluateTool(), "1 image(s) of " + preds + " have probability maps but "
                + (testIds.size() - 1) + " have none", "give maps for every image or for none");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
