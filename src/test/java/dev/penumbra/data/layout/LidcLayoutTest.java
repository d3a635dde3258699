package dev.penumbra.data.layout;

import static dev.penumbra.data.DataFixtures.box;
import static dev.penumbra.data.DataFixtures.lidcSample;
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
import java.util.List;
import java.util.Map;

class LidcLayoutTest {

    private static final DataOptions OPTS = DataOptions.defaults();

    /** ROOT/LIDC_crops/LIDC_DLCV_version with one 4-annotator crop per split. */
    private static Path version(Path root) {
        Path v = root.resolve("LIDC_crops").resolve("LIDC_DLCV_version");
        lidcSample(v.resolve("train"), "LIDC-IDRI-0001_z-120.0_c0", 4);
        lidcSample(v.resolve("train"), "LIDC-IDRI-0001_z-121.5_c1", 4);
        lidcSample(v.resolve("val"), "LIDC-IDRI-0002_z-80.0_c0", 4);
        lidcSample(v.resolve("test"), "LIDC-IDRI-0003_z-10.0_c0", 4);
        return v;
    }

    @Test
    void loadsNestedLayoutWithAnnotatorsInIndexOrder(@TempDir Path root) {
        version(root);
        Dataset d = DatasetReader.read(root, OPTS);
        assertThat(d.layout()).isEqualTo("lidc");
        assertThat(d.annotators()).isEqualTo(4);
        assertThat(d.split(Split.TRAIN)).extracting(Sample::id)
                .containsExactly("LIDC-IDRI-0001_z-120.0_c0", "LIDC-IDRI-0001_z-121.5_c1");
        Sample s = d.split(Split.TRAIN).get(0);
        for (int k = 0; k < 4; k++) {
            assertThat(s.masks().get(k)).as("l" + k).isEqualTo(box(8, 8, k, k + 1, 0, 8));
        }
        assertThat(s.image()).isEqualTo(DataFixtures.grey(8, 8, s.id().hashCode() & 0xff));
    }

    @Test
    void scanNamesAnnotatorsL0ToL3(@TempDir Path root) {
        version(root);
        SampleFiles f = DatasetReader.scan(root, OPTS).split(Split.VAL).get(0);
        assertThat(f.annotators()).containsExactly("l0", "l1", "l2", "l3");
        assertThat(f.masks()).extracting(p -> p.getFileName().toString()).containsExactly(
                "LIDC-IDRI-0002_z-80.0_c0_l0.png", "LIDC-IDRI-0002_z-80.0_c0_l1.png",
                "LIDC-IDRI-0002_z-80.0_c0_l2.png", "LIDC-IDRI-0002_z-80.0_c0_l3.png");
    }

    @Test
    void groupIsTheLidcPatientPrefix(@TempDir Path root) {
        version(root);
        Dataset d = DatasetReader.read(root, OPTS);
        assertThat(d.split(Split.TRAIN)).extracting(Sample::group).containsOnly("LIDC-IDRI-0001");
        assertThat(d.split(Split.TEST).get(0).group()).isEqualTo("LIDC-IDRI-0003");
    }

    @Test
    void acceptsTheCropsOrVersionFolderAsRoot(@TempDir Path root) {
        Path v = version(root);
        assertThat(DatasetReader.read(v.getParent(), OPTS).split(Split.TRAIN)).hasSize(2);
        assertThat(DatasetReader.read(v, OPTS).split(Split.TRAIN)).hasSize(2);
    }

    @Test
    void annotationsMatchByExactIdNeverByPrefix(@TempDir Path root) {
        for (String split : List.of("train", "val", "test")) {
            Path dir = root.resolve(split);
            lidcSample(dir, split + "12", 1);
            lidcSample(dir, split + "123", 1);
            lidcSample(dir, split + "a_b", 1);
            lidcSample(dir, split + "a_b_c", 1);
        }
        // give 12 and a_b a mark unlike that of 123 and a_b_c
        DataFixtures.writeMask(root.resolve("train/lesions/train12_l0.png"), box(8, 8, 0, 8, 0, 1));
        DataFixtures.writeMask(root.resolve("train/lesions/traina_b_l0.png"), box(8, 8, 0, 8, 7, 8));
        Map<String, Sample> byId = new HashMap<>();
        DatasetReader.read(root, OPTS).split(Split.TRAIN).forEach(s -> byId.put(s.id(), s));
        assertThat(byId.keySet()).containsExactlyInAnyOrder("train12", "train123", "traina_b", "traina_b_c");
        assertThat(byId.get("train12").masks()).containsExactly(box(8, 8, 0, 8, 0, 1));
        assertThat(byId.get("train123").masks()).containsExactly(box(8, 8, 0, 1, 0, 8));
        assertThat(byId.get("traina_b").masks()).containsExactly(box(8, 8, 0, 8, 7, 8));
        assertThat(byId.get("traina_b_c").masks()).containsExactly(box(8, 8, 0, 1, 0, 8));
    }

