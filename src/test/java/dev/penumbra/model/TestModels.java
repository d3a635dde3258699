package dev.penumbra.model;

import dev.penumbra.config.Preset;
import dev.penumbra.nn.UNetConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Models for tests: the paper's LIDC settings of every registered model, with a model that has a dropout option
 * sampling at the backbone's p and input-dropout choice (the published block unless the backbone says otherwise).
 */
public final class TestModels {

    private TestModels() {
    }

    /** The registered model names, for {@code @MethodSource}: a new model gets every contract test. */
    public static List<String> names() {
        return List.copyOf(ModelRegistry.names());
    }

    public static ProbabilisticSegmenter create(String name, UNetConfig backbone) {
        return create(name, backbone, Map.of());
    }

    /** @param own the model's own settings to change, by option key (e.g. {@code members}, {@code beta}) */
    public static ProbabilisticSegmenter create(String name, UNetConfig backbone, Map<String, ?> own) {
        return build(ModelRegistry.factory(name), backbone, own);
    }

    private static <S extends ModelSettings> ProbabilisticSegmenter build(ModelFactory<S> f, UNetConfig backbone,
                                                                          Map<String, ?> own) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (backbone.dropout() > 0 && f.options().stream().anyMatch(o -> o.key().equals("dropout"))) {
            values.put("dropout", backbone.dropout());
            values.put("input-dropout", backbone.inputDropout());
        }
        values.putAll(own);
        return f.create(backbone.withDropout(0), null, f.with(f.defaults(Preset.LIDC).settings(), values));
    }
}
