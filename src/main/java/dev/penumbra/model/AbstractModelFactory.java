package dev.penumbra.model;

/**
 * The part of a {@link ModelFactory} that is only data: the name, the one-line summary and the settings record.
 *
 * @param <S> the model's settings record
 */
public abstract class AbstractModelFactory<S extends ModelSettings> implements ModelFactory<S> {

    private final String name;
    private final String summary;
    private final Class<S> settingsType;

    protected AbstractModelFactory(String name, String summary, Class<S> settingsType) {
        this.name = name;
        this.summary = summary;
        this.settingsType = settingsType;
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
