package dev.penumbra.data.layout;

import static dev.penumbra.data.DataFixtures.box;
import static dev.penumbra.data.layout.PublishedFixtures.kohl;
import static dev.penumbra.data.layout.PublishedFixtures.kohlCrop;
import static dev.penumbra.data.layout.PublishedFixtures.kohlSplit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penumbra.InputException;
import dev.penumbra.data.DataFixtures;
import dev.penumbra.data.DataOptions;
import dev.penumbra.data.Dataset;
import dev.penumbra.data.DatasetReader;
import dev.penumbra.data.Sample;
import dev.penumbra.data.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

class KohlLidcLayoutTest {

    private static final DataOptions OPTS = DataOptions.defaults();

    @Test
    void readsTheUnpackedArchivesWithPatientGroupsAndFourAnnotators(@TempDir Path root) {
        Dataset d = DatasetReader.read(kohl(root), OPTS);
        assertThat(d.layout()).isEqualTo("lidc-kohl");
        assertThat(d.annotators()).isEqualTo(4);
        assertThat(d.split(Split.TRAIN)).extracting(Sample::id).containsExactly(
                "LIDC-IDRI-0001_z-105.0_c0", "LIDC-IDRI-0001_z-106.5_c0", "LIDC-IDRI-0002_z-105.0_c0");
        assertThat(d.split(Split.TRAIN)).extracting(Sample::group)
                .containsExactly("LIDC-IDRI-0001", "LIDC-IDRI-0001", "LIDC-IDRI-0002");
        assertThat(d.split(Split.VAL)).extracting(Sample::id).containsExactly("LIDC-IDRI-0003_z-80.0_c1");
        assertThat(d.split(Split.TEST)).extracting(Sample::id).containsExactly("LIDC-IDRI-0004_z-10.0_c0");
        Sample s = d.split(Split.TRAIN).get(2);
        for (int k = 0; k < 4; k++) {
            assertThat(s.masks().get(k)).as("l" + k).isEqualTo(box(8, 8, k, k + 1, 0, 8));
        }
        assertThat(s.image()).isEqualTo(DataFixtures.grey(8, 8, ("LIDC-IDRI-0002" + "z-105.0_c0").hashCode() & 0xff));
    }

    @Test
    void scanNamesAnnotatorsAndKeepsEachCropWithItsOwnPatientsMasks(@TempDir Path root) {
        kohl(root);
        // the same crop name under two patients: each must get the masks of its own patient folder
        DataFixtures.writeMask(kohlSplit(root, Split.TRAIN).resolve("gt/LIDC-IDRI-0002/z-105.0_c0_l0.png"),
                box(8, 8, 0, 8, 7, 8));
        Map<String, SampleFiles> byId = new HashMap<>();
        DatasetReader.scan(root, OPTS).split(Split.TRAIN).forEach(f -> byId.put(f.id(), f));
        assertThat(byId.get("LIDC-IDRI-0001_z-105.0_c0").annotators()).containsExactly("l0", "l1", "l2", "l3");
        assertThat(byId.get("LIDC-IDRI-0002_z-105.0_c0").masks().get(0))
                .isEqualTo(kohlSplit(root, Split.TRAIN).resolve("gt/LIDC-IDRI-0002/z-105.0_c0_l0.png"));
        Dataset d = DatasetReader.read(root, OPTS);
        Sample other = d.split(Split.TRAIN).stream().filter(x -> x.id().equals("LIDC-IDRI-0002_z-105.0_c0"))
                .findFirst().orElseThrow();
        assertThat(other.masks().get(0)).isEqualTo(box(8, 8, 0, 8, 7, 8));
    }

    @Test
    void splitFoldersMayLieDirectlyInTheRoot(@TempDir Path root) {
        kohlCrop(root.resolve("train"), "P1", "a", 2);
        kohlCrop(root.resolve("train"), "P2", "a", 2);
        kohlCrop(root.resolve("val"), "P3", "b", 2);
        kohlCrop(root.resolve("test"), "P4", "c", 2);
        Dataset d = DatasetReader.read(root, OPTS);
        assertThat(d.layout()).isEqualTo("lidc-kohl");
        assertThat(d.annotators()).isEqualTo(2);
        assertThat(d.split(Split.TRAIN)).extracting(Sample::id).containsExactly("P1_a", "P2_a");
        assertThat(d.split(Split.VAL)).hasSize(1);
        assertThat(d.split(Split.TEST)).hasSize(1);
    }

