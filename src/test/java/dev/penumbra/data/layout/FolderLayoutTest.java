package dev.penumbra.data.layout;

import static dev.penumbra.data.DataFixtures.box;
import static dev.penumbra.data.DataFixtures.folderSample;
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
import java.util.List;

class FolderLayoutTest {

    private static final DataOptions OPTS = DataOptions.defaults();

    private static void threeSplits(Path root, String... annotators) {
        folderSample(root.resolve("train"), "b", annotators);
        folderSample(root.resolve("train"), "a", annotators);
        folderSample(root.resolve("val"), "c", annotators);
        folderSample(root.resolve("test"), "d", annotators);
    }

    @Test
    void loadsAnnotatorsInFolderNameOrder(@TempDir Path root) {
        threeSplits(root, "rater2", "alice", "bob");
        Dataset d = DatasetReader.read(root, OPTS);
        assertThat(d.layout()).isEqualTo("folder");
        assertThat(d.split(Split.TRAIN)).extracting(Sample::id).containsExactly("a", "b");
        SampleFiles files = DatasetReader.scan(root, OPTS).split(Split.TRAIN).get(0);
        assertThat(files.annotators()).containsExactly("alice", "bob", "rater2");
        // folderSample gave annotator k of ("rater2", "alice", "bob") column k
        Sample a = d.split(Split.TRAIN).get(0);
        assertThat(a.masks()).containsExactly(box(8, 8, 0, 8, 1, 2), box(8, 8, 0, 8, 2, 3), box(8, 8, 0, 8, 0, 1));
        assertThat(a.image()).isEqualTo(DataFixtures.grey(8, 8, "a".hashCode() & 0xff));
    }

    @Test
    void withoutSplitFoldersEveryImageLandsInOneSplit(@TempDir Path root) {
        for (int i = 0; i < 7; i++) {
            folderSample(root, "img" + i, "r1", "r2");
        }
        Dataset d = DatasetReader.read(root, OPTS.withSplitSeed(3));
        assertThat(d.split(Split.TRAIN).size() + d.split(Split.VAL).size() + d.split(Split.TEST).size()).isEqualTo(7);
        for (Split s : Split.values()) {
            assertThat(d.split(s)).as(s.folder()).isNotEmpty();
        }
        assertThat(d.annotators()).isEqualTo(2);
    }

    @Test
    void splitWithoutSplitFoldersIsFixedBySeedAndChangesWithIt(@TempDir Path root) {
        for (int i = 0; i < 10; i++) {
            folderSample(root, "img" + i, "r1");
        }
        List<List<String>> seed3 = idsPerSplit(DatasetReader.read(root, OPTS.withSplitSeed(3)));
        assertThat(idsPerSplit(DatasetReader.read(root, OPTS.withSplitSeed(3)))).isEqualTo(seed3);
        assertThat(idsPerSplit(DatasetReader.read(root, OPTS.withSplitSeed(4)))).isNotEqualTo(seed3);
    }

    private static List<List<String>> idsPerSplit(Dataset d) {
        return List.of(Split.values()).stream().map(s -> d.split(s).stream().map(Sample::id).toList()).toList();
    }

    @Test
    void groupRegexGroupsImagesOfOnePatient(@TempDir Path root) {
        for (int p = 0; p < 5; p++) {
            for (int i = 0; i < 2; i++) {
                folderSample(root, "P" + p + "_slice" + i, "r1");
            }
        }
        Dataset d = DatasetReader.read(root, OPTS.withGroupRegex("^(P\\d+)_"));
        for (Split s : Split.values()) {
            List<String> groups = d.split(s).stream().map(Sample::group).toList();
            assertThat(groups).hasSize(2 * (int) groups.stream().distinct().count());
        }
    }

    @Test
    void imageMissingOneAnnotatorsMaskNamesAnnotatorAndFile(@TempDir Path root) {
        threeSplits(root, "r1", "r2");
        DataFixtures.delete(root.resolve("val/masks/r2/c.png"));
        assertThatThrownBy(() -> DatasetReader.read(root, OPTS)).isInstanceOf(InputException.class)
                .hasMessage("image val/images/c.png has no annotation from annotator r2: expected val/masks/r2/c.png");
    }

    @Test
    void maskWithoutImageNamesIt(@TempDir Path root) {
        threeSplits(root, "r1");
        DataFixtures.writeBlank(root.resolve("test/masks/r1/zz.png"), 8, 8);
        assertThatThrownBy(() -> DatasetReader.read(root, OPTS)).isInstanceOf(InputException.class)
                .hasMessageContaining("annotation test/masks/r1/zz.png has no image")
                .hasMessageContaining("test/images/zz.png");
    }

    @Test
    void fileDirectlyInMasksIsAnError(@TempDir Path root) {
        threeSplits(root, "r1");
        DataFixtures.writeBlank(root.resolve("train/masks/a.png"), 8, 8);
        assertThatThrownBy(() -> DatasetReader.read(root, OPTS)).isInstanceOf(InputException.class)
                .hasMessageContaining("unexpected file train/masks/a.png")
                .hasMessageContaining("train/masks/<annotator>/a.png");
    }

    @Test
    void masksWithoutAnnotatorFoldersIsAnError(@TempDir Path root) {
        threeSplits(root, "r1");
        DataFixtures.delete(root.resolve("test/masks/r1"));
        assertThatThrownBy(() -> DatasetReader.read(root, OPTS)).isInstanceOf(InputException.class)
                .hasMessage("test/masks has no annotator folders: expected test/masks/<annotator>/<id>.png");
    }

    @Test
    void nonPngMaskIsAnError(@TempDir Path root) {
        threeSplits(root, "r1");
        DataFixtures.write(root.resolve("train/masks/r1/a.txt"), "x");
        assertThatThrownBy(() -> DatasetReader.read(root, OPTS)).isInstanceOf(InputException.class)
                .hasMessageContaining("unexpected file train/masks/r1/a.txt");
    }
}
