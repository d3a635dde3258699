package dev.penumbra.data;

/**
 * Resizes images and masks to a new height and width, independently along each axis (no aspect ratio kept: the
 * paper rescales ISIC images to 256 x 256).
 *
 * <p>Both use half-pixel centres: output pixel {@code i} samples the input at {@code (i + 0.5) * in / out - 0.5}.
 * Images are interpolated bilinearly without antialiasing, which is what
 * {@code torch.nn.functional.interpolate(x, size, mode="bilinear", align_corners=False)} computes (sample positions
 * below 0 clamp to 0, the last pixel repeats at the far edge). Masks take the nearest input pixel,
 * {@code floor((i + 0.5) * in / out)}, as torch's {@code "nearest-exact"} and PIL's {@code NEAREST} do, so a mask
 * stays binary and lines up with its resized image.
 */
public final class Resize {

    private Resize() {
    }

    /** @return C x height x width, bilinear, or {@code image} itself when it already has that size */
    public static Image bilinear(Image image, int height, int width) {
        if (image.height() == height && image.width() == width) {
            return image;
        }
        Axis ys = Axis.of(image.height(), height);
        Axis xs = Axis.of(image.width(), width);
        Image out = Image.zeros(image.channels(), height, width);
        for (int c = 0; c < image.channels(); c++) {
            for (int y = 0; y < height; y++) {
                float wy = ys.weight[y];
                for (int x = 0; x < width; x++) {
                    float wx = xs.weight[x];
                    float top = (1 - wx) * image.get(c, ys.lo[y], xs.lo[x]) + wx * image.get(c, ys.lo[y], xs.hi[x]);
                    float bottom = (1 - wx) * image.get(c, ys.hi[y], xs.lo[x]) + wx * image.get(c, ys.hi[y], xs.hi[x]);
                    out.set(c, y, x, (1 - wy) * top + wy * bottom);
                }
            }
        }
        return out;
    }

    /** @return height x width, nearest neighbour with half-pixel centres, or {@code mask} itself when it has that size */
    public static Mask nearest(Mask mask, int height, int width) {
        if (mask.height() == height && mask.width() == width) {
            return mask;
        }
        Mask out = Mask.blank(height, width);
        for (int y = 0; y < height; y++) {
            int sy = nearestSource(y, mask.height(), height);
            for (int x = 0; x < width; x++) {
                out.set(y, x, mask.get(sy, nearestSource(x, mask.width(), width)));
            }
        }
        return out;
    }

    /** floor((i + 0.5) * in / out) in exact integer arithmetic. */
    static int nearestSource(int i, int in, int out) {
        return (int) Math.min(((2L * i + 1) * in) / (2L * out), in - 1);
    }

    /** For each output index along one axis: the two input indices to blend and the weight of the second. */
    private record Axis(int[] lo, int[] hi, float[] weight) {

        static Axis of(int in, int out) {
            int[] lo = new int[out];
            int[] hi = new int[out];
            float[] weight = new float[out];
            float scale = (float) in / out;
            for (int i = 0; i < out; i++) {
                float src = Math.max(0f, (i + 0.5f) * scale - 0.5f);
                lo[i] = Math.min((int) src, in - 1);
                hi[i] = Math.min(lo[i] + 1, in - 1);
                weight[i] = Math.min(Math.max(src - lo[i], 0f), 1f);
            }
            return new Axis(lo, hi, weight);
        }
    }
}