    @Test
    void withoutSplitFoldersPatientsNeverStraddleSplits(@TempDir Path root) {
        for (int p = 0; p < 10; p++) {
            for (int c = 0; c < 3; c++) {
                kohlCrop(root, "LIDC-IDRI-" + String.format("%04d", p), "z-" + c + ".0_c0", 4);
            }
        }
        Dataset d = DatasetReader.read(root, OPTS);
        Map<String, Split> splitOf = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (Split s : Split.values()) {
            assertThat(d.split(s)).as(s.folder()).isNotEmpty();
            for (Sample x : d.split(s)) {
                ids.add(x.id());
                Split before = splitOf.put(x.group(), s);
                assertThat(before == null || before == s).as("patient " + x.group() + " in one split").isTrue();
            }
        }
        assertThat(ids).hasSize(30);
        assertThat(splitOf).hasSize(10);
        assertThat(d.split(Split.TRAIN)).hasSize(18); // 10 patients: round(1.5) = 2 each for val and test
    }

    @Test
    void imageWithoutGroundTruthNamesTheExpectedFile(@TempDir Path root) {
        kohl(root);
        DataFixtures.writeGrey(kohlSplit(root, Split.VAL).resolve("images/LIDC-IDRI-0009/z-1.0_c0.png"), 8, 8, 0);
        assertThatThrownBy(() -> DatasetReader.read(root, OPTS)).isInstanceOf(InputException.class)
                .hasMessageContaining("image lidc_crops_val/val/images/LIDC-IDRI-0009/z-1.0_c0.png has no annotation")
                .hasMessageContaining("expected lidc_crops_val/val/gt/LIDC-IDRI-0009/z-1.0_c0_l0.png");
    }

    @Test
    void annotationWithoutImageIsAnErrorAndNeverMatchedByPrefix(@TempDir Path root) {
        kohl(root);
        Path train = kohlSplit(root, Split.TRAIN);
        DataFixtures.writeGrey(train.resolve("images/LIDC-IDRI-0001/12.png"), 8, 8, 0);
        DataFixtures.writeBlank(train.resolve("gt/LIDC-IDRI-0001/123_l0.png"), 8, 8);
        assertThatThrownBy(() -> DatasetReader.read(root, OPTS)).isInstanceOf(InputException.class)
                .hasMessageContaining("annotation lidc_crops_train/train/gt/LIDC-IDRI-0001/123_l0.png has no image")
                .hasMessageContaining("expected lidc_crops_train/train/images/LIDC-IDRI-0001/123.png");
    }

    @Test
    void annotationInAnotherPatientsFolderHasNoImage(@TempDir Path root) {
        kohl(root);
        Path train = kohlSplit(root, Split.TRAIN);
        // z-106.5_c0 exists for patient 0001 only
        DataFixtures.writeBlank(train.resolve("gt/LIDC-IDRI-0002/z-106.5_c0_l0.png"), 8, 8);
        assertThatThrownBy(() -> DatasetReader.read(root, OPTS)).isInstanceOf(InputException.class)
                .hasMessageContaining("annotation lidc_crops_train/train/gt/LIDC-IDRI-0002/z-106.5_c0_l0.png has no"
                        + " image: expected lidc_crops_train/train/images/LIDC-IDRI-0002/z-106.5_c0.png");
    }

    @Test
    void patientGroundTruthFolderWithoutImagesIsAnError(@TempDir Path root) {
        kohl(root);
        DataFixtures.writeBlank(kohlSplit(root, Split.TEST).resolve("gt/LIDC-IDRI-0099/z-1.0_c0_l0.png"), 8, 8);
        assertThatThrownBy(() -> DatasetReader.read(root, OPTS)).isInstanceOf(InputException.class)
                .hasMessageContaining("annotation folder lidc_crops_test/test/gt/LIDC-IDRI-0099 has no images")
                .hasMessageContaining("expected lidc_crops_test/test/images/LIDC-IDRI-0099");
    }

