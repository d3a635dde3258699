package dev.penumbra.data.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.penumbra.InputException;
import dev.penumbra.data.DataFingerprint;
import dev.penumbra.data.DataFixtures;
import dev.penumbra.data.DataOptions;
import dev.penumbra.data.Dataset;
import dev.penumbra.data.DatasetReader;
import dev.penumbra.data.DatasetSummary;
import dev.penumbra.data.DatasetSummary.SplitSummary;
import dev.penumbra.data.Hdf5Fixtures;
import dev.penumbra.data.Mask;
import dev.penumbra.data.Oracle;
import dev.penumbra.data.Sample;
import dev.penumbra.data.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

/** The LIDC crops in one HDF5 file, as PHiSeg's {@code data_lidc.hdf5}: reading, summarising, and every refusal. */
class LidcHdf5LayoutTest {

    private static final DataOptions OPTS = DataOptions.defaults();

    private static Path standard(Path dir) {
        return Hdf5Fixtures.lidc(dir.resolve("data_lidc.hdf5"));
    }

    private static void assertInputError(Path file, DataOptions opts, String... parts) {
        assertThatThrownBy(() -> DatasetReader.read(file, opts)).isInstanceOf(InputException.class)
                .hasMessageContainingAll(parts);
    }

    /** Row r of a split with image seed {@code seed}: the image and the four masks Hdf5Fixtures wrote. */
    private static void assertRow(Sample s, int seed, int r) {
        assertThat(s.image()).as(s.id()).isEqualTo(DataFixtures.grey(8, 8, seed + r));
        for (int k = 0; k < 4; k++) {
            assertThat(s.masks().get(k)).as(s.id() + " l" + k).isEqualTo(Hdf5Fixtures.mask(8, r, k));
        }
    }

    // --- reading

    @Test
    void readsTheFileItsSplitsPatientsAndPixels(@TempDir Path dir) {
        Dataset d = DatasetReader.read(standard(dir), OPTS);
        assertThat(d.layout()).isEqualTo("lidc-hdf5");
        assertThat(d.annotators()).isEqualTo(4);
        assertThat(d.channels()).isEqualTo(1);
        // ids are <patient>_<row>, sorted; a negative uid is written with an m
        assertThat(d.split(Split.TRAIN)).extracting(Sample::id)
                .containsExactly("11_0000", "11_0001", "33_0004", "33_0005", "m22_0002", "m22_0003");
        assertThat(d.split(Split.TRAIN)).extracting(Sample::group)
                .containsExactly("11", "11", "33", "33", "m22", "m22");
        assertThat(d.split(Split.VAL)).extracting(Sample::id).containsExactly("44_0000", "44_0001");
        assertThat(d.split(Split.TEST)).extracting(Sample::id).containsExactly("55_0000", "66_0001", "66_0002");
        for (Sample s : d.split(Split.TRAIN)) {
            assertRow(s, 0, Integer.parseInt(s.id().substring(s.id().indexOf('_') + 1)));
        }
        assertRow(d.split(Split.TEST).get(2), 200, 2);
    }

    @Test
    void scanSaysWhereInTheFileEachSampleIs(@TempDir Path dir) {
        Path file = standard(dir);
        SampleFiles f = DatasetReader.scan(file, OPTS).split(Split.TRAIN).get(4);
        assertThat(f.id()).isEqualTo("m22_0002");
        assertThat(f.row()).isEqualTo(2);
        assertThat(f.image()).isEqualTo(file);
        assertThat(f.masks()).hasSize(4).containsOnly(file);
        assertThat(f.annotators()).containsExactly("l0", "l1", "l2", "l3");
        assertThat(DatasetReader.scan(file, OPTS).singleFile()).isTrue();
    }

    @Test
    void annotatorSecondAsCcdmWritesItReadsTheSameMasks(@TempDir Path dir) {
        Map<String, Map<String, Object>> ccdm = Hdf5Fixtures.lidc(8, 4, false, new long[] {1, 1, 2},
                new long[] {3}, new long[] {4});
        Dataset d = DatasetReader.read(Hdf5Fixtures.write(dir.resolve("ccdm.hdf5"), ccdm), OPTS);
        assertThat(d.split(Split.TRAIN)).extracting(Sample::id).containsExactly("1_0000", "1_0001", "2_0002");
        for (int r = 0; r < 3; r++) {
            assertRow(d.split(Split.TRAIN).get(r), 0, r);
        }
    }

