package dev.penumbra.cli;

import ai.djl.Device;
import dev.penumbra.InputException;
import dev.penumbra.config.Preset;
import dev.penumbra.data.DataOptions;
import dev.penumbra.data.DataSource;
import dev.penumbra.data.Dataset;
import dev.penumbra.model.ModelRegistry;
import dev.penumbra.nn.Precision;
import dev.penumbra.train.ResumeCheck;
import dev.penumbra.train.RunSpec;
import dev.penumbra.train.RunSpecs;
import dev.penumbra.train.TrainRun;
import dev.penumbra.train.TrainingOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code penumbra train}. */
@Command(name = "train", mixinStandardHelpOptions = true, modelTransformer = ModelOptions.class,
        description = {"Train a model into a new run folder.", """
            %n\
            Uses the preset's settings (the paper's for lidc and isic) unless overridden; without --preset, \
            the preset that fits the data's layout (isic for ISIC data, lidc for LIDC crops, else lidc). Stops early on \
            validation loss, and writes best and last checkpoints, a metrics log and provenance.%n\
            %n\
            --resume continues the run in --out from its last checkpoint, with the settings and data it was \
            started with: 'train --resume --out DIR' is enough. Any option that defines the run (--model, \
            --data, --lr, --max-steps, --size, ...) must be left out or repeat the run's value; only \
            --threads, --device and --quiet may change. Refused when the data's files changed since the run \
            started."""})
public final class TrainCommand extends PenumbraCommand {

    @Option(names = "--model", paramLabel = "NAME", description = "Model: ${COMPLETION-CANDIDATES} (required"
            + " unless --resume).",
            completionCandidates = ModelNames.class)
    String model;

    @Mixin
    LearningRateOption lr;

    @Mixin
    MaxEpochsOption maxEpochs;

    @Mixin
    MaxStepsOption maxSteps;

    @Option(names = "--patience", paramLabel = "EPOCHS", description = "Early-stopping patience; 0 = off (default: the preset's).")
    Integer patience;

    @Option(names = "--residual", description = "Residual blocks (the paper text) instead of plain ones (the published code).")
    boolean residual;

    @Option(names = "--batch-norm", negatable = true, description = "Batch norm in every block (default: the preset's; off in the published code).")
    Boolean batchNorm;

    @Option(names = "--ged-every", paramLabel = "EPOCHS", description = "Log the validation GED@16 and sample"
            + " diversity every EPOCHS epochs; 0 = never (default: the preset's: 5 for demo, 0 for lidc and isic).")
    Integer gedEvery;

    @Option(names = "--class-weights", paramLabel = "W,W,...", split = ",", hideParamSyntax = true, description = "Cross-entropy weight per class.")
    List<Float> classWeights;

    @Option(names = "--no-augment", description = "Train without augmentation.")
    boolean noAugment;

    @Mixin
    TrainingOptions common;

    /** The resolved --precision, set when the command runs. */
    private Precision precision;

    @Override
    public Integer call() {
        Path out = common.out.get();
        String data = common.run.data.orNull();
        Device device = common.run.engine.apply();
        precision = common.run.precision.resolve(device);
        RunSpec run;
        Dataset dataset;
        if (common.resume) {
            run = TrainRun.readSpec(out);
            PrecisionOption.checkRunnable(run.training().precision(), device, out.resolve(RunSpec.FILE));
            Set<String> given = givenOptions();
            if (!ResumeCheck.MAY_CHANGE.containsAll(given)) {
                ResumeCheck.refuseChanges(run, asNew(run), given, out);
            }
            dataset = DataSource.read(run.data(), run.dataOptions());
        } else {
            if (model == null || data == null) {
                throw new InputException("train: " + (model == null ? "--model" : "--data") + " is required for a"
                        + " new run (only --resume continues the run in --out without it)");
            }
            ModelRegistry.check(model);
            PresetChoice choice = PresetChoice.of(common.run.preset,
                    spec.commandLine().getParseResult().hasMatchedOption("--preset"), data, common.run.reading);
            choice.message().ifPresent(m -> out().println(m));
            Preset p = choice.preset();
            DataOptions options = common.run.reading.build(p.size());
            dataset = DataSource.read(data, options);
            run = spec(model, p, data, options, dataset.channels(), dataset.height(), dataset.width());
        }
        out().printf("training %s on %s (%d train / %d val images) into %s%n", run.model(),
                run.data(), dataset.split(dev.penumbra.data.Split.TRAIN).size(),
                dataset.split(dev.penumbra.data.Split.VAL).size(), out);
        TrainingOutcome outcome = TrainRun.run(run, dataset, out, device,
                common.run.engine.progress(), common.resume);
        out().printf("done: %d steps, best validation loss %.4f at epoch %d%s; run in %s%n",
                outcome.steps(), outcome.bestLoss(), outcome.bestEpoch(),
                outcome.stoppedEarly() ? " (early stop)" : "", out);
        return 0;
    }

    /** The options given on the command line, by their longest names. */
    private Set<String> givenOptions() {
        Set<String> names = new LinkedHashSet<>();
        spec.commandLine().getParseResult().matchedOptions().forEach(o -> names.add(o.longestName()));
        return names;
    }

    /** The run these options would start, with the stored run's model, preset and data where none is given. */
    private RunSpec asNew(RunSpec stored) {
        String m = model != null ? model : stored.model();
        ModelRegistry.check(m);
        boolean presetGiven = spec.commandLine().getParseResult().hasMatchedOption("--preset");
        Preset p = presetGiven ? common.run.preset.get() : Preset.named(stored.preset());
        return spec(m, p, common.run.data.or(stored.data()), common.run.reading.build(p.size()), stored.channels(),
                stored.height(), stored.width());
    }

    private RunSpec spec(String model, Preset p, String data, DataOptions options, int channels, int height,
                         int width) {
        float[] weights = null;
        if (classWeights != null) {
            weights = new float[classWeights.size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = classWeights.get(i);
                if (!(weights[i] > 0)) {
                    throw new InputException("--class-weights must be positive, got " + classWeights);
                }
            }
        }
        return common.run.steps.apply(RunSpecs.of(model, p)).optLearningRate(lr.get())
                .optMaxEpochs(maxEpochs.get()).optMaxSteps(maxSteps.get()).optPatience(patience).optBatchNorm(batchNorm)
                .optResidual(residual).optClassWeights(weights).optAugment(!noAugment).optGedEvery(gedEvery)
                .optGedEstimator(common.estimator.get()).optPrecision(precision)
                .optModelSettings(ModelOptions.given(spec, model))
                .build(data, options, channels, height, width, common.run.seed.get());
    }

    /** Registered model names, for help and completion. */
    static final class ModelNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ModelRegistry.names().iterator();
        }
    }
}
