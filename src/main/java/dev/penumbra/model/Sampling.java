package dev.penumbra.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.function.Function;

/** Helpers for drawing several samples in as few forward passes as memory allows. */
final class Sampling {

    /**
     * Images per forward pass when sampling. DJL keeps a forward's intermediates until their manager closes, so one
     * pass over all n x B images (128 for 16 samples of 8 images) held 12 GB at 128 x 128 with the paper's U-Net;
     * chunks of 16 hold about 1.5 GB and run as fast.
     */
    static final int MAX_IMAGES_PER_FORWARD = 16;

    private Sampling() {
    }

    /**
     * Applies {@code forward} to the rows of {@code inputs} (all with the same first dimension N) in chunks of at
     * most {@link #MAX_IMAGES_PER_FORWARD} rows, freeing each chunk's intermediates before the next.
     *
     * @return the outputs of the chunks concatenated along the first axis, in the manager of {@code inputs[0]}
     */
    static NDArray chunked(Function<NDList, NDArray> forward, NDArray... inputs) {
        NDManager parent = inputs[0].getManager();
        long n = inputs[0].getShape().get(0);
        NDList parts = new NDList();
        for (long from = 0; from < n; from += MAX_IMAGES_PER_FORWARD) {
            long to = Math.min(n, from + MAX_IMAGES_PER_FORWARD);
            try (NDManager scratch = parent.newSubManager()) {
                NDList chunk = new NDList();
                for (NDArray input : inputs) {
                    NDArray part = input.get(from + ":" + to);
                    part.attach(scratch);
                    chunk.add(part);
                }
                NDArray out = forward.apply(chunk);
                out.attach(parent);
                parts.add(out);
            }
        }
        return parts.size() == 1 ? parts.singletonOrThrow() : NDArrays.concat(parts, 0);
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
