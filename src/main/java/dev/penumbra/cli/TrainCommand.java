package dev.penumbra.cli;

import ai.djl.Device;
import dev.penumbra.InputException;
import dev.penumbra.config.Preset;
import dev.penumbra.data.DataOptions;
import dev.penumbra.data.DataSource;
import dev.penumbra.data.Dataset;
import dev.penumbra.io.Progress;
import dev.penumbra.model.ModelRegistry;
import dev.penumbra.train.ResumeCheck;
import dev.penumbra.train.RunSpec;
import dev.penumbra.train.RunSpecs;
import dev.penumbra.train.TrainRun;
import dev.penumbra.train.TrainingOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code penumbra train}. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a model into a new run folder.", "",
            "Uses the preset's settings (the paper's for lidc and isic) unless overridden, stops early on validation"
                + " loss, and writes best and last checkpoints, a metrics log and provenance."})
public final class TrainCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "NAME", description = "Model: ${COMPLETION-CANDIDATES} (required"
            + " unless --resume).",
            completionCandidates = ModelNames.class)
    String model;

    @Option(names = "--data", paramLabel = "DIR|NAME", description = "Dataset folder, or synthetic-ambiguous /"
            + " synthetic-unambiguous (required unless --resume).")
    String data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "New run folder (with --resume: the run to continue).")
    Path out;

    @Option(names = "--preset", paramLabel = "lidc|isic|demo", defaultValue = "lidc", description = "Starting settings (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--resume", description = "Continue the run in --out from its last checkpoint, with the"
            + " settings and data it was started with: 'train --resume --out DIR' is enough. Any option that"
            + " defines the run (--model, --data, --lr, --max-steps, --size, ...) must be left out or repeat the run's"
            + " value; only --threads, --device and --quiet may change. Refused when the data's files changed"
            + " since the run started.")
    boolean resume;

    @Option(names = "--lr", paramLabel = "RATE", description = "Adam learning rate (default: the preset's).")
    Float lr;

    @Option(names = "--batch-size", paramLabel = "N", description = "Images per step (default: the preset's).")
    Integer batchSize;

    @Option(names = "--max-epochs", paramLabel = "N", description = "Epoch cap (default: the preset's).")
    Integer maxEpochs;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "0", description = "Cap on gradient updates; 0 = none (default).")
    long maxSteps;

    @Option(names = "--patience", paramLabel = "EPOCHS", description = "Early-stopping patience; 0 = off (default: the preset's).")
    Integer patience;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1", description = "Seed of initialisation, batches, augmentation and sampling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--filters", paramLabel = "F,F,...", split = ",", description = "U-Net filters per level (default: the preset's).")
    List<Integer> filters;

    @Option(names = "--dropout", paramLabel = "P", description = "mcdropout: channel-dropout probability in (0, 1)"
            + " (default: the preset's: 0.5 for lidc and isic, 0.1 for demo).")
    Double dropout;

    @Option(names = "--input-dropout", negatable = true, description = "mcdropout: drop channels of the input image"
            + " in the first block, as the published code does; --no-input-dropout drops only features (default: the"
            + " preset's: on for isic, off for lidc and demo).")
    Boolean inputDropout;

    @Option(names = "--members", paramLabel = "M", description = "ensemble: number of U-Nets (default: ${DEFAULT-VALUE}).", defaultValue = "4")
    int members;

    @Option(names = "--latent-dim", paramLabel = "D", description = "punet: latent dimensions (default: ${DEFAULT-VALUE}).", defaultValue = "6")
    int latentDim;

    @Option(names = "--beta", paramLabel = "B", description = "punet: weight of the KL term (default: the preset's; 0.0005 in the paper).")
    Double beta;

    @Option(names = "--residual", description = "Residual blocks (the paper text) instead of plain ones (the published code).")
    boolean residual;

    @Option(names = "--batch-norm", negatable = true, description = "Batch norm in every block (default: the preset's; off in the published code).")
    Boolean batchNorm;

    @Option(names = "--ged-every", paramLabel = "EPOCHS", description = "Log the validation GED@16 and sample"
            + " diversity every EPOCHS epochs; 0 = never (default: the preset's: 5 for demo, 0 for lidc and isic).")
    Integer gedEvery;

    @Option(names = "--class-weights", paramLabel = "W,W,...", split = ",", description = "Cross-entropy weight per class.")
    List<Float> classWeights;

    @Option(names = "--no-augment", description = "Train without augmentation.")
    boolean noAugment;

    @Mixin
    DataOptionsMixin dataOptions;

    @Mixin
    EstimatorOption estimator;

    @Mixin
    EngineOptions engine;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Device device = engine.apply();
        RunSpec run;
        Dataset dataset;
        if (resume) {
            run = TrainRun.readSpec(out);
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
            Preset p = Preset.named(preset);
            DataOptions options = dataOptions.build(p.size());
            dataset = DataSource.read(data, options);
            run = spec(model, p, data, options, dataset.channels(), dataset.height(), dataset.width());
        }
        spec.commandLine().getOut().printf("training %s on %s (%d train / %d val images) into %s%n", run.model(),
                run.data(), dataset.split(dev.penumbra.data.Split.TRAIN).size(),
                dataset.split(dev.penumbra.data.Split.VAL).size(), out);
        TrainingOutcome outcome = TrainRun.run(run, dataset, out, device,
                engine.quiet() ? Progress.Factory.QUIET : Progress.Factory.CONSOLE, resume);
        spec.commandLine().getOut().printf("done: %d steps, best validation loss %.4f at epoch %d%s; run in %s%n",
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
        Preset p = Preset.named(presetGiven ? preset : stored.preset());
        return spec(m, p, data != null ? data : stored.data(), dataOptions.build(p.size()), stored.channels(),
                stored.height(), stored.width());
    }

    private RunSpec spec(String model, Preset p, String data, DataOptions options, int channels, int height,
                         int width) {
        checkModelOptions(model);
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
        RunSpecs.Overrides o = new RunSpecs.Overrides(lr, batchSize, maxEpochs, maxSteps, patience, filters, dropout,
                batchNorm, residual, weights, members, latentDim, beta, !noAugment, gedEvery, inputDropout);
        RunSpec r = RunSpecs.of(model, p, o, data, options, channels, height, width, seed);
        return r.withTraining(r.training().withGedEstimator(estimator.get()));
    }

    /** Model-specific options given to another model would be ignored: refuse them instead. */
    private void checkModelOptions(String model) {
        CommandSpec cs = spec;
        String[][] owners = {{"--dropout", "mcdropout"}, {"--input-dropout", "mcdropout"},
            {"--members", "ensemble"}, {"--latent-dim", "punet"}, {"--beta", "punet"}};
        for (String[] o : owners) {
            if (cs.commandLine().getParseResult().hasMatchedOption(o[0]) && !model.equals(o[1])) {
                throw new InputException(o[0] + " applies to --model " + o[1] + " only, not " + model);
            }
        }
    }

    /** Registered model names, for help and completion. */
    static final class ModelNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ModelRegistry.names().iterator();
        }
    }
}
