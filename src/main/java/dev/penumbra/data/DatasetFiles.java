package dev.penumbra.data;

import dev.penumbra.data.layout.DatasetLayouts;
import dev.penumbra.data.layout.SampleFiles;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A scanned dataset whose files are paired and named but not yet decoded: what {@link DatasetReader#scan} finds.
 *
 * @param layout the layout's short name
 * @param root   the data folder as given, or the data file of a single-file layout
 * @param files  the sample files of each split (all three present), sorted by id
 */
public record DatasetFiles(String layout, Path root, Map<Split, List<SampleFiles>> files) {

    public DatasetFiles {
        Map<Split, List<SampleFiles>> copy = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            copy.put(s, files.getOrDefault(s, List.of()).stream()
                    .sorted(Comparator.comparing(SampleFiles::id)).toList());
        }
        files = Collections.unmodifiableMap(copy);
    }

    /** {@code file} as messages show it: relative to {@link #root()} when below it. */
    public String show(Path file) {
        return relative(root, file);
    }

    /** {@code file} relative to {@code root} when it lies below it, else as given. */
    public static String relative(Path root, Path file) {
        Path r = root.toAbsolutePath().normalize();
        Path f = file.toAbsolutePath().normalize();
        return f.startsWith(r) && !f.equals(r) ? r.relativize(f).toString() : file.toString();
    }

    /**
     * Whether the dataset is one file ({@link #root()} is that file, e.g. {@code data_lidc.hdf5}) rather than a
     * folder of image and mask files.
     */
    public boolean singleFile() {
        return DatasetLayouts.isFileLayout(layout);
    }

    /** The files of one split, sorted by id. */
    public List<SampleFiles> split(Split split) {
        return files.get(split);
    }
}
