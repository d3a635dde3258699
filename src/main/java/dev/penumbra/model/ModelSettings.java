package dev.penumbra.model;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;

/**
 * A model's own settings: one record per model (the ensemble's members, MC-Dropout's p, the Probabilistic U-Net's
 * latent size and KL weight, ...), checked in its constructor with messages that name the option. Written into
 * {@code run.json} tagged with the model's registry name, e.g. {@code {"name": "punet", "latentDim": 6, "beta":
 * 0.0005}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, include = JsonTypeInfo.As.PROPERTY, property = "name")
@JsonTypeIdResolver(ModelTypes.class)
public interface ModelSettings {
}
