package dev.penumbra.data;

import dev.penumbra.InputException;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Keeps a dataset that is read whole into the heap within a share of it, so that data too large for the heap is a
 * clear message with the heap it would need, not an {@link OutOfMemoryError} in the middle of reading.
 */
final class HeapBudget {

    /** The share of the maximal heap a dataset may hold; the rest is for training, evaluation and figures. */
    static final double SHARE = 0.7;
    private static final double GIB = 1024.0 * 1024 * 1024;

    private final Path root;
    private final int total;
    private final long limit;
    private long held;
    private int read;

    /**
     * @param root    the data folder, for the message
     * @param total   the number of samples that will be read
     * @param maxHeap the heap's limit in bytes ({@link Runtime#maxMemory()})
     */
    HeapBudget(Path root, int total, long maxHeap) {
        this.root = root;
        this.total = total;
        this.limit = (long) (maxHeap * SHARE);
    }

    /** @throws InputException once the samples read so far hold more than {@link #SHARE} of the heap */
    void add(Sample sample) {
        held += bytes(sample);
        read++;
        if (held > limit) {
            double needed = (double) held / read * total;
            int heap = (int) Math.ceil(needed / SHARE / GIB) + 1;
            throw new InputException(String.format(Locale.ROOT, "data %s: after %d of %d images the dataset holds"
                    + " %.1f GiB, more than %.0f%% of the Java heap (%.1f GiB); all %d would need about %.1f GiB."
                    + " Give Penumbra more heap (e.g. PENUMBRA_JAVA_OPTS=-Xmx%dg ./penumbra ...) or read smaller"
                    + " images with --size", root, read, total, held / GIB, SHARE * 100, limit / SHARE / GIB, total,
                    needed / GIB, heap));
        }
    }

    /** Bytes held: the image's pixel storage and one byte per mask pixel. */
    static long bytes(Sample sample) {
        long masks = 0;
        for (Mask m : sample.masks()) {
            masks += (long) m.height() * m.width();
        }
        return sample.image().storageBytes() + masks;
    }
}
