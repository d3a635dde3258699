package dev.penumbra.model;

import dev.penumbra.InputException;
import dev.penumbra.config.Preset;

import java.util.Map;

/**
 * The part of a {@link ModelFactory} that is only data: the name, the one-line summary, the settings record and the
 * settings per preset.
 *
 * @param <S> the model's settings record
 */
public abstract class AbstractModelFactory<S extends ModelSettings> implements ModelFactory<S> {

    private final String name;
    private final String summary;
    private final Class<S> settingsType;
    private final Map<String, ModelDefaults<S>> byPreset;

    /**
     * @param byPreset the model's settings by preset name; a factory whose settings follow from the preset in
     *                 another way overrides {@link #defaults} and gives none
     */
    protected AbstractModelFactory(String name, String summary, Class<S> settingsType,
                                   Map<String, ModelDefaults<S>> byPreset) {
        this.name = name;
        this.summary = summary;
        this.settingsType = settingsType;
        this.byPreset = byPreset;
    }

    /** The preset's entry of the settings by preset, or an error naming the presets the model has settings for. */
    @Override
    public ModelDefaults<S> defaults(Preset preset) {
        ModelDefaults<S> d = byPreset.get(preset.name());
        if (d == null) {
            throw new InputException("model " + name + " has no settings for preset '" + preset.name()
                    + "': expected one of " + String.join(", ", byPreset.keySet().stream().sorted().toList()));
        }
        return d;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String summary() {
        return summary;
    }

    @Override
    public final Class<S> settingsType() {
        return settingsType;
    }
}
