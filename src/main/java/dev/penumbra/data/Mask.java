package dev.penumbra.data;

import java.util.Arrays;

/**
 * An annotation mask of H x W pixels, row-major: 0 (background) or 1 (foreground) for binary segmentation, class
 * indices 0 .. C - 1 for C > 2 classes.
 *
 * @param height rows H in pixels
 * @param width  columns W in pixels
 * @param pixels H * W values: 0 or 1, or class indices
 */
public record Mask(int height, int width, byte[] pixels) {

    public Mask {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("mask shape must be positive, got " + height + "x" + width);
        }
        if (pixels.length != height * width) {
            throw new IllegalArgumentException("expected " + height * width + " pixels, got " + pixels.length);
        }
    }

    /** An all-background mask. */
    public static Mask blank(int height, int width) {
        return new Mask(height, width, new byte[height * width]);
    }

    public byte get(int y, int x) {
        return pixels[y * width + x];
    }

    public void set(int y, int x, byte value) {
        pixels[y * width + x] = value;
    }

    /** Number of foreground (non-background) pixels. */
    public int foreground() {
        int n = 0;
        for (byte p : pixels) {
            n += p != 0 ? 1 : 0;
        }
        return n;
    }

    public boolean isBlank() {
        return foreground() == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mask other && height == other.height && width == other.width
                && Arrays.equals(pixels, other.pixels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * height + width) + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "Mask[" + height + "x" + width + ", foreground=" + foreground() + "]";
    }
}
