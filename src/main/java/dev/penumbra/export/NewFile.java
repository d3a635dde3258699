package dev.penumbra.export;

import dev.penumbra.InputException;
import dev.penumbra.io.AtomicFiles;
import dev.penumbra.io.TempNames;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file written atomically that never replaces one already there: the bytes go to a hidden sibling
 * ({@link AtomicFiles}), which is then hard-linked to the target name, an operation that fails when the name is
 * taken, even by a file that appeared meanwhile. Where the file system has no hard links it is moved without
 * replacing instead (checked, then renamed: a narrow race that only a concurrent writer of the same name can hit).
 */
final class NewFile {

    private NewFile() {
    }

    /**
     * @param option the option that named {@code target}, for the message
     * @throws InputException when {@code target} exists
     */
    static void write(Path target, String option, AtomicFiles.Body body) {
        Path staged = target.toAbsolutePath().resolveSibling(TempNames.beside(target, "partial"));
        AtomicFiles.write(staged, body);
        try {
            link(staged, target);
        } catch (FileAlreadyExistsException e) {
            throw exists(option, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(staged);
            } catch (IOException ignored) {
                // the target is written (or the error above says why not); a hidden leftover is harmless
            }
        }
    }

    private static void link(Path staged, Path target) throws IOException {
        try {
            Files.createLink(target, staged);
        } catch (FileAlreadyExistsException taken) {
            throw taken;
        } catch (UnsupportedOperationException | IOException noLinks) {
            Files.move(staged, target); // without REPLACE_EXISTING: fails when the name is taken
        }
    }

    static InputException exists(String option, Path target) {
        return new InputException(option + " " + target + " already exists; choose another file name, or add"
                + " --overwrite to replace it");
    }
}