    @Test
    void imageDoesNotClaimALongerIdsAnnotation(@TempDir Path root) {
        version(root);
        Path train = root.resolve("LIDC_crops/LIDC_DLCV_version/train");
        DataFixtures.writeGrey(train.resolve("images/12.png"), 8, 8, 0);
        DataFixtures.writeBlank(train.resolve("lesions/123_l0.png"), 8, 8);
        assertThatThrownBy(() -> DatasetReader.read(root, OPTS)).isInstanceOf(InputException.class)
                .hasMessageContaining("annotation LIDC_crops/LIDC_DLCV_version/train/lesions/123_l0.png has no image")
                .hasMessageContaining("expected LIDC_crops/LIDC_DLCV_version/train/images/123.png");
    }

    @Test
    void gapInAnnotatorIndicesNamesImageAndWhatIsMissing(@TempDir Path root) {
        Path v = version(root);
        DataFixtures.delete(v.resolve("val/lesions/LIDC-IDRI-0002_z-80.0_c0_l2.png"));
        assertThatThrownBy(() -> DatasetReader.read(root, OPTS)).isInstanceOf(InputException.class)
                .hasMessageContaining("image LIDC_crops/LIDC_DLCV_version/val/images/LIDC-IDRI-0002_z-80.0_c0.png")
                .hasMessageContaining("has annotations l0, l1, l3").hasMessageContaining("expected l0..l3")
                .hasMessageContaining("missing l2");
    }

    @Test
    void fewerAnnotatorsThanTheSplitsUsualIsAnError(@TempDir Path root) {
        Path v = version(root);
        lidcSample(v.resolve("train"), "LIDC-IDRI-0004_z-1.0_c0", 4);
        lidcSample(v.resolve("train"), "LIDC-IDRI-0005_z-1.0_c0", 3);
        assertThatThrownBy(() -> DatasetReader.read(v, OPTS)).isInstanceOf(InputException.class)
                .hasMessage("image train/images/LIDC-IDRI-0005_z-1.0_c0.png has 3 annotations (l0..l2) but most "
                        + "images of split train have 4 (l0..l3)");
    }

    @Test
    void imageWithoutLesionsNamesTheExpectedFile(@TempDir Path root) {
        Path v = version(root);
        DataFixtures.writeGrey(v.resolve("test/images/LIDC-IDRI-0009_z-1.0_c0.png"), 8, 8, 0);
        assertThatThrownBy(() -> DatasetReader.read(v, OPTS)).isInstanceOf(InputException.class)
                .hasMessageContaining("image test/images/LIDC-IDRI-0009_z-1.0_c0.png has no annotation")
                .hasMessageContaining("expected test/lesions/LIDC-IDRI-0009_z-1.0_c0_l0.png");
    }

    @Test
    void withoutSplitFoldersPatientsNeverStraddleSplits(@TempDir Path root) {
        Path v = root.resolve("LIDC_crops/LIDC_DLCV_version");
        for (int p = 1; p <= 8; p++) {
            for (int c = 0; c < 2; c++) {
                lidcSample(v, String.format("LIDC-IDRI-%04d_z-%d.0_c%d", p, 10 * c, c), 2);
            }
        }
        Dataset d = DatasetReader.read(root, OPTS);
        Map<String, Split> splitOf = new HashMap<>();
        int total = 0;
        for (Split s : Split.values()) {
            assertThat(d.split(s)).as(s.folder()).isNotEmpty();
            for (Sample sample : d.split(s)) {
                total++;
                Split before = splitOf.put(sample.group(), s);
                assertThat(before == null || before == s).as(sample.group() + " in " + before + " and " + s).isTrue();
            }
        }
        assertThat(total).isEqualTo(16);
        assertThat(splitOf).hasSize(8);
    }

    @Test
    void givenGroupRegexWinsAndMustMatchEveryId(@TempDir Path root) {
        Path v = version(root);
        DataOptions bySlice = OPTS.withGroupRegex("^LIDC-IDRI-\\d+_(z-[\\d.]+)");
        assertThat(DatasetReader.read(v, bySlice).split(Split.TRAIN)).extracting(Sample::group)
                .containsExactly("z-120.0", "z-121.5");
        assertThatThrownBy(() -> DatasetReader.read(v, OPTS.withGroupRegex("^(P\\d+)")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("--group-regex '^(P\\d+)' does not match the id 'LIDC-IDRI-0001_z-120.0_c0'")
                .hasMessageContaining("train/images/LIDC-IDRI-0001_z-120.0_c0.png");
    }

    @Test
    void idWithoutPatientPrefixIsItsOwnGroup(@TempDir Path root) {
        for (String split : List.of("train", "val", "test")) {
            lidcSample(root.resolve(split), "crop-" + split, 2);
        }
        assertThat(DatasetReader.read(root, OPTS).split(Split.VAL).get(0).group()).isEqualTo("crop-val");
    }
}
