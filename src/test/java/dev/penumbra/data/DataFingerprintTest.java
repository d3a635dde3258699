package dev.penumbra.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penumbra.data.synthetic.SyntheticData;
import dev.penumbra.data.synthetic.SyntheticKind;
import dev.penumbra.data.synthetic.SyntheticOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFingerprintTest {

    private static final SyntheticOptions TINY = new SyntheticOptions(32, 4, 2, 2, 7);

    private static DataFingerprint of(Path root, boolean withTimes) {
        return DataFingerprint.of(DatasetReader.scan(root, DataOptions.defaults()), withTimes);
    }

    @Test
    void generatedDataFingerprintsTheSameWhereverAndWheneverItIsMade(@TempDir Path tmp) throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("elsewhere/b");
        SyntheticData.write(SyntheticKind.AMBIGUOUS, TINY, a);
        SyntheticData.write(SyntheticKind.AMBIGUOUS, TINY, b);
        try (var files = Files.walk(b)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(p, FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
            }
        }
        assertThat(of(b, false)).isEqualTo(of(a, false));
        assertThat(of(b, true).sha256()).isNotEqualTo(of(a, true).sha256());
        // images and masks of 8 samples, each with its annotators' masks
        assertThat(of(a, false).files()).isGreaterThan(8);
    }

    @Test
    void aTouchedOrRemovedFileChangesTheFingerprintAndTheDifferenceSaysHow(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("d");
        SyntheticData.write(SyntheticKind.AMBIGUOUS, TINY, root);
        DataFingerprint before = of(root, true);
        assertThat(of(root, true)).isEqualTo(before);

        Path image = DatasetReader.scan(root, DataOptions.defaults()).split(Split.TRAIN).get(0).image();
        Files.setLastModifiedTime(image, FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
        DataFingerprint touched = of(root, true);
        assertThat(touched.sha256()).isNotEqualTo(before.sha256());
        assertThat(touched.differenceFrom(before)).contains("as many files (" + before.files() + ")")
                .contains("touched");

        Files.writeString(image, "not the same bytes");
        assertThat(of(root, false).differenceFrom(before)).contains("bytes, not " + before.bytes());
    }

    @Test
    void aFolderOfImagesIsFingerprintedByItsFilesAndChangesWhenOneIsTouchedOrAdded(@TempDir Path tmp)
            throws Exception {
        Path dir = tmp.resolve("scans");
        DataFixtures.writeGrey(dir.resolve("a.png"), 8, 8, 1);
        DataFixtures.writeGrey(dir.resolve("b.png"), 8, 8, 2);
        DataFingerprint before = ImageFolder.scan(dir, "--images").fingerprint();
        assertThat(before.files()).isEqualTo(2);
        assertThat(before.bytes()).isEqualTo(Files.size(dir.resolve("a.png")) + Files.size(dir.resolve("b.png")));
        assertThat(ImageFolder.scan(dir, "--images").fingerprint()).isEqualTo(before);

        Files.setLastModifiedTime(dir.resolve("a.png"), FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
        DataFingerprint touched = ImageFolder.scan(dir, "--images").fingerprint();
        assertThat(touched.sha256()).isNotEqualTo(before.sha256());
        DataFixtures.writeGrey(dir.resolve("c.png"), 8, 8, 3);
        assertThat(ImageFolder.scan(dir, "--images").fingerprint().files()).isEqualTo(3);
    }
}
