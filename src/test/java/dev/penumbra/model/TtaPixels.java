package dev.penumbra.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The eight symmetries of the square written out pixel by pixel, independently of {@link Dihedral}'s tensor ops:
 * each names where output pixel (y, x) of an H x W plane reads from. Quarter turns are counter-clockwise as
 * displayed (row 0 at the top) for {@code ROTATE_90}.
 */
final class TtaPixels {

    private TtaPixels() {
    }

    /** The source (row, column) of output pixel (y, x) under {@code t}; h, w are the input's height and width. */
    static int[] source(Dihedral t, int y, int x, int h, int w) {
        return switch (t) {
            case IDENTITY -> new int[] {y, x};
            case FLIP_LR -> new int[] {y, w - 1 - x};
            case FLIP_UD -> new int[] {h - 1 - y, x};
            case ROTATE_180 -> new int[] {h - 1 - y, w - 1 - x};
            case TRANSPOSE -> new int[] {x, y};
            // counter-clockwise: the top-right corner (0, w - 1) comes to the top-left (0, 0)
            case ROTATE_90 -> new int[] {x, w - 1 - y};
            // clockwise: the bottom-left corner (h - 1, 0) comes to the top-left
            case ROTATE_270 -> new int[] {h - 1 - x, y};
            case ANTI_TRANSPOSE -> new int[] {h - 1 - x, w - 1 - y};
        };
    }

    /** The transform that undoes {@code t}: the quarter turns undo each other, every other one is its own inverse. */
    static Dihedral inverse(Dihedral t) {
        return switch (t) {
            case ROTATE_90 -> Dihedral.ROTATE_270;
            case ROTATE_270 -> Dihedral.ROTATE_90;
            default -> t;
        };
    }

    /**
     * @param x N x C x H x W (H = W for transforms that swap the axes)
     * @return N x C x H x W moved by {@code t}, in x's manager
     */
    static NDArray move(NDArray x, Dihedral t) {
        Shape s = x.getShape();
        int planes = (int) (s.get(0) * s.get(1));
        int h = (int) s.get(2);
        int w = (int) s.get(3);
        boolean swaps = t.ordinal() >= 4;
        int oh = swaps ? w : h;
        int ow = swaps ? h : w;
        float[] in = x.toFloatArray();
        float[] out = new float[in.length];
        for (int p = 0; p < planes; p++) {
            for (int y = 0; y < oh; y++) {
                for (int c = 0; c < ow; c++) {
                    int[] from = source(t, y, c, h, w);
                    out[p * oh * ow + y * ow + c] = in[p * h * w + from[0] * w + from[1]];
                }
            }
        }
        NDManager m = x.getManager();
        return m.create(out, new Shape(s.get(0), s.get(1), oh, ow));
    }
}
