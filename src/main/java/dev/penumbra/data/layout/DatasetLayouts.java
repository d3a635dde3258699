package dev.penumbra.data.layout;

import dev.penumbra.InputException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The registry of dataset layouts by short name: the folder layouts {@code isic}, {@code isic-challenge},
 * {@code lidc}, {@code lidc-kohl}, {@code folder}, and the single-file layout {@code lidc-hdf5} ({@link FileLayout}).
 * A folder is matched against the folder layouts, a file against the single-file ones.
 */
public final class DatasetLayouts {

    private static final List<DatasetLayout> ALL = List.of(new IsicLayout(), new IsicChallengeLayout(),
            new LidcLayout(), new KohlLidcLayout(), new FolderLayout(), new LidcHdf5Layout());

    private DatasetLayouts() {
    }

    /** Every layout, in a fixed order. */
    public static List<DatasetLayout> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(DatasetLayout::name).toList();
    }

    /** @throws InputException for an unknown name, listing the valid ones */
    public static DatasetLayout byName(String name) {
        return ALL.stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow(() -> new InputException(
                "unknown --layout '" + name + "': expected one of " + String.join(", ", names())));
    }

    /** Whether the layout of this name reads one file rather than a folder; false for an unknown name. */
    public static boolean isFileLayout(String name) {
        return ALL.stream().anyMatch(l -> l.name().equals(name) && l instanceof FileLayout);
    }

    /**
     * The layout {@code forced} names, checked against {@code root}, or else the one layout that recognises
     * {@code root}: among the folder layouts when {@code root} is a folder, among the single-file layouts when it
     * is a file.
     *
     * @throws InputException when the forced layout does not fit, or when no layout or more than one fits
     */
    public static DatasetLayout choose(Path root, Optional<String> forced) {
        boolean file = !Files.isDirectory(root);
        if (forced.isPresent()) {
            DatasetLayout layout = byName(forced.get());
            if (layout instanceof FileLayout && !file) {
                throw new InputException("--layout " + layout.name() + " reads one file, but " + root
                        + " is a folder: give --data the file itself (expected " + layout.expected(root) + ")");
            }
            if (!(layout instanceof FileLayout) && file) {
                throw new InputException("data folder " + root + " is a file, but --layout " + layout.name()
                        + " reads a folder: expected " + layout.expected(root));
            }
            if (!layout.recognises(root)) {
                throw new InputException((file ? "data file " : "data folder ") + root + " does not look like a "
                        + layout.name() + " dataset (--layout " + layout.name() + "): expected "
                        + layout.expected(root));
            }
            return layout;
        }
        List<DatasetLayout> kind = ALL.stream().filter(l -> (l instanceof FileLayout) == file).toList();
        List<DatasetLayout> found = kind.stream().filter(l -> l.recognises(root)).toList();
        if (found.isEmpty() && file) {
            throw new InputException("data folder " + root + " is a file, and not one Penumbra reads: expected a"
                    + " dataset folder, or " + kind.stream().map(l -> l.expected(root) + " (layout " + l.name() + ")")
                    .collect(Collectors.joining(", or ")) + "; this file has no HDF5 signature");
        }
        if (found.isEmpty()) {
            throw new InputException("no known dataset layout in " + root + ":\n"
                    + kind.stream().map(l -> "  " + l.name() + " expects " + l.expected(root))
                    .collect(Collectors.joining("\n"))
                    + "\n  (or give --data one HDF5 file, such as data_lidc.hdf5: layout "
                    + ALL.stream().filter(l -> l instanceof FileLayout).map(DatasetLayout::name)
                    .collect(Collectors.joining(", ")) + ")");
        }
        if (found.size() > 1) {
            throw new InputException("data " + (file ? "file " : "folder ") + root + " fits several layouts ("
                    + found.stream().map(DatasetLayout::name).collect(Collectors.joining(", "))
                    + "): give --layout to choose one");
        }
        return found.get(0);
    }
}
