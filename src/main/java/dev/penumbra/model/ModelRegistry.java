package dev.penumbra.model;

import dev.penumbra.InputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The models by short name; a new model plugs in here (one line) without touching the training loop or the CLI. */
public final class ModelRegistry {

    private static final Map<String, ModelFactory<?>> FACTORIES = new LinkedHashMap<>();

    static {
        register(new SoftmaxUNet.Factory());
        register(new Ensemble.Factory());
        register(new McDropoutUNet.Factory());
        register(new ProbabilisticUNet.Factory());
        register(new TtaUNet.Factory());
        register(new StochasticSegmentationNetwork.Factory());
    }

    private ModelRegistry() {
    }

    private static void register(ModelFactory<?> factory) {
        FACTORIES.put(factory.name(), factory);
    }

    /** The registered names, in registration order. */
    public static Set<String> names() {
        return FACTORIES.keySet();
    }

    /** Every registered factory, in registration order. */
    public static List<ModelFactory<?>> factories() {
        return new ArrayList<>(FACTORIES.values());
    }

    /** Fails with a message listing the valid names when {@code name} is unknown. */
    public static void check(String name) {
        factory(name);
    }

    /** The factory of {@code name}, or an error listing the valid names. */
    public static ModelFactory<?> factory(String name) {
        ModelFactory<?> f = FACTORIES.get(name);
        if (f == null) {
            throw new InputException("unknown model '" + name + "': expected one of " + String.join(", ", names()));
        }
        return f;
    }

    /** The factory whose settings record is {@code type}. */
    static ModelFactory<?> factoryOf(Class<?> type) {
        for (ModelFactory<?> f : FACTORIES.values()) {
            if (f.settingsType() == type) {
                return f;
            }
        }
        throw new IllegalArgumentException(type + " is not the settings record of a registered model");
    }

    /** Builds the model {@code name} from a stored spec. */
    public static ProbabilisticSegmenter create(String name, ModelSpec spec) {
        return factory(name).create(spec);
    }
}
