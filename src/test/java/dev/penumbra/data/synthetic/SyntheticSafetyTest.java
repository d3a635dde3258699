package dev.penumbra.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penumbra.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator never writes over what is already in the output folder. */
class SyntheticSafetyTest {

    private static final SyntheticOptions SMALL = new SyntheticOptions(16, 2, 1, 1, 9L);

    @TempDir
    Path tmp;

    @Test
    void secondWriteWithSameOptionsReusesTheFolder() throws IOException {
        Path out = tmp.resolve("data");
        SyntheticManifest first = SyntheticData.write(SyntheticKind.AMBIGUOUS, SMALL, out);
        Path image = out.resolve("LIDC_crops/LIDC_DLCV_version/train/images/SYN-0000_c0.png");
        BasicFileAttributes before = Files.readAttributes(image, BasicFileAttributes.class);
        Map<String, byte[]> files = SyntheticTrees.files(out);

        SyntheticManifest second = SyntheticData.write(SyntheticKind.AMBIGUOUS, SMALL, out);

        assertThat(second).isEqualTo(first);
        BasicFileAttributes after = Files.readAttributes(image, BasicFileAttributes.class);
        assertThat(after.fileKey()).as("the same file, not a regenerated one").isEqualTo(before.fileKey());
        assertThat(SyntheticTrees.files(out).keySet()).isEqualTo(files.keySet());
        assertThat(SyntheticTrees.names(tmp)).containsExactly("data");
    }

    @Test
    void foreignFolderIsRefusedAndLeftUntouched() throws IOException {
        Path out = tmp.resolve("mine");
        Files.createDirectory(out);
        Files.writeString(out.resolve("notes.txt"), "do not lose me");

        assertThatThrownBy(() -> SyntheticData.write(SyntheticKind.UNAMBIGUOUS, SMALL, out))
                .isInstanceOf(InputException.class)
                .hasMessage("output folder " + out + " is not empty and was not made by make-synthetic with these"
                        + " settings; choose another --out");

        assertThat(SyntheticTrees.names(out)).containsExactly("notes.txt");
        assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("do not lose me");
        assertThat(SyntheticTrees.names(tmp)).as("no temporary folder left behind").containsExactly("mine");
    }

    @Test
    void folderMadeWithOtherSettingsIsRefusedAndLeftUntouched() {
        Path out = tmp.resolve("data");
        SyntheticData.write(SyntheticKind.AMBIGUOUS, SMALL, out);
        Map<String, byte[]> before = SyntheticTrees.files(out);

        assertThatThrownBy(() -> SyntheticData.write(SyntheticKind.AMBIGUOUS, new SyntheticOptions(16, 2, 1, 1, 10L), out))
                .isInstanceOf(InputException.class).hasMessageContaining(out.toString());
        assertThatThrownBy(() -> SyntheticData.write(SyntheticKind.UNAMBIGUOUS, SMALL, out))
                .isInstanceOf(InputException.class).hasMessageContaining(out.toString());

        Map<String, byte[]> after = SyntheticTrees.files(out);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void damagedManifestIsRefused() throws IOException {
        Path out = tmp.resolve("data");
        Files.createDirectory(out);
        Files.writeString(out.resolve(SyntheticManifest.FILE_NAME), "{ not json");

        assertThatThrownBy(() -> SyntheticData.write(SyntheticKind.AMBIGUOUS, SMALL, out))
                .isInstanceOf(InputException.class).hasMessageContaining(out.toString());
        assertThat(Files.readString(out.resolve(SyntheticManifest.FILE_NAME))).isEqualTo("{ not json");
    }

    @Test
    void emptyFolderIsReplacedAndMissingParentsAreCreated() throws IOException {
        Path empty = tmp.resolve("empty");
        Files.createDirectory(empty);
        Path nested = tmp.resolve("a/b/c");

        SyntheticData.write(SyntheticKind.UNAMBIGUOUS, SMALL, empty);
        SyntheticData.write(SyntheticKind.UNAMBIGUOUS, SMALL, nested);

        assertThat(SyntheticManifest.read(empty)).contains(SyntheticManifest.of(SyntheticKind.UNAMBIGUOUS, SMALL));
        assertThat(SyntheticTrees.names(empty)).containsExactly("synthetic.json", "test", "train", "val");
        assertThat(SyntheticTrees.names(nested)).containsExactly("synthetic.json", "test", "train", "val");
        assertThat(SyntheticTrees.names(tmp)).containsExactly("a", "empty");
    }

    @Test
    void fileInPlaceOfTheFolderIsRefused() throws IOException {
        Path out = tmp.resolve("data");
        Files.writeString(out, "a file");

        assertThatThrownBy(() -> SyntheticData.write(SyntheticKind.AMBIGUOUS, SMALL, out))
                .isInstanceOf(InputException.class).hasMessageContaining(out.toString()).hasMessageContaining("file");
        assertThat(Files.readString(out)).isEqualTo("a file");
    }
}
