package dev.penumbra.data.augment;

import dev.penumbra.data.Image;
import dev.penumbra.data.Mask;

/**
 * Resamples images and masks through an {@link AffineTransform}: each output pixel looks up its source position
 * through the inverse map. Sources outside the input read as 0 (torchvision's default fill). No per-pixel objects.
 *
 * <p>Flips, quarter turns and whole-pixel shifts reproduce input values exactly: their inverse matrix is exact (see
 * {@link AffineTransform#inverseMatrix}), so source positions are whole pixels and the bilinear weights are 1 and 0.
 */
public final class Warp {

    private Warp() {
    }

    /**
     * Warps every channel with bilinear interpolation.
     *
     * @param image C x H x W in [0, 1]
     * @return a new C x H x W image in [0, 1]; a copy of the input for the identity map
     */
    public static Image image(Image image, AffineTransform t) {
        int c = image.channels();
        int h = image.height();
        int w = image.width();
        double[] m = t.inverseMatrix(h, w);
        float[] in = image.pixels();
        if (isIdentity(m)) {
            return new Image(c, h, w, in.clone());
        }
        float[] out = new float[in.length];
        int plane = h * w;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double u = m[0] * x + m[1] * y + m[2];
                double v = m[3] * x + m[4] * y + m[5];
                int x0 = (int) Math.floor(u);
                int y0 = (int) Math.floor(v);
                if (x0 < -1 || y0 < -1 || x0 >= w || y0 >= h) {
                    continue; // all four neighbours outside: stays 0
                }
                double fx = u - x0;
                double fy = v - y0;
                // A neighbour outside the input gets weight 0, as if the input were padded with zeros.
                boolean left = x0 >= 0;
                boolean right = x0 + 1 < w;
                boolean top = y0 >= 0;
                boolean bottom = y0 + 1 < h;
                double w00 = left && top ? (1 - fx) * (1 - fy) : 0;
                double w01 = right && top ? fx * (1 - fy) : 0;
                double w10 = left && bottom ? (1 - fx) * fy : 0;
                double w11 = right && bottom ? fx * fy : 0;
                // Clamped indices keep reads in bounds; their weight is 0 whenever they were clamped.
                int i00 = Math.max(y0, 0) * w + Math.max(x0, 0);
                int i01 = Math.max(y0, 0) * w + Math.min(x0 + 1, w - 1);
                int i10 = Math.min(y0 + 1, h - 1) * w + Math.max(x0, 0);
                int i11 = Math.min(y0 + 1, h - 1) * w + Math.min(x0 + 1, w - 1);
                int o = y * w + x;
                for (int ch = 0, base = 0; ch < c; ch++, base += plane) {
                    double value = w00 * in[base + i00] + w01 * in[base + i01]
                            + w10 * in[base + i10] + w11 * in[base + i11];
                    // Weights sum to 1 only up to rounding; keep the [0, 1] contract of Image.
                    out[base + o] = (float) Math.min(1.0, value);
                }
            }
        }
        return new Image(c, h, w, out);
    }

    /**
     * Warps a mask with nearest-neighbour lookup, so the result holds only values of the input (0 and 1).
     *
     * @param mask H x W, 0 or 1
     * @return a new H x W mask; a copy of the input for the identity map
     */
    public static Mask mask(Mask mask, AffineTransform t) {
        int h = mask.height();
        int w = mask.width();
        double[] m = t.inverseMatrix(h, w);
        byte[] in = mask.pixels();
        if (isIdentity(m)) {
            return new Mask(h, w, in.clone());
        }
        byte[] out = new byte[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // rint rounds halves to even, like torch's nearest grid sampling.
                double u = Math.rint(m[0] * x + m[1] * y + m[2]);
                double v = Math.rint(m[3] * x + m[4] * y + m[5]);
                if (u >= 0 && v >= 0 && u < w && v < h) {
                    out[y * w + x] = in[(int) v * w + (int) u];
                }
            }
        }
        return new Mask(h, w, out);
    }

    private static boolean isIdentity(double[] m) {
        return m[0] == 1 && m[1] == 0 && m[2] == 0 && m[3] == 0 && m[4] == 1 && m[5] == 0;
    }
}
