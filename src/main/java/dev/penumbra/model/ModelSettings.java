package dev.penumbra.model;

import dev.penumbra.InputException;
import dev.penumbra.nn.UNetConfig;

/**
 * What a model is built from: the backbone and the model-specific settings (used by the models that need them).
 *
 * @param backbone        the shared U-Net settings; its dropout is used by the models that sample through dropout
 * @param classWeights    C cross-entropy weights, or null for none
 * @param ensembleMembers members M of an ensemble (4 in the paper)
 * @param latentDim       latent dimensions of the Probabilistic U-Net (6 in the paper)
 * @param beta            weight of the KL term of the Probabilistic U-Net (0.0005 in the paper)
 */
public record ModelSettings(UNetConfig backbone, float[] classWeights, int ensembleMembers, int latentDim,
                            double beta) {

    public ModelSettings {
        if (classWeights != null && classWeights.length != backbone.classes()) {
            throw new InputException("--class-weights has " + classWeights.length + " values but there are "
                    + backbone.classes() + " classes");
        }
        if (ensembleMembers < 1) {
            throw new InputException("--members must be at least 1, got " + ensembleMembers);
        }
        if (latentDim < 1) {
            throw new InputException("--latent-dim must be at least 1, got " + latentDim);
        }
        if (!(beta >= 0)) {
            throw new InputException("--beta must be at least 0, got " + beta);
        }
    }

    /** The paper's model settings around a backbone. */
    public static ModelSettings paper(UNetConfig backbone) {
        return new ModelSettings(backbone, null, 4, 6, 0.0005);
    }
}
