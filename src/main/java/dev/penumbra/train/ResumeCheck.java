package dev.penumbra.train;

import dev.penumbra.InputException;
import dev.penumbra.model.ModelFactory;
import dev.penumbra.model.ModelRegistry;
import dev.penumbra.model.ModelSettings;
import dev.penumbra.data.DataSource;
import dev.penumbra.data.augment.AugmentationConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/**
 * Refuses {@code train --resume} options that contradict the stored run: a resumed run keeps the settings it was
 * started with, so an option that would change them is a mistake, not a wish to be silently ignored. Options that
 * do not change the numbers ({@link #MAY_CHANGE}) are free.
 */
public final class ResumeCheck {

    /** Options of {@code penumbra train} that may differ on {@code --resume}: where and how visibly it runs. */
    public static final Set<String> MAY_CHANGE = Set.of("--out", "--resume", "--threads", "--device", "--quiet",
            "--help", "--version");

    /** The part of a run each run-defining option sets. */
    private static final Map<String, Function<RunSpec, Object>> COMPONENTS = components();

    private ResumeCheck() {
    }

    /**
     * @param stored  the run in {@code out}
     * @param given   the run the command line would start, the stored model, preset and data standing in for those
     *                not given
     * @param options the options given on the command line, by their longest name
     * @throws InputException naming the first option that contradicts the stored run
     */
    public static void refuseChanges(RunSpec stored, RunSpec given, Set<String> options, Path out) {
        for (String option : options) {
            if (MAY_CHANGE.contains(option)) {
                continue;
            }
            Function<RunSpec, Object> component = COMPONENTS.getOrDefault(option, modelSetting(option));
            if (component == null) {
                throw new InputException("--resume: " + option + " cannot be given when resuming the run in " + out
                        + ": the run keeps the settings it was started with; leave " + option + " out, or start a"
                        + " new run with a new --out");
            }
            if (option.equals("--data") ? !DataSource.sameData(stored.data(), given.data())
                    : !Objects.equals(component.apply(stored), component.apply(given))) {
                throw new InputException("--resume: " + option + " " + show(component.apply(given))
                        + " contradicts the run in " + out + ", which was trained with " + option + " "
                        + show(component.apply(stored)) + "; a resumed run keeps its settings: leave " + option
                        + " out (or give the run's value), or start a new run with a new --out");
            }
        }
    }

    private static Map<String, Function<RunSpec, Object>> components() {
        Map<String, Function<RunSpec, Object>> c = new LinkedHashMap<>();
        c.put("--model", RunSpec::model);
        c.put("--data", RunSpec::data);
        c.put("--preset", RunSpec::preset);
        c.put("--lr", r -> r.training().learningRate());
        c.put("--batch-size", r -> r.training().batchSize());
        c.put("--max-epochs", r -> r.training().maxEpochs());
        c.put("--max-steps", r -> r.training().maxSteps());
        c.put("--patience", r -> r.training().patience());
        c.put("--seed", r -> r.training().seed());
        c.put("--ged-every", r -> r.training().gedEvery());
        c.put("--estimator", r -> r.training().gedEstimator());
        c.put("--precision", r -> r.training().precision());
        c.put("--no-augment", r -> r.training().augmentation().equals(AugmentationConfig.none()));
        c.put("--filters", r -> r.settings().backbone().filters());
        c.put("--residual", r -> r.settings().backbone().residual());
        c.put("--batch-norm", r -> r.settings().backbone().batchNorm());
        c.put("--class-weights", r -> weights(r.settings().classWeights()));
        c.put("--layout", r -> r.dataOptions().layout().orElse("(detected)"));
        c.put("--size", r -> r.dataOptions().size());
        c.put("--resize", r -> r.dataOptions().resize().option());
        c.put("--mask-threshold", r -> r.dataOptions().maskThreshold());
        c.put("--split-seed", r -> r.dataOptions().splitSeed());
        c.put("--val-fraction", r -> r.dataOptions().valFraction());
        c.put("--test-fraction", r -> r.dataOptions().testFraction());
        c.put("--classes", r -> r.dataOptions().classes());
        c.put("--group-regex", r -> r.dataOptions().groupRegex().orElse("(the layout's default)"));
        return c;
    }

    /** The value of a model's own option ({@code --beta}, ...) in a run, or null when no model has it. */
    private static Function<RunSpec, Object> modelSetting(String option) {
        String key = option.startsWith("--") ? option.substring(2) : option;
        boolean known = ModelRegistry.factories().stream()
                .anyMatch(f -> f.options().stream().anyMatch(o -> o.key().equals(key)));
        return known ? r -> value(ModelRegistry.factory(r.model()), key, r.settings().model()) : null;
    }

    private static <S extends ModelSettings> Object value(ModelFactory<S> f, String key, ModelSettings s) {
        return f.option(key).get().apply(f.settings(s));
    }

    private static List<Float> weights(float[] w) {
        List<Float> out = new ArrayList<>();
        if (w != null) {
            for (float f : w) {
                out.add(f);
            }
        }
        return out;
    }

    /** A value as the command line spells it. */
    private static String show(Object value) {
        if (value instanceof Boolean b) {
            return b ? "(on)" : "(off)";
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "(none)" : String.join(",", list.stream().map(String::valueOf).toList());
        }
        if (value instanceof OptionalDouble o) {
            return o.isPresent() ? String.valueOf(o.getAsDouble()) : "(none)";
        }
        return String.valueOf(value);
    }
}
