package dev.penumbra.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Pixel-wise softmax cross-entropy, optionally class-weighted (PyTorch's weighted mean convention). */
public final class CrossEntropy {

    private CrossEntropy() {
    }

    /**
     * @param logits       B x C x H x W
     * @param labels       B x 1 x H x W int64 class indices
     * @param classWeights C weights, or null for unweighted
     * @return scalar: sum over pixels of w[y] * -log p[y], divided by the sum of w[y]
     */
    public static NDArray loss(NDArray logits, NDArray labels, float[] classWeights) {
        NDArray nll = logits.logSoftmax(1).gather(labels, 1).neg();
        if (classWeights == null) {
            return nll.mean();
        }
        Shape s = logits.getShape();
        NDArray w = logits.getManager().create(classWeights).reshape(1, s.get(1), 1, 1).broadcast(s).gather(labels, 1);
        return nll.mul(w).sum().div(w.sum());
    }
}
