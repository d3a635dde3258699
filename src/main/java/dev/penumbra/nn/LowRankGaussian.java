package dev.penumbra.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * A Gaussian over whole logit maps with low-rank-plus-diagonal covariance, N(mu, P P^T + D), one per image: the
 * output distribution of a Stochastic Segmentation Network (Monteiro et al. 2020). An event is a C x H x W logit map,
 * flattened C-major (k = c * H * W + h * W + w) into K = C * H * W dimensions; P is K x R per image.
 *
 * @param mean   B x C x H x W, mu
 * @param factor B x R x C x H x W, the R columns of P (column r of image b is {@code factor[b, r]})
 * @param diag   B x C x H x W, the diagonal of D (positive)
 */
public record LowRankGaussian(NDArray mean, NDArray factor, NDArray diag) {

    /** The rank R of P. */
    public int rank() {
        return (int) factor.getShape().get(1);
    }

    /**
     * Draws n logit maps per image with noise from the engine's generator (reparameterised: differentiable in mean,
     * factor and diag).
     *
     * @return n x B x C x H x W logits
     */
    public NDArray sample(int n) {
        Shape s = mean.getShape();
        NDArray eps1 = mean.getManager().randomNormal(0f, 1f, new Shape(n, s.get(0), rank()), DataType.FLOAT32);
        NDArray eps2 = mean.getManager().randomNormal(0f, 1f, new Shape(n).addAll(s), DataType.FLOAT32);
        return logits(eps1, eps2);
    }

    /**
     * The logit maps mu + P eps1 + sqrt(D) eps2 for given standard-normal noise.
     *
     * @param eps1 n x B x R, the low-rank noise
     * @param eps2 n x B x C x H x W, the per-pixel noise
     * @return n x B x C x H x W logits
     */
    public NDArray logits(NDArray eps1, NDArray eps2) {
        Shape s = mean.getShape();
        long b = s.get(0);
        long n = eps1.getShape().get(0);
        long k = s.size() / b;
        // (B x n x R) times (B x R x K): one small matrix product per image instead of an n x B x R x K broadcast
        NDArray lowRank = eps1.transpose(1, 0, 2).matMul(factor.reshape(b, rank(), k)).transpose(1, 0, 2)
                .reshape(new Shape(n).addAll(s));
        return lowRank.add(mean.expandDims(0)).add(diag.sqrt().expandDims(0).mul(eps2));
    }
}
