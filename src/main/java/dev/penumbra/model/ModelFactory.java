package dev.penumbra.model;

import dev.penumbra.InputException;
import dev.penumbra.config.Preset;
import dev.penumbra.nn.UNetConfig;

import java.util.List;
import java.util.Map;

/**
 * Builds one kind of model from the shared backbone and the model's own settings. A new model is a
 * {@link ProbabilisticSegmenter}, a settings record and a factory registered in {@link ModelRegistry}: its options
 * reach {@code train}, {@code tune}, {@code active} and {@code study} from {@link #options()}, its settings per
 * preset from {@link #defaults}, and it gets the contract tests of every model.
 *
 * @param <S> the model's settings record
 */
public interface ModelFactory<S extends ModelSettings> {

    /** The registry name, e.g. {@code punet}. */
    String name();

    /** One line for help and the README, e.g. "Probabilistic U-Net (Kohl et al. 2018)". */
    String summary();

    /** The class of the model's settings record (how {@code run.json} reads them back). */
    Class<S> settingsType();

    /**
     * The model's settings under a preset.
     *
     * @throws InputException when the model has no settings for that preset
     */
    ModelDefaults<S> defaults(Preset preset);

    /** The settings the command line and tuning may set, in help order. */
    default List<ModelOption<S, ?>> options() {
        return List.of();
    }

    /**
     * @param backbone     the shared U-Net settings (without dropout: a model that samples through dropout sets
     *                     its own)
     * @param classWeights C cross-entropy weights, or null for none
     */
    ProbabilisticSegmenter create(UNetConfig backbone, float[] classWeights, S settings);

    /** Builds the model a stored spec describes. */
    default ProbabilisticSegmenter create(ModelSpec spec) {
        return create(spec.backbone(), spec.classWeights(), settings(spec.model()));
    }

    /**
     * @param given option values by key; every key must be one of {@link #options()}
     * @return {@code base} with the given values
     */
    default S with(S base, Map<String, ?> given) {
        S s = base;
        for (Map.Entry<String, ?> e : given.entrySet()) {
            s = option(e.getKey()).apply(s, e.getValue());
        }
        return s;
    }

    /** The option named {@code key}, or an error naming this model's options. */
    default ModelOption<S, ?> option(String key) {
        for (ModelOption<S, ?> o : options()) {
            if (o.key().equals(key)) {
                return o;
            }
        }
        throw new InputException("--" + key + " is not a setting of --model " + name());
    }

    /** {@code settings} as this model's record; an error if they belong to another model. */
    default S settings(ModelSettings settings) {
        if (!settingsType().isInstance(settings)) {
            throw new InputException("the settings " + settings + " are not those of model " + name());
        }
        return settingsType().cast(settings);
    }
}
