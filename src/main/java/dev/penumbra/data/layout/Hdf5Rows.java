package dev.penumbra.data.layout;

import dev.penumbra.InputException;
import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.dataset.DatasetBase;
import io.jhdf.exceptions.HdfException;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.message.DataLayout;
import io.jhdf.storage.HdfBackingStorage;

import java.math.BigInteger;
import java.nio.ByteBuffer;

/**
 * One row after another of an HDF5 array whose first axis counts samples ({@code images[i]}, {@code labels[i]}),
 * read through jhdf without holding the array: jhdf parses the file (data type, shape, storage layout) and decodes
 * the bytes of a row into a flat Java array ({@link io.jhdf.dataset.DatasetReader#readDataset}); this class only
 * chooses which bytes.
 * <ul>
 *   <li>Contiguous storage (what h5py writes without {@code chunks=} or {@code compression=}, as PHiSeg's
 *       {@code data_lidc.hdf5}): one read of the row's bytes at its address. jhdf's own slicing
 *       ({@link Dataset#getData(long[], int[])}) reads a contiguous array one run of its last axis at a time, which
 *       for labels laid out N x H x W x 4 is 16,384 reads of 4 bytes per image.</li>
 *   <li>Chunked storage, compressed or not (gzip, shuffle, lzf, ... as jhdf's filters decode): the rows of one
 *       chunk along the first axis are read together, each chunk decompressed once by jhdf, and kept until a row
 *       outside them is asked for (see {@link #chunkedBlock}).</li>
 *   <li>Compact storage (tiny arrays inside the object header): read whole once.</li>
 * </ul>
 * At most one block of rows is held, as the file's bytes: with the published file's contiguous storage none (a row
 * is 128 KiB for an image of 128 x 128 float64 and 64 KiB for its four uint8 labels), with chunked storage at most
 * 32 MiB. Rows are cheapest asked for in increasing order: then every chunk is decompressed once.
 */
final class Hdf5Rows {

    /** The most bytes of one block of chunked rows kept at once (as stored; a row is decoded when asked for). */
    private static final long MAX_BLOCK_BYTES = 32L << 20;

    private final Dataset dataset;
    private final String shown;
    private final HdfBackingStorage storage;
    private final DataType type;
    private final int rows;
    private final int rowElements;
    private final long rowBytes;
    private final int blockRows;
    private int blockStart;
    private int blockCount;
    private byte[] block;

    /**
     * @param dataset an array of rank >= 2 whose first axis is the row
     * @param shown   how messages name it, e.g. {@code data_lidc.hdf5 /train/images}
     */
    Hdf5Rows(Dataset dataset, String shown) {
        this.dataset = dataset;
        this.shown = shown;
        this.storage = dataset.getHdfFile().getHdfBackingStorage();
        this.type = dataset.getDataType();
        int[] dims = dataset.getDimensions();
        this.rows = dims[0];
        long elements = 1;
        for (int d = 1; d < dims.length; d++) {
            elements *= dims[d];
        }
        if (elements > Integer.MAX_VALUE / 8) {
            throw new InputException(shown + " has rows of " + elements + " values: too large to read");
        }
        this.rowElements = (int) elements;
        this.rowBytes = elements * type.getSize();
        int chunkRows = dataset instanceof ChunkedDataset c ? c.getChunkDimensions()[0] : 1;
        this.blockRows = (int) Math.max(1, Math.min(chunkRows, MAX_BLOCK_BYTES / Math.max(1, rowBytes)));
    }

    int rows() {
        return rows;
    }

    /**
     * Row {@code row} as jhdf decodes it: a flat array of {@code rowElements} values, {@code double[]} or
     * {@code float[]} for floats, {@code byte[]}, {@code short[]}, {@code int[]} or {@code long[]} for signed
     * integers, and the next wider type for unsigned ones ({@code int[]} for uint8 and uint16).
     *
     * @throws InputException when the file cannot be read there (truncated, corrupt, or a filter jhdf lacks)
     */
    Object row(int row) {
        try {
            DataLayout layout = dataset.getDataLayout();
            if (layout == DataLayout.CONTIGUOUS && dataset instanceof ContiguousDataset c) {
                return contiguous(c, row);
            }
            if (!(dataset instanceof DatasetBase base)) {
                throw new InputException(shown + " is stored in a way this reader does not support ("
                        + dataset.getClass().getSimpleName() + ")");
            }
            if (block == null || row < blockStart || row >= blockStart + blockCount) {
                block = null; // let the old block go before the new one is read
                if (layout == DataLayout.CHUNKED && dataset instanceof ChunkedDataset chunked) {
                    int start = row / blockRows * blockRows;
                    int count = Math.min(blockRows, rows - start);
                    block = chunkedBlock(chunked, start, count);
                    blockStart = start;
                    blockCount = count;
                } else { // compact: the whole (tiny) array
                    ByteBuffer all = base.getDataBuffer();
                    block = new byte[all.remaining()];
                    all.get(block);
                    blockStart = 0;
                    blockCount = rows;
                }
            }
            // the raw bytes of the row, decoded by jhdf: the block stays as compact as the file's bytes
            ByteBuffer bytes = ByteBuffer.wrap(block, Math.toIntExact((row - blockStart) * rowBytes), (int) rowBytes)
                    .slice();
            return io.jhdf.dataset.DatasetReader.readDataset(type, bytes, rowElements, storage);
        } catch (HdfException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new InputException("cannot read row " + row + " of " + shown + ": " + e.getMessage()
                    + " (is the file truncated or damaged?)", e);
        }
    }

