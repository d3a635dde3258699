package dev.penumbra.metric;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Pixel-wise uncertainty from n sampled probability maps (PROTOCOL.md "Uncertainty"): predictive entropy in bits of
 * the mean map, expected entropy (the mean of per-sample entropies, the aleatoric part) and mutual information
 * (their difference, the epistemic part). A class probability below {@value #CUT} contributes 0, as published.
 */
public final class PixelUncertainty {

    /** Probabilities below this contribute nothing to the entropy. */
    public static final float CUT = 1e-5f;

    private PixelUncertainty() {
    }

    /**
     * @param probs any shape with the classes along {@code classAxis}
     * @return the same shape with that axis reduced to size 1: entropy in bits, -sum_c p_c log2 p_c
     */
    public static NDArray entropyBits(NDArray probs, int classAxis) {
        NDArray keep = probs.gte(CUT).toType(DataType.FLOAT32, false);
        NDArray terms = probs.mul(probs.maximum(CUT).log2()).mul(keep);
        return terms.sum(new int[] {classAxis}, true).neg();
    }

    /**
     * @param sampleProbs n x B x C x H x W
     * @return B x C x H x W mean class probabilities
     */
    public static NDArray mean(NDArray sampleProbs) {
        return sampleProbs.mean(new int[] {0});
    }

    /**
     * @param sampleProbs n x B x C x H x W
     * @return B x 1 x H x W predictive entropy of the mean map, in bits
     */
    public static NDArray predictiveEntropy(NDArray sampleProbs) {
        return entropyBits(mean(sampleProbs), 1);
    }

    /**
     * @param sampleProbs n x B x C x H x W
     * @return B x 1 x H x W mean over samples of each sample's entropy, in bits
     */
    public static NDArray expectedEntropy(NDArray sampleProbs) {
        return entropyBits(sampleProbs, 2).mean(new int[] {0});
    }

    /**
     * @param sampleProbs n x B x C x H x W
     * @return B x 1 x H x W predictive entropy minus expected entropy, in bits (>= 0 up to rounding)
     */
    public static NDArray mutualInformation(NDArray sampleProbs) {
        return predictiveEntropy(sampleProbs).sub(expectedEntropy(sampleProbs));
    }

    /**
     * @param sampleProbs n x B x C x H x W
     * @return n x B x 1 x H x W int64 coherent samples: the argmax class of each sampled map
     */
    public static NDArray argmaxSamples(NDArray sampleProbs) {
        return sampleProbs.argMax(2).expandDims(2);
    }
}
