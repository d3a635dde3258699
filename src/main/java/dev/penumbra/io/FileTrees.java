package dev.penumbra.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing folders that Penumbra itself wrote (partial outputs of an interrupted unit, a replaced demo). */
public final class FileTrees {

    private FileTrees() {
    }

    /**
     * The name a dataset or folder is shown by: the last part of the path ({@code data/isic} gives {@code isic},
     * {@code .} gives the current folder's name), or the path as given when it has none ({@code /}).
     */
    public static String nameOf(String path) {
        Path p = Path.of(path).toAbsolutePath().normalize().getFileName();
        return p == null ? path : p.toString();
    }

    /** Deletes {@code root} and everything below it; nothing happens when it does not exist. */
    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root + ": " + e.getMessage(), e);
        }
    }
}
