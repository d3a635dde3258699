package dev.penumbra.io;

import java.awt.image.BufferedImage;

/**
 * Colours a map of values with a perceptually ordered black-purple-orange-yellow scale (anchors of matplotlib's
 * "inferno"), for entropy maps: 0 is black, the maximum is pale yellow.
 */
public final class Heatmap {

    /** Anchors of matplotlib's inferno at 0, 1/6, ..., 1 (RGB). */
    private static final int[][] ANCHORS = {
        {0, 0, 4}, {40, 11, 84}, {101, 21, 110}, {159, 42, 99}, {212, 72, 66}, {245, 125, 21}, {252, 255, 164}};

    private Heatmap() {
    }

    /**
     * @param values H x W row-major values
     * @param max    the value drawn brightest (e.g. log2(C) bits for entropy); larger values are clamped
     * @return an RGB image of W x H pixels
     */
    public static BufferedImage render(float[] values, int height, int width, float max) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                img.setRGB(x, y, colour(values[y * width + x] / max));
            }
        }
        return img;
    }

    /** The RGB colour of a fraction t in [0, 1] (clamped). */
    public static int colour(float t) {
        float u = Math.max(0f, Math.min(1f, Float.isNaN(t) ? 0f : t)) * (ANCHORS.length - 1);
        int i = Math.min((int) u, ANCHORS.length - 2);
        float f = u - i;
        int rgb = 0;
        for (int c = 0; c < 3; c++) {
            int v = Math.round(ANCHORS[i][c] + f * (ANCHORS[i + 1][c] - ANCHORS[i][c]));
            rgb = (rgb << 8) | v;
        }
        return rgb;
    }
}
