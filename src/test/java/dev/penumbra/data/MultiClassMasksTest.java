package dev.penumbra.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penumbra.InputException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultiClassMasksTest {

    @Test
    void classIndexMasksAreReadAsTheyAre(@TempDir Path tmp) {
        Path file = DataFixtures.writeLevels(tmp.resolve("m.png"), new int[][] {{0, 1, 2}, {2, 1, 0}});
        Mask m = MaskReader.readClasses(file, "m.png", 3);
        assertThat(m.pixels()).containsExactly(0, 1, 2, 2, 1, 0);
        assertThat(m.foreground()).isEqualTo(4);
    }

    @Test
    void aValueBeyondTheClassesIsAnErrorNamingFileAndPixel(@TempDir Path tmp) {
        Path file = DataFixtures.writeLevels(tmp.resolve("m.png"), new int[][] {{0, 1}, {3, 0}});
        assertThatThrownBy(() -> MaskReader.readClasses(file, "train/masks/a/m.png", 3))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("train/masks/a/m.png").hasMessageContaining("value 3")
                .hasMessageContaining("(1, 0)").hasMessageContaining("0 to 2");
    }

    @Test
    void classesAndAThresholdDoNotMix() {
        assertThatThrownBy(() -> DataOptions.defaults().withMaskThreshold(0.5).withClasses(3))
                .isInstanceOf(InputException.class).hasMessageContaining("--classes 3");
        assertThatThrownBy(() -> DataOptions.defaults().withClasses(1))
                .isInstanceOf(InputException.class).hasMessageContaining("--classes");
    }

    @Test
    void aFolderDatasetWithThreeClassesLoads(@TempDir Path root) {
        for (String split : List.of("train", "val", "test")) {
            for (String id : List.of(split + "1", split + "2")) {
                DataFixtures.writeGrey(root.resolve(split + "/images/" + id + ".png"), 2, 3, 1);
                DataFixtures.writeLevels(root.resolve(split + "/masks/r1/" + id + ".png"),
                        new int[][] {{0, 1, 2}, {2, 1, 0}});
            }
        }
        Dataset d = DatasetReader.read(root, DataOptions.defaults().withClasses(3));
        assertThat(d.split(Split.TRAIN).get(0).masks().get(0).pixels()).containsExactly(0, 1, 2, 2, 1, 0);
        assertThat(DataOptions.defaults().withClasses(3).maskThreshold()).isEqualTo(OptionalDouble.empty());
    }
}
