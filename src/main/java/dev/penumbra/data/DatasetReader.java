package dev.penumbra.data;

import dev.penumbra.InputException;
import dev.penumbra.data.layout.DatasetLayout;
import dev.penumbra.data.layout.DatasetLayouts;
import dev.penumbra.data.layout.FileLayout;
import dev.penumbra.data.layout.SampleFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Reads a dataset from disk in two steps: {@link #scan} finds and pairs the files (choosing or detecting the
 * layout), {@link #load} decodes them one sample at a time. The dataset is a folder, or one file in a single-file
 * layout ({@code data_lidc.hdf5}, layout {@code lidc-hdf5}). {@link #read} does both and keeps every sample in
 * memory (8-bit images at one byte per value, see {@link Image#compact()}), within {@link HeapBudget#SHARE} of the
 * heap; {@link DatasetSummary#summarise(Path, DataOptions)} streams instead, for data too large to hold.
 *
 * <p>Every problem is one {@link InputException} naming the file or folder, what was found and what was expected;
 * the first problem in split and id order is reported.
 */
public final class DatasetReader {

    private DatasetReader() {
    }

    /**
     * Reads every sample.
     *
     * @return the dataset; images C x H x W in [0, 1] and binary masks, {@code size x size} when
     *     {@code opts.size() > 0}, else at their native size; each split sorted by id
     */
    public static Dataset read(Path root, DataOptions opts) {
        DatasetFiles files = scan(root, opts);
        Map<Split, List<Sample>> splits = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            splits.put(s, new ArrayList<>());
        }
        int total = 0;
        for (Split s : Split.values()) {
            total += files.split(s).size();
        }
        HeapBudget budget = new HeapBudget(root, total, Runtime.getRuntime().maxMemory());
        load(files, opts, (split, sample) -> {
            budget.add(sample);
            splits.get(split).add(sample);
        });
        splits.values().forEach(l -> l.sort(Comparator.comparing(Sample::id))); // a file layout loads in file order
        return new Dataset(files.layout(), files.root(), splits);
    }

    /**
     * Finds the layout ({@code opts.layout()}, else the one that recognises {@code root}) and the files of every
     * sample, without decoding any.
     */
    public static DatasetFiles scan(Path root, DataOptions opts) {
        if (!Files.exists(root)) {
            throw new InputException("data folder " + root + " does not exist");
        }
        // a file is a dataset only in a single-file layout (data_lidc.hdf5); choose says so when it is none
        DatasetLayout layout = DatasetLayouts.choose(root, opts.layout());
        Map<Split, List<SampleFiles>> files = layout.scan(root, opts);
        DatasetFiles found = new DatasetFiles(layout.name(), root, files);
        checkUniqueIds(found);
        return found;
    }

    /**
     * Decodes the samples of train, val and test and hands each to {@code sink}: image files one after another in
     * id order, or, for a single-file layout ({@link FileLayout}), through that layout, in the file's order.
     */
    public static void load(DatasetFiles files, DataOptions opts, BiConsumer<Split, Sample> sink) {
        if (DatasetLayouts.byName(files.layout()) instanceof FileLayout single) {
            single.load(files, opts, sink);
            return;
        }
        SampleLoader loader = new SampleLoader(files.root(), opts);
        for (Split split : Split.values()) {
            for (SampleFiles f : files.split(split)) {
                sink.accept(split, loader.load(f));
            }
        }
    }

    /** An image id in two splits is the same image evaluated on what it was trained on. */
    private static void checkUniqueIds(DatasetFiles files) {
        Map<String, SampleFiles> seen = new HashMap<>();
        for (Split split : Split.values()) {
            for (SampleFiles f : files.split(split)) {
                SampleFiles before = seen.putIfAbsent(f.id(), f);
                if (before != null) {
                    throw new InputException("image id " + f.id() + " appears twice: " + files.show(before.image())
                            + " and " + files.show(f.image()) + "; each image must be in one split only");
                }
            }
        }
    }
}
