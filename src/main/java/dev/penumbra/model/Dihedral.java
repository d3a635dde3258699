package dev.penumbra.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

import java.util.List;

/**
 * The eight symmetries of a square picture (the dihedral group D4): the flips and quarter turns that move pixels
 * without interpolation, so each has an exact inverse. Each is an optional transpose (swap of the H and W axes)
 * followed by optional mirrors of the rows and of the columns; the first four (no transpose) keep H x W and so apply
 * to any image, the last four swap H and W and so map a square image onto its own frame only.
 *
 * <p>Turns are counter-clockwise as displayed (row 0 at the top), as in {@code AffineTransform}: {@link #ROTATE_90}
 * moves the top-right corner to the top-left.
 */
enum Dihedral {
    IDENTITY(false, false, false),
    /** Left-right mirror: column x goes to W - 1 - x. */
    FLIP_LR(false, false, true),
    /** Top-bottom mirror: row y goes to H - 1 - y. */
    FLIP_UD(false, true, false),
    /** Both mirrors: a half turn. */
    ROTATE_180(false, true, true),
    /** Mirror about the main diagonal: pixel (y, x) goes to (x, y). */
    TRANSPOSE(true, false, false),
    /** A quarter turn clockwise: the transpose, then the left-right mirror. */
    ROTATE_270(true, false, true),
    /** A quarter turn counter-clockwise: the transpose, then the top-bottom mirror. */
    ROTATE_90(true, true, false),
    /** Mirror about the anti-diagonal: the transpose, then both mirrors. */
    ANTI_TRANSPOSE(true, true, true);

    private static final List<Dihedral> ALL = List.of(values());

    private final boolean transpose;
    private final boolean flipRows;
    private final boolean flipColumns;

    Dihedral(boolean transpose, boolean flipRows, boolean flipColumns) {
        this.transpose = transpose;
        this.flipRows = flipRows;
        this.flipColumns = flipColumns;
    }

    /**
     * The transforms that map an H x W frame onto itself: all eight when {@code quarterTurns} is on and H = W,
     * otherwise the four flips ({@link #IDENTITY}, {@link #FLIP_LR}, {@link #FLIP_UD}, {@link #ROTATE_180}).
     */
    static List<Dihedral> group(boolean quarterTurns, long height, long width) {
        return quarterTurns && height == width ? ALL : ALL.subList(0, 4);
    }

    /** Whether this transform swaps the H and W axes. */
    boolean swapsAxes() {
        return transpose;
    }

    /**
     * @param x N x C x H x W
     * @return N x C x H x W, or N x C x W x H for a transform that {@link #swapsAxes()}
     */
    NDArray apply(NDArray x) {
        return flips(transpose ? swap(x) : x);
    }

    /**
     * The inverse of {@link #apply}: {@code invert(apply(x))} is {@code x}, element for element.
     *
     * @param y N x C x H' x W', e.g. the class probabilities of a transformed batch
     * @return N x C x H x W in the frame of the untransformed input
     */
    NDArray invert(NDArray y) {
        NDArray unflipped = flips(y);
        return transpose ? swap(unflipped) : unflipped;
    }

    // Mirrors are their own inverses, and the row and column mirrors commute.
    private NDArray flips(NDArray x) {
        if (flipRows && flipColumns) {
            return x.flip(2, 3);
        }
        if (flipRows) {
            return x.flip(2);
        }
        return flipColumns ? x.flip(3) : x;
    }

    private static NDArray swap(NDArray x) {
        Shape s = x.getShape();
        if (s.dimension() != 4) {
            throw new IllegalArgumentException("expected N x C x H x W, got " + s);
        }
        return x.transpose(0, 1, 3, 2);
    }
}
