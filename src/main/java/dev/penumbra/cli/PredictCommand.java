package dev.penumbra.cli;

import ai.djl.Device;
import dev.penumbra.InputException;
import dev.penumbra.config.Provenance;
import dev.penumbra.data.DataSource;
import dev.penumbra.data.Dataset;
import dev.penumbra.data.Sample;
import dev.penumbra.data.Split;
import dev.penumbra.io.OutputFolder;
import dev.penumbra.io.Progress;
import dev.penumbra.metric.Ged;
import dev.penumbra.model.Sampler;
import dev.penumbra.predict.ImagePrediction;
import dev.penumbra.predict.Predictor;
import dev.penumbra.train.TrainRun;
import dev.penumbra.train.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code penumbra predict}. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Apply a trained run to a dataset split.", "",
            "Writes, per image into OUT/<id>/, the mean class probabilities (16-bit PNG), the entropy map (heat-map"
                + " PNG and float32 .npy, in bits) and the sample masks (PNG); and OUT/predictions.csv with per-image"
                + " entropy, foreground share, Dice to the annotators' majority, and GED and sample diversity of the"
                + " samples against the annotations."})
public final class PredictCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "Run folder written by 'penumbra train'.")
    Path run;

    @Option(names = "--data", paramLabel = "DIR|NAME", description = "Dataset (default: the one the run was trained on).")
    String data;

    @Option(names = "--split", paramLabel = "train|val|test", defaultValue = "test", description = "Split to predict (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "" + Sampler.DEFAULT_SAMPLES, description = "Samples per image (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "8", description = "Images per forward pass (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "New or empty output folder.")
    Path out;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1", description = "Seed of the sampling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    EstimatorOption estimator;

    @Mixin
    EngineOptions engine;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (samples < 1) {
            throw new InputException("--samples must be at least 1, got " + samples);
        }
        if (batchSize < 1) {
            throw new InputException("--batch-size must be at least 1, got " + batchSize);
        }
        Split which = Split.parse(split);
        Device device = engine.apply();
        String trainedOn = TrainRun.readSpec(run).data();
        List<OutputFolder.Input> inputs = new ArrayList<>(List.of(new OutputFolder.Input("--run", run)));
        inputs.addAll(OutputFolder.Input.existing("--data", Collections.singletonList(data == null ? trainedOn : data)));
        try (OutputFolder folder = OutputFolder.fresh(out, "--out", inputs);
             TrainedModel trained = TrainedModel.load(run, device)) {
            List<ImagePrediction> rows = run(trained, data, which, samples, batchSize, seed, estimator.get(),
                    folder.dir(), engine.quiet() ? Progress.Factory.QUIET : Progress.Factory.CONSOLE);
            folder.commit();
            spec.commandLine().getOut().printf("wrote predictions for %d %s images to %s%n", rows.size(),
                    which.folder(), out);
        }
        return 0;
    }

    /** Predicts one split of {@code data} (null = the run's own data) into {@code out}, with provenance. */
    static List<ImagePrediction> run(TrainedModel trained, String data, Split split, int samples, int batchSize,
                                     long seed, Ged.Estimator estimator, Path out, Progress.Factory progress) {
        Instant started = Instant.now();
        String source = data == null ? trained.spec().data() : data;
        Dataset dataset = DataSource.read(source, trained.spec().dataOptions());
        if (dataset.channels() != trained.spec().channels()) {
            throw new InputException("--data " + source + " has " + dataset.channels() + "-channel images but the"
                    + " run was trained on " + trained.spec().channels() + "-channel images");
        }
        List<Sample> samplesOfSplit = dataset.split(split);
        List<ImagePrediction> rows = new Predictor(trained, samples, batchSize, seed, estimator).predict(samplesOfSplit, out,
                progress);
        Provenance.of("predict", Map.of("run", trained.spec(), "data", source, "split", split.folder(),
                "samples", samples, "estimator", estimator.toString()), Map.of("train", trained.spec().training().seed(), "predict", seed),
                trained.manager().getDevice().toString(), started).writeTo(out);
        return rows;
    }
}
