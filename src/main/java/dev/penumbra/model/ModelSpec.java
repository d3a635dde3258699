package dev.penumbra.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.penumbra.InputException;
import dev.penumbra.nn.UNetConfig;

/**
 * What a model is built from: the shared backbone, the loss's class weights and the model's own settings.
 *
 * @param backbone     the shared U-Net settings, without dropout (MC-Dropout's p is its own setting)
 * @param classWeights C cross-entropy weights, or null for none
 * @param model        the model's own settings, tagged with its registry name in {@code run.json}
 */
public record ModelSpec(UNetConfig backbone, float[] classWeights, ModelSettings model) {

    public ModelSpec {
        if (classWeights != null && classWeights.length != backbone.classes()) {
            throw new InputException("--class-weights has " + classWeights.length + " values but there are "
                    + backbone.classes() + " classes");
        }
    }

    /**
     * Reads a stored spec. Runs written before models had settings records of their own kept the ensemble's,
     * the Probabilistic U-Net's and MC-Dropout's settings side by side (MC-Dropout's p in the backbone); those are
     * held as they are until {@link #resolve} knows the model.
     */
    @JsonCreator
    static ModelSpec read(@JsonProperty(value = "backbone", required = true) UNetConfig backbone,
                          @JsonProperty("classWeights") float[] classWeights,
                          @JsonProperty("model") ModelSettings model,
                          @JsonProperty("ensembleMembers") Integer ensembleMembers,
                          @JsonProperty("latentDim") Integer latentDim, @JsonProperty("beta") Double beta) {
        return new ModelSpec(backbone, classWeights,
                model != null ? model : new LegacySettings(ensembleMembers, latentDim, beta));
    }

    /** This spec with the settings of a run written before models had settings of their own made explicit. */
    public ModelSpec resolve(String modelName) {
        return model instanceof LegacySettings legacy ? legacy.upgrade(modelName, this) : this;
    }
}
