package dev.penumbra.data;

import dev.penumbra.InputException;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

/**
 * A dataset in memory: the samples of train, val and test.
 *
 * @param layout the layout it was read with ({@code isic}, {@code lidc}, {@code folder}, {@code lidc-hdf5})
 * @param root   the data folder, or the data file of a single-file layout ({@code data_lidc.hdf5})
 * @param splits the samples of each split, sorted by id; every split is present (possibly empty)
 */
public record Dataset(String layout, Path root, Map<Split, List<Sample>> splits) {

    public Dataset {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(root, "root");
        Map<Split, List<Sample>> copy = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            copy.put(s, List.copyOf(splits.getOrDefault(s, List.of())));
        }
        splits = Collections.unmodifiableMap(copy);
    }

    /** The samples of one split, sorted by id. */
    public List<Sample> split(Split split) {
        return splits.get(split);
    }

    /** Every sample: train, then val, then test. */
    public Stream<Sample> samples() {
        return splits.values().stream().flatMap(List::stream);
    }

    /** Channels C of every image (the reader checks they agree). */
    public int channels() {
        return first().image().channels();
    }

    /** The largest number of annotations L of any sample. */
    public int annotators() {
        return samples().mapToInt(Sample::annotators).max().orElse(0);
    }

    /** @throws InputException when images differ in height (read with a {@code --size} to make them agree) */
    public int height() {
        return common(s -> s.image().height());
    }

    /** @throws InputException when images differ in width (read with a {@code --size} to make them agree) */
    public int width() {
        return common(s -> s.image().width());
    }

    private int common(ToIntFunction<Sample> dimension) {
        Sample first = first();
        Sample other = samples().filter(s -> dimension.applyAsInt(s) != dimension.applyAsInt(first)).findFirst()
                .orElse(null);
        if (other != null) {
            throw new InputException("images in " + root + " differ in size: " + first.id() + " is "
                    + first.image().height() + "x" + first.image().width() + " but " + other.id() + " is "
                    + other.image().height() + "x" + other.image().width()
                    + "; give --size N to resize every image to N x N");
        }
        return dimension.applyAsInt(first);
    }

    private Sample first() {
        return samples().findFirst().orElseThrow(() -> new IllegalStateException("dataset " + root + " is empty"));
    }
}
