package dev.penumbra.cli;

import ai.djl.Device;
import dev.penumbra.InputException;
import dev.penumbra.config.Preset;
import dev.penumbra.data.DataOptions;
import dev.penumbra.data.DataSource;
import dev.penumbra.data.Dataset;
import dev.penumbra.data.augment.AugmentationConfig;
import dev.penumbra.io.Progress;
import dev.penumbra.model.ModelRegistry;
import dev.penumbra.model.ModelSettings;
import dev.penumbra.nn.UNetConfig;
import dev.penumbra.train.RunSpec;
import dev.penumbra.train.TrainRun;
import dev.penumbra.train.TrainSettings;
import dev.penumbra.train.TrainingOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code penumbra train}. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a model into a new run folder.", "",
            "Uses the preset's settings (the paper's for lidc and isic) unless overridden, stops early on validation"
                + " loss, and writes best and last checkpoints, a metrics log and provenance."})
public final class TrainCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "NAME", description = "Model: ${COMPLETION-CANDIDATES}.",
            completionCandidates = ModelNames.class)
    String model;

    @Option(names = "--data", required = true, paramLabel = "DIR|NAME", description = "Dataset folder, or synthetic-ambiguous / synthetic-unambiguous.")
    String data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "New run folder.")
    Path out;

    @Option(names = "--preset", paramLabel = "lidc|isic|demo", defaultValue = "lidc", description = "Starting settings (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--resume", description = "Continue the run in --out from its last checkpoint.")
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

    @Option(names = "--dropout", paramLabel = "P", description = "Channel-dropout probability in [0, 1) for models that sample through dropout (default: the preset's).")
    Double dropout;

    @Option(names = "--residual", description = "Residual blocks (the paper text) instead of plain ones (the published code).")
    boolean residual;

    @Option(names = "--no-batch-norm", description = "Leave out batch norm.")
    boolean noBatchNorm;

    @Option(names = "--class-weights", paramLabel = "W,W,...", split = ",", description = "Cross-entropy weight per class.")
    List<Float> classWeights;

    @Option(names = "--no-augment", description = "Train without augmentation.")
    boolean noAugment;

    @Mixin
    DataOptionsMixin dataOptions;

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
            dataset = DataSource.read(run.data(), run.dataOptions());
        } else {
            ModelRegistry.check(model);
            Preset p = Preset.named(preset);
            DataOptions options = dataOptions.build(p.size());
            dataset = DataSource.read(data, options);
            run = spec(p, dataset, options);
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

    private RunSpec spec(Preset p, Dataset dataset, DataOptions options) {
        Preset.ModelPreset mp = p.forModel(model);
        int channels = dataset.channels();
        int h = dataset.height();
        int w = dataset.width();
        UNetConfig backbone = new UNetConfig(channels, 2, filters == null ? p.filters() : filters, 3, !noBatchNorm,
                dropout == null ? mp.dropout() : dropout, residual);
        backbone.checkInputSize(h, w);
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
        ModelSettings settings = new ModelSettings(backbone, weights, 4, 6, 0.0005);
        TrainSettings training = new TrainSettings(batchSize == null ? p.batchSize() : batchSize,
                lr == null ? mp.learningRate() : lr, maxEpochs == null ? mp.maxEpochs() : maxEpochs, maxSteps,
                patience == null ? mp.patience() : patience, seed,
                noAugment ? AugmentationConfig.none() : AugmentationConfig.paper());
        return new RunSpec(model, settings, training, data, options, p.name(), channels, h, w);
    }

    /** Registered model names, for help and completion. */
    static final class ModelNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ModelRegistry.names().iterator();
        }
    }
}
