package dev.penumbra.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Helpers for drawing several samples in one forward pass. */
final class Sampling {

    private Sampling() {
    }

    /**
     * Stacks n copies of a batch, sample-major, so that row {@code i * B + b} is image b of sample i.
     *
     * @param x B x ... (any trailing shape)
     * @return (n * B) x ...
     */
    static NDArray repeat(NDArray x, int n) {
        Shape s = x.getShape();
        long[] target = new long[s.dimension() + 1];
        target[0] = n;
        for (int i = 0; i < s.dimension(); i++) {
            target[i + 1] = s.get(i);
        }
        long[] flat = target.clone();
        flat = java.util.Arrays.copyOfRange(flat, 1, flat.length);
        flat[0] = n * s.get(0);
        return x.expandDims(0).broadcast(new Shape(target)).reshape(new Shape(flat));
    }
}
