package dev.penumbra.tune;

import dev.penumbra.InputException;

import java.util.Locale;

/** A setting the grid can vary, the model it belongs to (null: every model) and its valid range. */
public enum GridParameter {
    DROPOUT("dropout", "mcdropout", "a probability in (0, 1)"),
    BETA("beta", "punet", "a weight >= 0"),
    LR("lr", null, "a learning rate > 0");

    private final String key;
    private final String model;
    private final String range;

    GridParameter(String key, String model, String range) {
        this.key = key;
        this.model = model;
        this.range = range;
    }

    public String key() {
        return key;
    }

    /** Parses a parameter name for {@code model}; clear errors for unknown names and other models' settings. */
    public static GridParameter parse(String name, String model) {
        for (GridParameter p : values()) {
            if (p.key.equals(name.trim().toLowerCase(Locale.ROOT))) {
                if (p.model != null && !p.model.equals(model)) {
                    throw new InputException("--grid " + p.key + " applies to --model " + p.model + " only, not "
                            + model);
                }
                return p;
            }
        }
        throw new InputException("--grid: unknown setting '" + name + "'; expected dropout (mcdropout), beta"
                + " (punet) or lr");
    }

    /** Checks one value. */
    public double check(double v) {
        boolean ok = switch (this) {
            case DROPOUT -> v > 0 && v < 1;
            case BETA -> v >= 0 && Double.isFinite(v);
            case LR -> v > 0 && Double.isFinite(v);
        };
        if (!ok) {
            throw new InputException("--grid " + key + "=" + v + " is out of range: expected " + range);
        }
        return v;
    }
}
