package dev.penumbra.cli;

import dev.penumbra.InputException;
import dev.penumbra.config.Preset;
import dev.penumbra.model.ModelFactory;
import dev.penumbra.model.ModelOption;
import dev.penumbra.model.ModelRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every registered model's own options ({@code --members}, {@code --dropout}, {@code --beta}, ...), offered by the
 * commands that build runs and taken from the model factories, so a new model's options appear without editing a
 * command. An option given to a model it does not belong to is refused, not ignored.
 *
 * <p>Use: {@code @Command(modelTransformer = ModelOptions.class)}, then {@link #given(CommandSpec, String)}.
 */
public final class ModelOptions implements CommandLine.IModelTransformer {

    /** Adds one option per distinct key of the registered models' options. */
    @Override
    public CommandSpec transform(CommandSpec spec) {
        for (Map.Entry<String, List<ModelFactory<?>>> e : owners().entrySet()) {
            ModelFactory<?> first = e.getValue().get(0);
            ModelOption<?, ?> o = first.option(e.getKey());
            OptionSpec.Builder b = OptionSpec.builder(o.option()).type(o.type())
                    .description(String.join(", ", e.getValue().stream().map(ModelFactory::name).toList()) + ": "
                            + o.description() + " (default: " + defaults(e.getKey(), e.getValue()) + ").");
            if (o.label() == null) {
                b.negatable(true).arity("0");
            } else {
                b.paramLabel(o.label());
            }
            spec.addOption(b.build());
        }
        return spec;
    }

    /** The factories that own each option key, in registration order. */
    static Map<String, List<ModelFactory<?>>> owners() {
        Map<String, List<ModelFactory<?>>> owners = new LinkedHashMap<>();
        for (ModelFactory<?> f : ModelRegistry.factories()) {
            for (ModelOption<?, ?> o : f.options()) {
                owners.computeIfAbsent(o.key(), k -> new ArrayList<>()).add(f);
            }
        }
        return owners;
    }

    /** E.g. "0.5 for lidc and isic, 0.1 for demo". */
    private static String defaults(String key, List<ModelFactory<?>> factories) {
        Map<Object, List<String>> byValue = new LinkedHashMap<>();
        for (Preset p : Preset.all()) {
            Object v = valueOf(factories.get(0), key, p);
            byValue.computeIfAbsent(v, x -> new ArrayList<>()).add(p.name());
        }
        if (byValue.size() == 1) {
            return show(byValue.keySet().iterator().next());
        }
        List<String> parts = new ArrayList<>();
        byValue.forEach((v, presets) -> parts.add(show(v) + " for " + String.join(" and ", presets)));
        return "the preset's: " + String.join(", ", parts);
    }

    private static <S extends dev.penumbra.model.ModelSettings> Object valueOf(ModelFactory<S> f, String key,
                                                                               Preset p) {
        return f.option(key).get().apply(f.defaults(p).settings());
    }

    private static String show(Object v) {
        if (v instanceof Double d) {
            return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return v instanceof Boolean b ? (b ? "on" : "off") : String.valueOf(v);
    }

    /**
     * The model options given on the command line for {@code model}, by key.
     *
     * @throws InputException naming an option that belongs to other models only
     */
    public static Map<String, Object> given(CommandSpec spec, String model) {
        ParseResult parsed = spec.commandLine().getParseResult();
        Map<String, Object> given = new LinkedHashMap<>();
        for (Map.Entry<String, List<ModelFactory<?>>> e : owners().entrySet()) {
            String name = "--" + e.getKey();
            if (!parsed.hasMatchedOption(name)) {
                continue;
            }
            if (e.getValue().stream().noneMatch(f -> f.name().equals(model))) {
                throw new InputException(name + " applies to --model " + String.join(" or ",
                        e.getValue().stream().map(ModelFactory::name).toList()) + " only, not " + model);
            }
            given.put(e.getKey(), parsed.matchedOption(name).getValue());
        }
        return given;
    }
}
