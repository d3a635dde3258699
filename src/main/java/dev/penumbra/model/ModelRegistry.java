package dev.penumbra.model;

import dev.penumbra.InputException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Creates models by short name; a new model plugs in here without touching the training loop. */
public final class ModelRegistry {

    private static final Map<String, Function<ModelSettings, ProbabilisticSegmenter>> MODELS = new LinkedHashMap<>();

    static {
        MODELS.put("softmax", s -> new SoftmaxUNet(s.backbone(), s.classWeights()));
        MODELS.put("ensemble", s -> new Ensemble(s.backbone(), s.ensembleMembers(), s.classWeights()));
        MODELS.put("mcdropout", s -> new McDropoutUNet(s.backbone(), s.classWeights()));
        MODELS.put("punet", s -> new ProbabilisticUNet(s.backbone(), s.latentDim(), s.beta(), s.classWeights()));
    }

    private ModelRegistry() {
    }

    /** The registered names, in registration order. */
    public static Set<String> names() {
        return MODELS.keySet();
    }

    /** Fails with a message listing the valid names when {@code name} is unknown. */
    public static void check(String name) {
        if (!MODELS.containsKey(name)) {
            throw new InputException("unknown model '" + name + "': expected one of " + String.join(", ", names()));
        }
    }

    public static ProbabilisticSegmenter create(String name, ModelSettings settings) {
        check(name);
        return MODELS.get(name).apply(settings);
    }
}
