package dev.penumbra.model;

import ai.djl.ndarray.NDArray;
import dev.penumbra.metric.PixelUncertainty;

/**
 * n samples drawn once from a model for a batch, and everything derived from those same samples: the mean class
 * probabilities, the coherent sample masks, and the pixel uncertainties (total, aleatoric, epistemic).
 *
 * @param probabilities n x B x C x H x W sampled class probabilities
 */
public record SampledPrediction(NDArray probabilities) {

    /** Draws n samples of {@code images} (B x C_in x H x W) from {@code model}. */
    public static SampledPrediction draw(ProbabilisticSegmenter model, ai.djl.training.ParameterStore ps,
                                         NDArray images, int n) {
        return new SampledPrediction(model.sampleProbabilities(ps, images, n));
    }

    /** @return number of samples n */
    public int count() {
        return (int) probabilities.getShape().get(0);
    }

    /** @return B x C x H x W mean class probabilities */
    public NDArray mean() {
        return PixelUncertainty.mean(probabilities);
    }

    /** @return n x B x 1 x H x W int64 class index of each sample (argmax) */
    public NDArray masks() {
        return PixelUncertainty.argmaxSamples(probabilities);
    }

    /** @return B x 1 x H x W predictive entropy of the mean, in bits */
    public NDArray entropy() {
        return PixelUncertainty.predictiveEntropy(probabilities);
    }

    /** @return B x 1 x H x W mean of the samples' entropies (aleatoric part), in bits */
    public NDArray expectedEntropy() {
        return PixelUncertainty.expectedEntropy(probabilities);
    }

    /** @return B x 1 x H x W entropy minus expected entropy (epistemic part), in bits */
    public NDArray mutualInformation() {
        return PixelUncertainty.mutualInformation(probabilities);
    }
}