    @Test
    void oneAnnotatorAndTwoAnnotatorFilesRead(@TempDir Path dir) {
        for (int l : new int[] {1, 2}) {
            Map<String, Map<String, Object>> groups = Hdf5Fixtures.lidc(8, l, true, new long[] {1, 2},
                    new long[] {3}, new long[] {4});
            Dataset d = DatasetReader.read(Hdf5Fixtures.write(dir.resolve(l + ".hdf5"), groups), OPTS);
            assertThat(d.annotators()).isEqualTo(l);
        }
        // N x H x W labels: one annotator, no annotator axis
        Map<String, Map<String, Object>> flat = Hdf5Fixtures.lidc(8, 1, true, new long[] {1, 2}, new long[] {3},
                new long[] {4});
        for (Map<String, Object> split : flat.values()) {
            byte[][][][] labels = (byte[][][][]) split.get("labels");
            byte[][][] three = new byte[labels.length][8][8];
            for (int r = 0; r < labels.length; r++) {
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        three[r][y][x] = labels[r][y][x][0];
                    }
                }
            }
            split.put("labels", three);
        }
        Dataset d = DatasetReader.read(Hdf5Fixtures.write(dir.resolve("flat.hdf5"), flat), OPTS);
        assertThat(d.annotators()).isEqualTo(1);
        assertThat(d.split(Split.TRAIN).get(0).masks().get(0)).isEqualTo(Hdf5Fixtures.mask(8, 0, 0));
    }

    @Test
    void sizeResizesImagesAndMasksAsForImageFiles(@TempDir Path dir) {
        Sample s = DatasetReader.read(standard(dir), OPTS.withSize(4)).split(Split.TRAIN).get(0);
        assertThat(s.image().height()).isEqualTo(4);
        assertThat(s.masks().get(0).height()).isEqualTo(4);
        assertThat(s.image()).isEqualTo(dev.penumbra.data.Resize.bilinear(DataFixtures.grey(8, 8, 0), 4, 4));
        assertThat(s.masks().get(0)).isEqualTo(dev.penumbra.data.Resize.nearest(Hdf5Fixtures.mask(8, 0, 0), 4, 4));
    }

    @Test
    void groupRegexRenamesTheGroupsAndMustMatchEveryId(@TempDir Path dir) {
        Path file = standard(dir);
        Dataset d = DatasetReader.read(file, OPTS.withGroupRegex("_(\\d)"));
        assertThat(d.split(Split.TRAIN)).extracting(Sample::group).containsOnly("0");
        assertInputError(file, OPTS.withGroupRegex("^(\\d+)_"), "--group-regex", "m22_0002",
                "/train/images row 2");
    }

    @Test
    void aForcedLayoutIsHonoured(@TempDir Path dir) {
        assertThat(DatasetReader.read(standard(dir), OPTS.withLayout("lidc-hdf5")).layout()).isEqualTo("lidc-hdf5");
    }

    // --- what data check reports

    @Test
    void summaryCountsSplitsPatientsAndAgreement(@TempDir Path dir) {
        Path file = standard(dir);
        DatasetSummary summary = DatasetSummary.summarise(file, OPTS);
        assertThat(summary.layout()).isEqualTo("lidc-hdf5");
        assertThat(summary.root()).isEqualTo(file.toString());
        assertThat(summary.splits()).extracting(SplitSummary::images).containsExactly(6, 2, 3);
        assertThat(summary.splits()).extracting(SplitSummary::groups).containsExactly(3, 1, 2);
        SplitSummary train = summary.splits().get(0);
        assertThat(train.sizes()).isEqualTo(Map.of("8x8", 6));
        assertThat(train.annotators()).isEqualTo(Map.of(4, 6));
        // rows 0 and 3: all four mark the box; 1 and 4: only l0; 2 and 5: nobody
        assertThat(train.lesionVotes()).isEqualTo(Map.of(0, 2, 1, 2, 4, 2));
        assertThat(train.allAgree()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(train.splitVotes()).isCloseTo(2.0 / 6, within(1e-12));
        assertThat(train.allBlank()).isCloseTo(2.0 / 6, within(1e-12));
        assertThat(train.meanForeground()).isCloseTo((2 * 4 + 2) * (4.0 / 64) / 24, within(1e-12));
        assertThat(summary).isEqualTo(DatasetSummary.summarise(DatasetReader.read(file, OPTS)));
        String text = summary.toText();
        assertThat(text).startsWith("layout  lidc-hdf5\nroot    " + file + "\n").contains("all agree", "groups");
        assertThat(text.split("\n")[4]).startsWith("train").contains("8x8 (6)", "4 (6)", "66.7%", "33.3%");
    }

    // --- files written by h5py, as PHiSeg's preprocessing writes data_lidc.hdf5

    private static Path resource(Path dir, String name) throws IOException {
        Path out = dir.resolve(name);
        try (InputStream in = LidcHdf5LayoutTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        }
        return out;
    }

    @Test
    void readsTheStructureH5pyWritesUint8Contiguous(@TempDir Path dir) throws IOException {
        Dataset ours = DatasetReader.read(standard(dir), OPTS);
        Dataset h5py = DatasetReader.read(resource(dir, "lidc_h5py.hdf5"), OPTS);
        for (Split s : Split.values()) {
            assertThat(h5py.split(s)).as(s.folder()).isEqualTo(ours.split(s));
        }
    }

    @Test
    void readsGzipChunkedFilesWithStringIdsAndTheAnnotatorAxisSecond(@TempDir Path dir) throws IOException {
        Dataset ours = DatasetReader.read(standard(dir), OPTS);
        Dataset gzip = DatasetReader.read(resource(dir, "lidc_h5py_gzip.hdf5"), OPTS);
        assertThat(gzip.split(Split.TRAIN)).extracting(Sample::id).containsExactly("LIDC-IDRI-0011_0000",
                "LIDC-IDRI-0011_0001", "LIDC-IDRI-0022_0002", "LIDC-IDRI-0022_0003", "LIDC-IDRI-0033_0004",
                "LIDC-IDRI-0033_0005");
        for (Split s : Split.values()) {
            List<Sample> a = ours.split(s).stream().sorted(java.util.Comparator.comparing(LidcHdf5LayoutTest::row))
                    .toList();
            List<Sample> b = gzip.split(s).stream().sorted(java.util.Comparator.comparing(LidcHdf5LayoutTest::row))
                    .toList();
            assertThat(b).hasSameSizeAs(a);
            for (int i = 0; i < a.size(); i++) {
                assertThat(b.get(i).image()).isEqualTo(a.get(i).image());
                assertThat(b.get(i).masks()).isEqualTo(a.get(i).masks());
            }
        }
    }

    private static int row(Sample s) {
        return Integer.parseInt(s.id().substring(s.id().lastIndexOf('_') + 1));
    }

    // --- fingerprint and oracles

    @Test
    void fingerprintIsTheFileAndTheSamplesFoundInIt(@TempDir Path dir) throws IOException {
        Path file = standard(dir);
        DataFingerprint first = DataFingerprint.of(DatasetReader.scan(file, OPTS), true);
        assertThat(first.files()).isEqualTo(1);
        assertThat(first.bytes()).isEqualTo(Files.size(file));
        assertThat(DataFingerprint.of(DatasetReader.scan(file, OPTS), true)).isEqualTo(first);

        // the same file in another folder, times kept: the same data
        Path moved = Files.createDirectories(dir.resolve("elsewhere")).resolve("data_lidc.hdf5");
        Files.copy(file, moved, StandardCopyOption.COPY_ATTRIBUTES);
        assertThat(DataFingerprint.of(DatasetReader.scan(moved, OPTS), true)).isEqualTo(first);

        // touched: changed, and the message says so
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));
        DataFingerprint touched = DataFingerprint.of(DatasetReader.scan(file, OPTS), true);
        assertThat(touched.sha256()).isNotEqualTo(first.sha256());
        assertThat(touched.differenceFrom(first)).contains("same size", "replaced or touched");

        // other patients in a file of the same size and time: changed
        Map<String, Map<String, Object>> other = Hdf5Fixtures.lidc();
        other.get("test").put("uids", new long[] {55, 55, 66});
        Path rewritten = Hdf5Fixtures.write(Files.createDirectories(dir.resolve("other")).resolve("data_lidc.hdf5"),
                other);
        assertThat(Files.size(rewritten)).isEqualTo(Files.size(file));
        Files.setLastModifiedTime(rewritten, Files.getLastModifiedTime(file));
        assertThat(DataFingerprint.of(DatasetReader.scan(rewritten, OPTS), true).sha256())
                .isNotEqualTo(touched.sha256());
    }

    @Test
    void aFileHasNoOracleDraws(@TempDir Path dir) {
        assertThat(Oracle.read(standard(dir), OPTS, Split.TEST)).isEmpty();
    }

    // --- refusals

    @Test
    void aFileThatIsNotHdf5IsRefusedWithWhatWasExpected(@TempDir Path dir) {
        Path text = DataFixtures.write(dir.resolve("data_lidc.hdf5"), "not an hdf5 file at all");
        assertInputError(text, OPTS, "data folder " + text, "is a file", "no HDF5 signature", "data_lidc.hdf5",
                "groups train, val and test", "lidc-hdf5");
        assertInputError(text, OPTS.withLayout("lidc-hdf5"), "data file " + text,
                "does not look like a lidc-hdf5 dataset", "groups train, val and test");
        Path png = DataFixtures.writeGrey(dir.resolve("image.png"), 8, 8, 0);
        assertInputError(png, OPTS, "is a file", "no HDF5 signature");
    }

    @Test
    void aTruncatedFileIsRefused(@TempDir Path dir) throws IOException {
        Path file = standard(dir);
        byte[] all = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(all, all.length / 2));
        assertThatThrownBy(() -> DatasetReader.read(file, OPTS)).isInstanceOf(InputException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void layoutsOfTheOtherKindAreRefused(@TempDir Path dir) {
        Path file = standard(dir);
        assertInputError(file, OPTS.withLayout("lidc"), "is a file", "--layout lidc reads a folder");
        assertInputError(dir, OPTS.withLayout("lidc-hdf5"), "--layout lidc-hdf5 reads one file", "is a folder");
    }

    @Test
    void aMissingGroupNamesWhatWasFound(@TempDir Path dir) {
        Map<String, Map<String, Object>> groups = Hdf5Fixtures.lidc();
        groups.remove("test");
        Path file = Hdf5Fixtures.write(dir.resolve("two.hdf5"), groups);
        assertInputError(file, OPTS, "HDF5 file " + file + " has no group /test",
                "expected the groups train, val and test", "found train (group), val (group)");
    }

    @Test
    void aMissingDatasetNamesWhatWasFound(@TempDir Path dir) {
        Map<String, Map<String, Object>> groups = Hdf5Fixtures.lidc();
        groups.get("val").remove("uids");
        Path file = Hdf5Fixtures.write(dir.resolve("no-uids.hdf5"), groups);
        assertInputError(file, OPTS, "group /val of HDF5 file " + file + " has no dataset 'uids'",
                "expected the datasets images, labels and uids",
                "found images (dataset 2 x 8 x 8 float64), labels (dataset 2 x 8 x 8 x 4 int8)");
    }

    @Test
    void shapeMismatchesAreRefused(@TempDir Path dir) {
        Map<String, Map<String, Object>> small = Hdf5Fixtures.lidc();
        small.get("train").put("labels", new byte[6][7][7][4]);
        assertInputError(Hdf5Fixtures.write(dir.resolve("a.hdf5"), small), OPTS, "shape mismatch in split train",
                "images is 6 x 8 x 8 but labels is 6 x 7 x 7 x 4", "expected labels 6 x 8 x 8 x L");

        Map<String, Map<String, Object>> rows = Hdf5Fixtures.lidc();
        rows.get("test").put("labels", new byte[2][8][8][4]);
        assertInputError(Hdf5Fixtures.write(dir.resolve("b.hdf5"), rows), OPTS, "shape mismatch in split test",
                "images is 3 x 8 x 8 but labels is 2 x 8 x 8 x 4");

        Map<String, Map<String, Object>> uids = Hdf5Fixtures.lidc();
        uids.get("val").put("uids", new long[] {44, 44, 44});
        assertInputError(Hdf5Fixtures.write(dir.resolve("c.hdf5"), uids), OPTS, "shape mismatch in split val",
                "images has 2 rows but uids is 3", "one patient id per image");

        Map<String, Map<String, Object>> rank = Hdf5Fixtures.lidc();
        rank.get("train").put("images", new double[6][8][8][1]);
        assertInputError(Hdf5Fixtures.write(dir.resolve("d.hdf5"), rank), OPTS, "/train/images is 6 x 8 x 8 x 1"
                + " float64: expected N x H x W floats");

        Map<String, Map<String, Object>> ints = Hdf5Fixtures.lidc();
        ints.get("train").put("images", new int[6][8][8]);
        assertInputError(Hdf5Fixtures.write(dir.resolve("e.hdf5"), ints), OPTS, "/train/images is 6 x 8 x 8 int32");

        Map<String, Map<String, Object>> floatLabels = Hdf5Fixtures.lidc();
        floatLabels.get("val").put("labels", new double[2][8][8][4]);
        assertInputError(Hdf5Fixtures.write(dir.resolve("f.hdf5"), floatLabels), OPTS,
                "/val/labels is 2 x 8 x 8 x 4 float64: expected integer masks");
    }

    @Test
    void labelsThatAreNotBinaryAreRefusedUnlessThresholded(@TempDir Path dir) {
        Map<String, Map<String, Object>> groups = Hdf5Fixtures.lidc();
        ((byte[][][][]) groups.get("test").get("labels"))[1][5][5][2] = 2; // row 1, l2: 0, and now 1 and 2
        ((byte[][][][]) groups.get("test").get("labels"))[1][5][6][2] = 1;
        Path file = Hdf5Fixtures.write(dir.resolve("three-levels.hdf5"), groups);
        assertInputError(file, OPTS, "mask " + file + " /test/labels row 1, annotator l2",
                "3 distinct levels (0, 1, 2)", "--mask-threshold");

        // 8-bit levels 0 / 128 / 255 in int16 (jhdf writes no uint8): --mask-threshold binarises them
        Map<String, Map<String, Object>> grey = Hdf5Fixtures.lidc();
        short[][][][] levels = new short[3][8][8][4];
        levels[2][0][0][3] = 128;
        levels[2][0][1][3] = 255;
        grey.get("test").put("labels", levels);
        Path greyFile = Hdf5Fixtures.write(dir.resolve("grey-levels.hdf5"), grey);
        assertInputError(greyFile, OPTS, "/test/labels row 2, annotator l3", "3 distinct levels (0, 128, 255)");
        Mask m = DatasetReader.read(greyFile, OPTS.withMaskThreshold(0.4)).split(Split.TEST).get(2).masks().get(3);
        assertThat(m.foreground()).isEqualTo(2);
        assertThat(m.get(0, 0)).isEqualTo((byte) 1);
    }

    @Test
    void negativeLabelsAndImagesOutOfRangeAreRefused(@TempDir Path dir) {
        Map<String, Map<String, Object>> negative = Hdf5Fixtures.lidc();
        ((byte[][][][]) negative.get("train").get("labels"))[3][0][7][1] = -1;
        assertInputError(Hdf5Fixtures.write(dir.resolve("neg.hdf5"), negative), OPTS,
                "/train/labels row 3, annotator l1, has the value -1 at pixel (0, 7)", "expected 0 (background) and 1");

        Map<String, Map<String, Object>> bright = Hdf5Fixtures.lidc();
        ((double[][][]) bright.get("val").get("images"))[1][2][3] = 0.75;
        assertInputError(Hdf5Fixtures.write(dir.resolve("bright.hdf5"), bright), OPTS,
                "/val/images row 1 has the value 0.75 at pixel (2, 3)", "values in [-0.5, 0.5]");

        Map<String, Map<String, Object>> nan = Hdf5Fixtures.lidc();
        ((double[][][]) nan.get("val").get("images"))[0][0][0] = Double.NaN;
        assertInputError(Hdf5Fixtures.write(dir.resolve("nan.hdf5"), nan), OPTS, "has the value NaN");
    }

    @Test
    void anEmptySplitIsRefused(@TempDir Path dir) throws IOException {
        Path file = resource(dir, "lidc_h5py_empty_val.hdf5"); // jhdf cannot write arrays of 0 rows; h5py can
        assertInputError(file, OPTS, "split val of " + file + " is empty", "/val/images has 0 rows");
    }

    @Test
    void aPatientInTwoSplitsIsRefused(@TempDir Path dir) {
        Map<String, Map<String, Object>> groups = Hdf5Fixtures.lidc();
        groups.get("test").put("uids", new long[] {55, 33, 66});
        Path file = Hdf5Fixtures.write(dir.resolve("leak.hdf5"), groups);
        assertInputError(file, OPTS, "patient 33 has images in both the train and the test split",
                "/test/uids row 1", "split by patient");
    }

    @Test
    void classesReadsClassIndices(@TempDir Path dir) {
        Map<String, Map<String, Object>> groups = Hdf5Fixtures.lidc();
        ((byte[][][][]) groups.get("train").get("labels"))[0][6][6][0] = 2;
        Path file = Hdf5Fixtures.write(dir.resolve("classes.hdf5"), groups);
        Sample s = DatasetReader.read(file, OPTS.withClasses(3)).split(Split.TRAIN).get(0);
        assertThat(s.masks().get(0).get(6, 6)).isEqualTo((byte) 2);
        assertThat(s.masks().get(0).get(1, 1)).isEqualTo((byte) 1);
        ((byte[][][][]) groups.get("train").get("labels"))[0][6][6][0] = 3;
        Path four = Hdf5Fixtures.write(dir.resolve("four.hdf5"), groups);
        assertInputError(four, OPTS.withClasses(3), "/train/labels row 0, annotator l0 has the value 3 at pixel (6, 6)",
                "--classes 3 expects class indices 0 to 2");
    }
}