    private Object contiguous(ContiguousDataset c, int row) {
        long address = c.getDataAddress();
        if (address < 0) { // HDF5's undefined address: the array was created but never written
            throw new InputException(shown + " stores no data (the array was created but never written)");
        }
        ByteBuffer bytes = storage.readBufferFromAddress(address + row * rowBytes, (int) rowBytes);
        return io.jhdf.dataset.DatasetReader.readDataset(type, bytes, rowElements, storage);
    }

    /**
     * Rows {@code [start, start + count)} of a chunked array, as bytes in row-major order: each chunk that overlaps
     * them decompressed once ({@link ChunkedDataset#getDecompressedChunk}, which takes a chunk's offset in
     * elements), and its part copied in. A chunk that was never written holds HDF5's default fill value, 0.
     * jhdf 0.9.4's own slice reader is not used: it looks chunks up by their index in the chunk grid instead of
     * their offset, and so returns zeros for every chunk but the first along an axis that is cut into chunks.
     */
    private byte[] chunkedBlock(ChunkedDataset chunked, int start, int count) {
        int[] dims = dataset.getDimensions();
        int[] chunk = chunked.getChunkDimensions();
        int rank = dims.length;
        int size = type.getSize();
        int[] region = dims.clone(); // the block: count rows of the full other axes
        region[0] = count;
        byte[] out = new byte[Math.toIntExact(count * rowBytes)];
        int[] regionStride = strides(region);
        int[] chunkStride = strides(chunk);
        // every chunk offset that overlaps the block: axis 0 from the chunk holding start, the others from 0
        int[] offset = new int[rank];
        offset[0] = start / chunk[0] * chunk[0];
        while (true) {
            byte[] data = decompressed(chunked, offset);
            if (data != null) {
                copyChunk(data, offset, chunk, chunkStride, dims, start, count, region, regionStride, size, out);
            }
            int d = rank - 1;
            while (d >= 0) {
                offset[d] += chunk[d];
                int end = d == 0 ? start + count : dims[d];
                if (offset[d] < end) {
                    break;
                }
                offset[d] = d == 0 ? start / chunk[0] * chunk[0] : 0;
                d--;
            }
            if (d < 0) {
                break;
            }
        }
        return out;
    }

    /** The chunk at {@code offset} decompressed, or null for a chunk never written. */
    private static byte[] decompressed(ChunkedDataset chunked, int[] offset) {
        try {
            return chunked.getDecompressedChunk(offset.clone());
        } catch (HdfException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("No chunk with offset")) {
                return null;
            }
            throw e;
        }
    }

    /** Copies the part of one chunk that lies in the block, one run along the last axis at a time. */
    private static void copyChunk(byte[] data, int[] offset, int[] chunk, int[] chunkStride, int[] dims, int start,
                                  int count, int[] region, int[] regionStride, int size, byte[] out) {
        int rank = dims.length;
        int[] lo = new int[rank];
        int[] hi = new int[rank];
        for (int d = 0; d < rank; d++) {
            int from = d == 0 ? start : 0;
            int to = d == 0 ? start + count : dims[d];
            lo[d] = Math.max(offset[d], from);
            hi[d] = Math.min(offset[d] + chunk[d], to);
            if (lo[d] >= hi[d]) {
                return;
            }
        }
        int run = (hi[rank - 1] - lo[rank - 1]) * size;
        int[] at = lo.clone();
        while (true) {
            long src = 0;
            long dst = 0;
            for (int d = 0; d < rank; d++) {
                src += (long) (at[d] - offset[d]) * chunkStride[d];
                dst += (long) (at[d] - (d == 0 ? start : 0)) * regionStride[d];
            }
            System.arraycopy(data, (int) (src * size), out, (int) (dst * size), run);
            int d = rank - 2;
            while (d >= 0) {
                at[d]++;
                if (at[d] < hi[d]) {
                    break;
                }
                at[d] = lo[d];
                d--;
            }
            if (d < 0) {
                return;
            }
        }
    }

    /** Row-major strides in elements. */
    private static int[] strides(int[] shape) {
        int[] out = new int[shape.length];
        int stride = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            out[d] = stride;
            stride *= shape[d];
        }
        return out;
    }

    /** A flat array of floats as doubles. */
    static double[] doubles(Object flat) {
        if (flat instanceof double[] a) {
            return a;
        }
        if (flat instanceof float[] a) {
            double[] out = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i];
            }
            return out;
        }
        throw new IllegalArgumentException("not a floating-point array: " + flat.getClass().getSimpleName());
    }

    /** A flat array of integers as longs (uint64 beyond the range of long saturates at Long.MAX_VALUE). */
    static long[] longs(Object flat) {
        if (flat instanceof long[] a) {
            return a;
        }
        int n = java.lang.reflect.Array.getLength(flat);
        long[] out = new long[n];
        if (flat instanceof byte[] a) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i];
            }
        } else if (flat instanceof short[] a) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i];
            }
        } else if (flat instanceof int[] a) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i];
            }
        } else if (flat instanceof BigInteger[] a) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i].bitLength() < 64 ? a[i].longValue() : Long.MAX_VALUE;
            }
        } else {
            throw new IllegalArgumentException("not an integer array: " + flat.getClass().getSimpleName());
        }
        return out;
    }
}