    @Test
    void unexpectedFilesAreNamed(@TempDir Path root) {
        kohl(root);
        Path train = kohlSplit(root, Split.TRAIN);
        DataFixtures.write(train.resolve("images/notes.txt"), "x");
        assertThatThrownBy(() -> DatasetReader.read(root, OPTS)).isInstanceOf(InputException.class)
                .hasMessageContaining("unexpected file lidc_crops_train/train/images/notes.txt")
                .hasMessageContaining("one folder per patient");
        DataFixtures.delete(train.resolve("images/notes.txt"));
        DataFixtures.write(train.resolve("gt/LIDC-IDRI-0001/z-105.0_c0.png"), "x");
        assertThatThrownBy(() -> DatasetReader.read(root, OPTS)).isInstanceOf(InputException.class)
                .hasMessageContaining("unexpected file lidc_crops_train/train/gt/LIDC-IDRI-0001/z-105.0_c0.png")
                .hasMessageContaining("<image name>_l<k>.png");
        DataFixtures.delete(train.resolve("gt/LIDC-IDRI-0001/z-105.0_c0.png"));
        DataFixtures.write(train.resolve("images/LIDC-IDRI-0001/readme.md"), "x");
        assertThatThrownBy(() -> DatasetReader.read(root, OPTS)).isInstanceOf(InputException.class)
                .hasMessageContaining("unexpected file lidc_crops_train/train/images/LIDC-IDRI-0001/readme.md");
    }

    @Test
    void gapInAnnotatorsNamesWhatIsMissing(@TempDir Path root) {
        kohl(root);
        DataFixtures.delete(kohlSplit(root, Split.VAL).resolve("gt/LIDC-IDRI-0003/z-80.0_c1_l2.png"));
        assertThatThrownBy(() -> DatasetReader.read(root, OPTS)).isInstanceOf(InputException.class)
                .hasMessageContaining("image lidc_crops_val/val/images/LIDC-IDRI-0003/z-80.0_c1.png")
                .hasMessageContaining("has annotations l0, l1, l3").hasMessageContaining("missing l2");
    }

    @Test
    void fewerAnnotatorsThanTheSplitsUsualIsAnError(@TempDir Path root) {
        kohl(root);
        DataFixtures.delete(kohlSplit(root, Split.TRAIN).resolve("gt/LIDC-IDRI-0002/z-105.0_c0_l3.png"));
        assertThatThrownBy(() -> DatasetReader.read(root, OPTS)).isInstanceOf(InputException.class)
                .hasMessage("image lidc_crops_train/train/images/LIDC-IDRI-0002/z-105.0_c0.png has 3 annotations"
                        + " (l0..l2) but most images of split train have 4 (l0..l3)");
    }

    @Test
    void missingSplitArchiveNamesTheFolderExpected(@TempDir Path root) {
        kohl(root);
        DataFixtures.delete(root.resolve("lidc_crops_test"));
        assertThatThrownBy(() -> DatasetReader.read(root, OPTS)).isInstanceOf(InputException.class)
                .hasMessageContaining("has train/, val/ but no test/")
                .hasMessageContaining(root.resolve("test").toString());
    }

    @Test
    void groupRegexNamesGroupsFromTheId(@TempDir Path root) {
        kohl(root);
        Dataset d = DatasetReader.read(root, OPTS.withGroupRegex("_(z-\\d+)"));
        assertThat(d.split(Split.TRAIN)).extracting(Sample::group).containsExactly("z-105", "z-106", "z-105");
    }

    @Test
    void isDetectedAloneAndByName(@TempDir Path root) {
        kohl(root);
        assertThat(DatasetLayouts.choose(root, Optional.empty()).name()).isEqualTo("lidc-kohl");
        assertThat(DatasetLayouts.all().stream().filter(l -> l.recognises(root)).map(DatasetLayout::name))
                .containsExactly("lidc-kohl");
        assertThat(DatasetLayouts.choose(root, Optional.of("lidc-kohl")).name()).isEqualTo("lidc-kohl");
    }
}
