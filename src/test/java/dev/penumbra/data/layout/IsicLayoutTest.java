package dev.penumbra.data.layout;

import static dev.penumbra.data.DataFixtures.box;
import static dev.penumbra.data.DataFixtures.grey;
import static dev.penumbra.data.DataFixtures.isic;
import static dev.penumbra.data.DataFixtures.isicSample;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

class IsicLayoutTest {

    private static final DataOptions OPTS = DataOptions.defaults();

    private static String[] ids(String... ids) {
        return ids;
    }

    @Test
    void loadsSplitFoldersWithIdsInOrderAndPixelValues(@TempDir Path root) {
        isic(root, ids("ISIC_0000002", "ISIC_0000000"), ids("ISIC_0000005"), ids("ISIC_0000009"));
        Dataset d = DatasetReader.read(root, OPTS);
        assertThat(d.layout()).isEqualTo("isic");
        assertThat(d.split(Split.TRAIN)).extracting(Sample::id).containsExactly("ISIC_0000000", "ISIC_0000002");
        assertThat(d.split(Split.VAL)).extracting(Sample::id).containsExactly("ISIC_0000005");
        assertThat(d.split(Split.TEST)).extracting(Sample::id).containsExactly("ISIC_0000009");
        Sample s = d.split(Split.TRAIN).get(0);
        assertThat(s.group()).isEqualTo(s.id());
        assertThat(s.annotators()).isEqualTo(1);
        assertThat(s.image()).isEqualTo(grey(8, 8, "ISIC_0000000".hashCode() & 0xff));
        assertThat(s.masks().get(0)).isEqualTo(box(8, 8, 2, 5, 1, 4));
    }

    @Test
    void readsJpegImagesAndRgbChannels(@TempDir Path root) {
        isic(root, ids("a"), ids("b"), ids("c"));
        for (String split : List.of("train", "val", "test")) {
            Path dir = root.resolve(split).resolve("images");
            String id = split.equals("train") ? "a" : split.equals("val") ? "b" : "c";
            DataFixtures.writeRgb(dir.resolve(id + ".jpg"), 8, 8, 0);
            // keep the jpg only
            DataFixtures.delete(dir.resolve(id + ".png"));
        }
        Dataset d = DatasetReader.read(root, OPTS);
        assertThat(d.channels()).isEqualTo(3);
        assertThat(d.split(Split.TRAIN).get(0).image().height()).isEqualTo(8);
    }

    @Test
    void withoutSplitFoldersSplitsEveryImageOnce(@TempDir Path root) {
        for (int i = 0; i < 10; i++) {
            isicSample(root, "ISIC_" + i, 8, 8, box(8, 8, 0, 2, 0, 2));
        }
        Dataset d = DatasetReader.read(root, OPTS);
        Set<String> all = new HashSet<>();
        for (Split s : Split.values()) {
            assertThat(d.split(s)).as(s.folder()).isNotEmpty();
            assertThat(d.split(s)).extracting(Sample::id).isSorted();
            d.split(s).forEach(x -> all.add(x.id()));
        }
        assertThat(all).hasSize(10);
        assertThat(d.split(Split.TRAIN)).hasSize(6); // round(1.5) = 2 each for val and test
    }

    @Test
    void imageWithoutAnnotationNamesTheExpectedFile(@TempDir Path root) {
        isic(root, ids("0001"), ids("0002"), ids("0003"));
        DataFixtures.writeGrey(root.resolve("train/images/0042.png"), 8, 8, 0);
        assertThatThrownBy(() -> DatasetReader.read(root, OPTS)).isInstanceOf(InputException.class)
                .hasMessage("image train/images/0042.png has no annotation: expected "
                        + "train/segmentations/0042_segmentation.png");
    }

    @Test
    void annotationWithoutImageNamesIt(@TempDir Path root) {
        isic(root, ids("0001"), ids("0002"), ids("0003"));
        DataFixtures.writeBlank(root.resolve("val/segmentations/0042_segmentation.png"), 8, 8);
        assertThatThrownBy(() -> DatasetReader.read(root, OPTS)).isInstanceOf(InputException.class)
                .hasMessageContaining("annotation val/segmentations/0042_segmentation.png has no image")
                .hasMessageContaining("expected val/images/0042.jpg");
    }

    @Test
    void annotationFileWithAnotherNameIsAnError(@TempDir Path root) {
        isic(root, ids("0001"), ids("0002"), ids("0003"));
        DataFixtures.writeBlank(root.resolve("test/segmentations/0003.png"), 8, 8);
        assertThatThrownBy(() -> DatasetReader.read(root, OPTS)).isInstanceOf(InputException.class)
                .hasMessageContaining("unexpected file test/segmentations/0003.png")
                .hasMessageContaining("<image id>_segmentation.png");
    }

    @Test
    void missingSegmentationsFolderInOneSplitNamesThePath(@TempDir Path root) {
        isic(root, ids("0001"), ids("0002"), ids("0003"));
        DataFixtures.delete(root.resolve("val/segmentations"));
        assertThatThrownBy(() -> DatasetReader.read(root, OPTS)).isInstanceOf(InputException.class)
                .hasMessage("split val has no segmentations folder: expected " + root.resolve("val/segmentations"));
    }

    @Test
    void missingImagesFolderInOneSplitNamesThePath(@TempDir Path root) {
        isic(root, ids("0001"), ids("0002"), ids("0003"));
        DataFixtures.delete(root.resolve("test/images"));
        DataFixtures.mkdirs(root.resolve("test/segmentations"));
        assertThatThrownBy(() -> DatasetReader.read(root, OPTS)).isInstanceOf(InputException.class)
                .hasMessage("split test has no images folder: expected " + root.resolve("test/images"));
    }
}
