package dev.penumbra.train;

import dev.penumbra.config.Preset;
import dev.penumbra.data.DataOptions;
import dev.penumbra.data.Dataset;
import dev.penumbra.data.augment.AugmentationConfig;
import dev.penumbra.metric.Ged;
import dev.penumbra.model.ModelDefaults;
import dev.penumbra.model.ModelFactory;
import dev.penumbra.model.ModelRegistry;
import dev.penumbra.model.ModelSettings;
import dev.penumbra.model.ModelSpec;
import dev.penumbra.nn.Precision;
import dev.penumbra.nn.UNetConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link RunSpec} from a preset, with what the user set on top: {@code opt} methods take null (or, for
 * the model's settings, no entry) for "the preset's value".
 */
public final class RunSpecs {

    private final String model;
    private final Preset preset;
    private Float learningRate;
    private Integer batchSize;
    private Integer maxEpochs;
    private long maxSteps;
    private Integer patience;
    private List<Integer> filters;
    private Boolean batchNorm;
    private boolean residual;
    private float[] classWeights;
    private boolean augment = true;
    private Integer gedEvery;
    private Ged.Estimator gedEstimator;
    private Precision precision;
    private final Map<String, Object> modelSettings = new LinkedHashMap<>();

    private RunSpecs(String model, Preset preset) {
        ModelRegistry.check(model);
        this.model = model;
        this.preset = preset;
    }

    /** A run of {@code model} with {@code preset}'s settings. */
    public static RunSpecs of(String model, Preset preset) {
        return new RunSpecs(model, preset);
    }

    public RunSpecs optLearningRate(Float lr) {
        this.learningRate = lr;
        return this;
    }

    public RunSpecs optBatchSize(Integer n) {
        this.batchSize = n;
        return this;
    }

    public RunSpecs optMaxEpochs(Integer n) {
        this.maxEpochs = n;
        return this;
    }

    /** @param steps cap on gradient updates; 0 = none (the default) */
    public RunSpecs optMaxSteps(long steps) {
        this.maxSteps = steps;
        return this;
    }

    /**
     * A training of exactly {@code steps} gradient updates, without model selection: no epoch cap, no early
     * stopping, no validation GED (the active-learning rounds' trainings, whose last checkpoint is used).
     */
    public RunSpecs optFixedSteps(long steps) {
        return optMaxEpochs(Integer.MAX_VALUE).optMaxSteps(steps).optPatience(0).optGedEvery(0);
    }

    public RunSpecs optPatience(Integer epochs) {
        this.patience = epochs;
        return this;
    }

    public RunSpecs optFilters(List<Integer> f) {
        this.filters = f;
        return this;
    }

    public RunSpecs optBatchNorm(Boolean on) {
        this.batchNorm = on;
        return this;
    }

    /** @param on residual blocks (the paper text) instead of plain ones (the published code, the default) */
    public RunSpecs optResidual(boolean on) {
        this.residual = on;
        return this;
    }

    /** @param w C weights, or null for the preset's */
    public RunSpecs optClassWeights(float[] w) {
        this.classWeights = w == null ? null : w.clone();
        return this;
    }

    /** @param on train with the preset's augmentation (the default) or without any */
    public RunSpecs optAugment(boolean on) {
        this.augment = on;
        return this;
    }

    /** @param epochs epochs between validation GED measurements (0 = never), or null for the preset's */
    public RunSpecs optGedEvery(Integer epochs) {
        this.gedEvery = epochs;
        return this;
    }

    /** @param p the precision of training and validation (default: fp32) */
    public RunSpecs optPrecision(Precision p) {
        this.precision = p;
        return this;
    }

    /** @param e the validation GED's estimator, or null for the paper's */
    public RunSpecs optGedEstimator(Ged.Estimator e) {
        this.gedEstimator = e;
        return this;
    }

    /**
     * @param values the model's own settings by option key (e.g. {@code members}, {@code beta}); keys of another
     *               model are an error
     */
    public RunSpecs optModelSettings(Map<String, ?> values) {
        values.forEach((k, v) -> {
            ModelRegistry.factory(model).option(k);
            modelSettings.put(k, v);
        });
        return this;
    }

    /** The run on {@code dataset}. */
    public RunSpec build(String data, DataOptions options, Dataset dataset, long seed) {
        return build(data, options, dataset.channels(), dataset.height(), dataset.width(), seed);
    }

    /** The run on images of {@code channels} x {@code h} x {@code w}, without reading the data. */
    public RunSpec build(String data, DataOptions options, int channels, int h, int w, long seed) {
        ModelDefaults<?> defaults = ModelRegistry.factory(model).defaults(preset);
        UNetConfig backbone = new UNetConfig(channels, options.classes(), filters == null ? preset.filters() : filters,
                3, batchNorm == null ? preset.batchNorm() : batchNorm, 0, residual, true);
        backbone.checkInputSize(h, w);
        float[] weights = classWeights != null ? classWeights : preset.classWeightsFor(options.classes());
        ModelSpec spec = new ModelSpec(backbone, weights, ownSettings(ModelRegistry.factory(model)));
        TrainSettings training = new TrainSettings(batchSize == null ? preset.batchSize() : batchSize,
                learningRate == null ? defaults.learningRate() : learningRate,
                maxEpochs == null ? defaults.maxEpochs() : maxEpochs, maxSteps,
                patience == null ? defaults.patience() : patience, seed,
                augment ? preset.augmentation() : AugmentationConfig.none(),
                gedEvery == null ? preset.gedEvery() : gedEvery, gedEstimator, precision);
        return new RunSpec(model, spec, training, data, options, preset.name(), channels, h, w);
    }

    private <S extends ModelSettings> S ownSettings(ModelFactory<S> factory) {
        return factory.with(factory.defaults(preset).settings(), modelSettings);
    }
}
