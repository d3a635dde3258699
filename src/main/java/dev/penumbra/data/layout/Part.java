package dev.penumbra.data.layout;

import dev.penumbra.InputException;
import dev.penumbra.data.DatasetFiles;
import dev.penumbra.data.Split;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One folder that holds {@code images/} and an annotation folder: a split folder, or the data root itself when the
 * data has no split folders.
 *
 * @param root  the data folder the user gave, against which messages show paths
 * @param dir   this part's folder
 * @param split the split this folder is, or empty for the unsplit data root
 */
record Part(Path root, Path dir, Optional<Split> split) {

    /** "split train", or "data folder ROOT" for unsplit data. */
    String describe() {
        return split.map(s -> "split " + s.folder()).orElse("data folder " + dir);
    }

    /** The sub-folder {@code name}, which must exist. */
    Path require(String name) {
        Path sub = dir.resolve(name);
        if (!Files.isDirectory(sub)) {
            throw new InputException(describe() + " has no " + name + " folder: expected " + sub);
        }
        return sub;
    }

    /** {@code file} relative to the data folder, as messages show it (e.g. {@code train/images/0042.png}). */
    String show(Path file) {
        return DatasetFiles.relative(root, file);
    }
}
