package dev.penumbra.data;

import java.util.Arrays;

/**
 * An image as C x H x W intensities in [0, 1], channel-major ({@code (c * height + y) * width + x}).
 *
 * <p>Held in one of two ways. A <em>float</em> image keeps 4 bytes per value and can be written to. A
 * <em>compact</em> image ({@link #compact()}) keeps one byte per value: the 8-bit code k of a value that is exactly
 * {@code k / 255f}, which is what every 8-bit image file decodes to when it is not resized. Reading a compact image
 * gives bit for bit the floats it was made from, so compacting changes no result; it cuts a dataset's images to a
 * quarter of the heap. A compact image is read-only.
 */
public final class Image {

    private static final float LEVELS = 255f;

    private final int channels;
    private final int height;
    private final int width;
    /** The values of a float image; null when compact. */
    private final float[] values;
    /** The 8-bit codes of a compact image; null for a float image. */
    private final byte[] codes;

    /**
     * A float image that holds (and writes through to) {@code pixels}.
     *
     * @param channels number of channels C (1 for grey, 3 for RGB)
     * @param height   rows H in pixels
     * @param width    columns W in pixels
     * @param pixels   C * H * W intensities in [0, 1]
     */
    public Image(int channels, int height, int width, float[] pixels) {
        this(channels, height, width, pixels, null);
        if (pixels.length != channels * height * width) {
            throw new IllegalArgumentException("expected " + channels * height * width + " pixels, got " + pixels.length);
        }
    }

    private Image(int channels, int height, int width, float[] values, byte[] codes) {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("image shape must be positive, got " + channels + "x" + height + "x" + width);
        }
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.values = values;
        this.codes = codes;
    }

    /** A black float image of the given shape. */
    public static Image zeros(int channels, int height, int width) {
        return new Image(channels, height, width, new float[channels * height * width]);
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** C * H * W. */
    public int size() {
        return channels * height * width;
    }

    /** Whether this image holds 8-bit codes (read-only) rather than floats. */
    public boolean isCompact() {
        return codes != null;
    }

    /** Heap bytes of the pixel storage: 1 per value when compact, else 4. */
    public long storageBytes() {
        return (long) size() * (isCompact() ? 1 : 4);
    }

    /**
     * The C * H * W values. For a float image this is its own array (writes change the image); for a compact one,
     * a new array decoded from its codes.
     */
    public float[] pixels() {
        if (values != null) {
            return values;
        }
        float[] out = new float[codes.length];
        copyTo(out, 0);
        return out;
    }

    /** Copies the C * H * W values into {@code target} from {@code offset} on, without an intermediate array. */
    public void copyTo(float[] target, int offset) {
        if (values != null) {
            System.arraycopy(values, 0, target, offset, values.length);
            return;
        }
        for (int i = 0; i < codes.length; i++) {
            target[offset + i] = decode(codes[i]);
        }
    }

    public float get(int c, int y, int x) {
        int i = (c * height + y) * width + x;
        return values != null ? values[i] : decode(codes[i]);
    }

    /** @throws IllegalStateException on a compact image, which is read-only */
    public void set(int c, int y, int x, float value) {
        if (values == null) {
            throw new IllegalStateException("a compact image is read-only");
        }
        values[(c * height + y) * width + x] = value;
    }

    /**
     * This image held as 8-bit codes when every value is exactly {@code k / 255f} for an integer k in 0..255 (the
     * values of an 8-bit file), else this image itself. The result reads the same floats, bit for bit.
     */
    public Image compact() {
        if (codes != null) {
            return this;
        }
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            int k = Math.round(v * LEVELS);
            if (k < 0 || k > 255 || decode((byte) k) != v) {
                return this;
            }
            out[i] = (byte) k;
        }
        return new Image(channels, height, width, null, out);
    }

    private static float decode(byte code) {
        return (code & 0xff) / LEVELS;
    }

    /** Equal when shape and values are equal, however each is held. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Image other) || channels != other.channels || height != other.height
                || width != other.width) {
            return false;
        }
        if (codes != null && other.codes != null) {
            return Arrays.equals(codes, other.codes);
        }
        return Arrays.equals(pixels(), other.pixels());
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * channels + height) + width) + Arrays.hashCode(pixels());
    }

    @Override
    public String toString() {
        return "Image[" + channels + "x" + height + "x" + width + (isCompact() ? ", 8-bit" : "") + "]";
    }
}
