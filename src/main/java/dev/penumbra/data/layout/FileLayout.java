package dev.penumbra.data.layout;

import dev.penumbra.data.DataOptions;
import dev.penumbra.data.DatasetFiles;
import dev.penumbra.data.Sample;
import dev.penumbra.data.Split;

import java.util.function.BiConsumer;

/**
 * A layout whose whole dataset is one file rather than a folder of image files (e.g. {@code data_lidc.hdf5}). Its
 * {@link #recognises} reads the file's signature, its {@link #scan} finds every sample's place in the file (a
 * {@link SampleFiles} whose image and masks are the file and whose {@code row} is set), and since there are no image
 * files to decode, it decodes its samples itself with {@link #load}, to the same rules as the folder layouts
 * (binary masks or {@code --mask-threshold}, {@code --classes}, {@code --size}).
 */
public interface FileLayout extends DatasetLayout {

    /**
     * Decodes the samples that {@link #scan} found, train, then val, then test, handing each to {@code sink}: within
     * a split in the order that reads the file fastest (for HDF5, its row order, so that every compressed chunk is
     * decompressed once), not necessarily in id order.
     *
     * @throws dev.penumbra.InputException naming the split, row and what was found, for the first bad sample
     */
    void load(DatasetFiles files, DataOptions opts, BiConsumer<Split, Sample> sink);
}
