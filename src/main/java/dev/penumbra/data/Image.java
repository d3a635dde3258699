package dev.penumbra.data;

import java.util.Arrays;

/**
 * An image as C x H x W floats in [0, 1], stored channel-major ({@code pixels[(c * height + y) * width + x]}).
 *
 * @param channels number of channels C (1 for grey, 3 for RGB)
 * @param height   rows H in pixels
 * @param width    columns W in pixels
 * @param pixels   C * H * W intensities in [0, 1]
 */
public record Image(int channels, int height, int width, float[] pixels) {

    public Image {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("image shape must be positive, got " + channels + "x" + height + "x" + width);
        }
        if (pixels.length != channels * height * width) {
            throw new IllegalArgumentException("expected " + channels * height * width + " pixels, got " + pixels.length);
        }
    }

    /** A black image of the given shape. */
    public static Image zeros(int channels, int height, int width) {
        return new Image(channels, height, width, new float[channels * height * width]);
    }

    public float get(int c, int y, int x) {
        return pixels[(c * height + y) * width + x];
    }

    public void set(int c, int y, int x, float value) {
        pixels[(c * height + y) * width + x] = value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Image other && channels == other.channels && height == other.height
                && width == other.width && Arrays.equals(pixels, other.pixels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * channels + height) + width) + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "Image[" + channels + "x" + height + "x" + width + "]";
    }
}
