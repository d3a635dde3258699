package dev.penumbra.model;

import dev.penumbra.InputException;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One setting of a model that the command line sets ({@code --KEY}) and, when tunable, a tuning grid varies
 * ({@code --grid KEY=...}). The model's settings record checks the value.
 *
 * @param key         the name without dashes, e.g. {@code members}
 * @param label       the value's name in help, e.g. {@code M}; null for a switch ({@code --KEY} / {@code --no-KEY})
 * @param type        Integer, Double or Boolean
 * @param description what it sets, for help
 * @param get         its value in a model's settings
 * @param with        settings with another value
 * @param tunable     whether {@code penumbra tune} may vary it
 * @param <S>         the model's settings record
 * @param <V>         the value's type
 */
public record ModelOption<S extends ModelSettings, V>(String key, String label, Class<V> type, String description,
                                                        Function<S, V> get, BiFunction<S, V, S> with,
                                                        boolean tunable) {

    /** A whole-number option. */
    public static <S extends ModelSettings> ModelOption<S, Integer> count(String key, String label, String description,
                                                                         Function<S, Integer> get,
                                                                         BiFunction<S, Integer, S> with,
                                                                         boolean tunable) {
        return new ModelOption<>(key, label, Integer.class, description, get, with, tunable);
    }

    /** A real-valued option. */
    public static <S extends ModelSettings> ModelOption<S, Double> real(String key, String label, String description,
                                                                       Function<S, Double> get,
                                                                       BiFunction<S, Double, S> with,
                                                                       boolean tunable) {
        return new ModelOption<>(key, label, Double.class, description, get, with, tunable);
    }

    /** An on/off switch, never tuned. */
    public static <S extends ModelSettings> ModelOption<S, Boolean> flag(String key, String description,
                                                                        Function<S, Boolean> get,
                                                                        BiFunction<S, Boolean, S> with) {
        return new ModelOption<>(key, null, Boolean.class, description, get, with, false);
    }

    /** The command-line name, e.g. {@code --members}. */
    public String option() {
        return "--" + key;
    }

    /** @return {@code settings} with this option set to {@code value} (of {@link #type}) */
    public S apply(S settings, Object value) {
        return with.apply(settings, type.cast(value));
    }

    /**
     * A grid's number as this option's value.
     *
     * @throws InputException when a whole number is needed and {@code v} is not one
     */
    public V fromNumber(double v) {
        if (type == Integer.class) {
            if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
                throw new InputException("--grid " + key + "=" + v + ": expected a whole number");
            }
            return type.cast((int) v);
        }
        if (type == Double.class) {
            return type.cast(v);
        }
        throw new InputException("--grid " + key + ": an on/off setting cannot be tuned");
    }
}
