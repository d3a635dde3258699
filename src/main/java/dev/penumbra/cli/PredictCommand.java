package dev.penumbra.cli;

import ai.djl.Device;
import dev.penumbra.InputException;
import dev.penumbra.config.Provenance;
import dev.penumbra.data.DataSource;
import dev.penumbra.data.Dataset;
import dev.penumbra.data.Sample;
import dev.penumbra.data.Split;
import dev.penumbra.io.OutputFolder;
import dev.penumbra.metric.Ged;
import dev.penumbra.model.Sampler;
import dev.penumbra.predict.ImagePrediction;
import dev.penumbra.predict.Predictor;
import dev.penumbra.train.TrainRun;
import dev.penumbra.train.TrainedModel;
import dev.penumbra.io.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** {@code penumbra predict}. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Apply a trained run to a dataset split.", """
            %n\
            Writes, per image into OUT/<id>/, the mean class probabilities (16-bit PNG), the entropy map \
            (heat-map PNG and float32 .npy, in bits) and the sample masks (PNG); and OUT/predictions.csv \
            with per-image entropy, foreground share, Dice to the annotators' majority, and GED and sample \
            diversity of the samples against the annotations."""})
public final class PredictCommand extends PenumbraCommand {

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "Run folder written by 'penumbra train'.")
    Path run;

    @Option(names = "--split", paramLabel = "train|val|test", defaultValue = "test", description = "Split to predict (default: ${DEFAULT-VALUE}).")
    String split;

    @Mixin
    SampledOptions common;

    @Override
    public Integer call() {
        String data = common.data.orNull();
        Path out = common.out.get();
        int samples = common.sampling.samples();
        int batchSize = common.sampling.batchSize();
        long seed = common.seed.get();
        InputException.atLeast("--samples", samples, 1);
        InputException.atLeast("--batch-size", batchSize, 1);
        Split which = Split.parse(split);
        Device device = common.engine.apply();
        String trainedOn = TrainRun.readSpec(run).data();
        List<OutputFolder.Input> inputs = new ArrayList<>(List.of(new OutputFolder.Input("--run", run)));
        inputs.addAll(OutputFolder.Input.existing("--data", Collections.singletonList(data == null ? trainedOn : data)));
        try (OutputFolder folder = OutputFolder.fresh(out, "--out", inputs);
             TrainedModel trained = TrainedModel.load(run, device)) {
            List<ImagePrediction> rows = run(trained, data, which, samples, batchSize, seed, common.estimator.get(),
                    folder.dir(), common.engine.progress());
            folder.commit();
            out().printf("wrote predictions for %d %s images to %s%n", rows.size(),
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
                "samples", samples, "estimator", estimator.toString()), Map.of("train", trained.spec().training().seed(),
                "predict", seed),
                trained.manager().getDevice().toString(), started)
                .withData(source, trained.spec().dataOptions()).writeTo(out);
        return rows;
    }
}
