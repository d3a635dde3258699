package dev.penumbra.data.synthetic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Writes the files of a scene plainly, one open-write-close each. {@link SyntheticData} builds the whole data set in
 * a temporary folder and moves it into place at once, so the per-file atomic writes of {@code AtomicFiles} (a
 * temporary file, its permissions, a rename: six more file operations) would buy nothing; with 38 files per
 * ambiguous image they were most of the generation time.
 */
final class SceneFiles {

    private SceneFiles() {
    }

    /** Writes {@code bytes} to {@code file}, creating its folder on first use. */
    static void write(Path file, byte[] bytes) {
        try {
            try {
                Files.write(file, bytes);
            } catch (NoSuchFileException e) {
                Files.createDirectories(file.getParent());
                Files.write(file, bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
