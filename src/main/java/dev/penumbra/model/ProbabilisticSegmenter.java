package dev.penumbra.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * A segmentation model that can draw samples. Models differ only in their training loss and in how they sample;
 * everything else (the training loop, uncertainty, evaluation) is shared and works from these two methods.
 */
public interface ProbabilisticSegmenter {

    /** Returned by {@link #distinctSamples()} for models that can give any number of distinct samples. */
    int UNBOUNDED = Integer.MAX_VALUE;

    /** The registry name, e.g. {@code softmax}. */
    String name();

    /** Every trainable parameter of the model lives in this block. */
    Block block();

    /** Number of classes C (2 for binary segmentation). */
    int classes();

    /** How many distinct samples the model can give: 1, M (ensemble size) or {@link #UNBOUNDED} (the default). */
    default int distinctSamples() {
        return UNBOUNDED;
    }

    /**
     * The loss of one batch, to be minimised, with its named terms where it has several.
     *
     * @param training true for a training step (batch norm updates its statistics), false for validation
     * @return a scalar total and its terms
     */
    Loss loss(ParameterStore ps, Batch batch, boolean training);

    /**
     * Draws n probability maps per image. Batch norm runs in inference mode; stochastic parts (dropout, latent
     * samples, ensemble members) stay active.
     *
     * @param images B x C_in x H x W, floats in [0, 1]
     * @return n x B x C x H x W class probabilities (summing to 1 over C)
     */
    NDArray sampleProbabilities(ParameterStore ps, NDArray images, int n);
}
