package dev.penumbra.tune;

import dev.penumbra.InputException;
import dev.penumbra.config.Preset;
import dev.penumbra.model.ModelFactory;
import dev.penumbra.model.ModelOption;
import dev.penumbra.model.ModelRegistry;
import dev.penumbra.model.ModelSettings;
import dev.penumbra.train.RunSpecs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The settings a grid can vary: the learning rate ({@value #LR}, any model) and the tunable options of the model's
 * own settings (MC-Dropout's {@code dropout}, the Probabilistic U-Net's {@code beta}, ...), taken from the factories.
 */
public final class GridParameter {

    /** The Adam learning rate, tunable for every model. */
    public static final String LR = "lr";

    private GridParameter() {
    }

    /** Parses a setting name for {@code model}; clear errors for unknown names and other models' settings. */
    public static String parse(String name, String model) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        if (key.equals(LR) || tunable(ModelRegistry.factory(model), key)) {
            return key;
        }
        List<String> owners = ModelRegistry.factories().stream().filter(f -> tunable(f, key))
                .map(ModelFactory::name).toList();
        if (!owners.isEmpty()) {
            throw new InputException("--grid " + key + " applies to --model " + String.join(" or ", owners)
                    + " only, not " + model);
        }
        throw new InputException("--grid: unknown setting '" + name + "'; expected " + String.join(", ", known()));
    }

    /** E.g. "dropout (mcdropout)", "beta (punet)", "lr". */
    private static List<String> known() {
        List<String> names = new ArrayList<>();
        for (ModelFactory<?> f : ModelRegistry.factories()) {
            f.options().stream().filter(ModelOption::tunable).forEach(o -> names.add(o.key() + " (" + f.name() + ")"));
        }
        names.add(LR + " (any)");
        return names;
    }

    private static boolean tunable(ModelFactory<?> f, String key) {
        return f.options().stream().anyMatch(o -> o.tunable() && o.key().equals(key));
    }

    /** Checks one value of {@code key} for {@code model}, with the settings record's own rule. */
    public static double check(String key, String model, double v) {
        if (key.equals(LR)) {
            if (!(v > 0 && Double.isFinite(v))) {
                throw new InputException("--grid lr=" + v + " is out of range: expected a learning rate > 0");
            }
            return v;
        }
        try {
            withValue(ModelRegistry.factory(model), key, v);
        } catch (InputException e) {
            throw new InputException("--grid " + key + "=" + v + " is out of range: " + e.getMessage());
        }
        return v;
    }

    private static <S extends ModelSettings> S withValue(ModelFactory<S> f, String key, double v) {
        S base = f.defaults(Preset.all().stream().filter(p -> hasPreset(f, p)).findFirst().orElseThrow()).settings();
        return f.with(base, Map.of(key, f.option(key).fromNumber(v)));
    }

    private static boolean hasPreset(ModelFactory<?> f, Preset p) {
        try {
            f.defaults(p);
            return true;
        } catch (InputException e) {
            return false;
        }
    }

    /** Sets a grid point's values on a run being built for {@code model}. */
    public static RunSpecs apply(Map<String, Double> point, String model, RunSpecs run) {
        ModelFactory<?> f = ModelRegistry.factory(model);
        Map<String, Object> own = new java.util.LinkedHashMap<>();
        point.forEach((k, v) -> {
            if (k.equals(LR)) {
                run.optLearningRate(v.floatValue());
            } else {
                own.put(k, f.option(k).fromNumber(v));
            }
        });
        return run.optModelSettings(own);
    }
}
