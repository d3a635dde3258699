package dev.penumbra.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void writtenFilesAreReadableByOthersLikeAnyUserFile(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("report.html");
        AtomicFiles.writeString(file, "<html></html>");
        assertThat(file).hasContent("<html></html>");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("table.csv");
        AtomicFiles.writeString(file, "old");
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("half".getBytes());
            throw new IllegalStateException("disk full");
        })).hasMessageContaining("disk full");
        assertThat(file).hasContent("old");
        try (var files = Files.list(tmp)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void csvCellsAreQuotedWhereNeeded(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("t.csv");
        CsvFiles.write(file, java.util.List.of("id", "value"), java.util.List.of(
                new Object[] {"a,b", 0.5}, new Object[] {"plain", 2}));
        assertThat(Files.readAllLines(file)).containsExactly("id,value", "\"a,b\",0.5", "plain,2");
    }
}
