package dev.penumbra.study;

import dev.penumbra.active.ActiveSettings;
import dev.penumbra.config.Preset;
import dev.penumbra.data.DataOptions;
import dev.penumbra.data.Dataset;
import dev.penumbra.model.ModelRegistry;
import dev.penumbra.nn.Precision;
import dev.penumbra.tune.GridParameter;
import dev.penumbra.train.RunSpec;
import dev.penumbra.train.RunSpecs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The choices behind a study, turned into its {@link StudyDefinition}: the preset's settings for every model, with
 * the overrides given (null = the preset's) and a tuning's winner per model. Active-learning defaults follow the
 * preset: the paper's 50 + 10 x 25 images, 5000 steps, 3 seeds; for {@code demo}, 8 + 2 x 8 images, 25 steps, 1
 * seed. {@code penumbra study} and {@code penumbra demo} both define their studies here.
 *
 * @param tuned      the winning settings ("dropout", "beta", "lr") of a tuning, by model
 * @param tunedFrom  the tuning folder of each tuned model
 * @param precision  the precision of every training and evaluation of the study
 */
public record StudyPlan(Preset preset, String data, DataOptions options, List<String> models, boolean skipActive,
                        List<String> strategies, Integer seeds, Integer initial, Integer add, Integer rounds,
                        Integer steps, Integer maxEpochs, Integer batchSize, List<Integer> filters, long seed,
                        Map<String, Map<String, Double>> tuned, Map<String, String> tunedFrom,
                        Precision precision) {

    /** The definition of the study on {@code dataset}. */
    public StudyDefinition define(Dataset dataset) {
        boolean demo = preset.name().equals("demo");
        models.forEach(m -> ModelRegistry.check(m.trim()));
        Map<String, RunSpec> runs = new LinkedHashMap<>();
        Map<String, StudyDefinition.ActiveBase> active = new LinkedHashMap<>();
        Map<String, String> from = new LinkedHashMap<>();
        for (String raw : models) {
            String model = raw.trim();
            Map<String, Double> t = tuned.getOrDefault(model, Map.of());
            if (!t.isEmpty()) {
                from.put(model, tunedFrom.get(model));
            }
            runs.put(model, GridParameter.apply(t, model, RunSpecs.of(model, preset).optBatchSize(batchSize)
                    .optMaxEpochs(maxEpochs).optFilters(filters).optPrecision(precision))
                    .build(data, options, dataset, seed));
            if (!skipActive) {
                ActiveSettings a = new ActiveSettings(model, strategies.stream().map(String::trim).toList(),
                        seeds != null ? seeds : demo ? 1 : ActiveSettings.SEEDS, seed,
                        initial != null ? initial : demo ? 8 : ActiveSettings.INITIAL,
                        add != null ? add : demo ? 8 : ActiveSettings.ADD,
                        rounds != null ? rounds : demo ? 2 : ActiveSettings.ROUNDS,
                        steps != null ? steps : demo ? 25 : ActiveSettings.STEPS);
                RunSpec base = GridParameter.apply(t, model, RunSpecs.of(model, preset).optBatchSize(batchSize)
                        .optFixedSteps(a.steps()).optFilters(filters).optPrecision(precision))
                        .build(data, options, dataset, seed);
                active.put(model, new StudyDefinition.ActiveBase(a, base));
            }
        }
        return new StudyDefinition(preset.name(), data, runs, active, from);
    }
}
