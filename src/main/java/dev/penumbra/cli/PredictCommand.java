package dev.penumbra.cli;

import ai.djl.Device;
import dev.penumbra.InputException;
import dev.penumbra.config.Provenance;
import dev.penumbra.data.DataSource;
import dev.penumbra.data.ImageFolder;
import dev.penumbra.data.UnannotatedImage;
import dev.penumbra.data.Dataset;
import dev.penumbra.data.Sample;
import dev.penumbra.data.Split;
import dev.penumbra.io.OutputFolder;
import dev.penumbra.metric.Ged;
import dev.penumbra.model.Sampler;
import dev.penumbra.nn.Precision;
import dev.penumbra.predict.ImagePrediction;
import dev.penumbra.predict.Predictor;
import dev.penumbra.predict.UnannotatedPrediction;
import dev.penumbra.train.RunSpec;
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
            diversity of the samples against the annotations.""", """
            %n\
            Or, with --images DIR, to a folder of images without annotations: every image directly in DIR \
            (png, jpg, bmp, gif, tif; subfolders are not searched) is resized to the run's training size, \
            predicted, and its maps resized back to the image's own size, so that they overlay it; \
            predictions.csv then has each image's size and no annotation metrics, but keeps the sample \
            diversity."""})
public final class PredictCommand extends PenumbraCommand {

    @Mixin
    RunOption runOption;

    @Option(names = "--split", paramLabel = "train|val|test", description = "Split to predict (default: test).")
    String split;

    @Option(names = "--images", paramLabel = "DIR", description = "A folder of images without annotations to predict"
            + " instead of a split of --data; outputs at each image's own size.")
    Path images;

    @Mixin
    SampledOptions common;

    @Override
    public Integer call() {
        if (images != null) {
            return predictImages();
        }
        Path run = runOption.get();
        String data = common.data.orNull();
        Path out = common.out.get();
        int samples = common.sampling.samples();
        int batchSize = common.sampling.batchSize();
        long seed = common.seed.get();
        InputException.atLeast("--samples", samples, 1);
        InputException.atLeast("--batch-size", batchSize, 1);
        Split which = Split.parse(split == null ? "test" : split);
        Device device = common.engine.apply();
        Precision precision = common.precision.resolve(device);
        String trainedOn = TrainRun.readSpec(run).data();
        List<OutputFolder.Input> inputs = new ArrayList<>(List.of(new OutputFolder.Input("--run", run)));
        inputs.addAll(OutputFolder.Input.existing("--data", Collections.singletonList(data == null ? trainedOn : data)));
        try (OutputFolder folder = OutputFolder.fresh(out, "--out", inputs);
             TrainedModel trained = TrainedModel.load(run, device)) {
            List<ImagePrediction> rows = run(trained, data, which, samples, batchSize, seed, common.estimator.get(),
                    precision, folder.dir(), common.engine.progress());
            folder.commit();
            out().printf("wrote predictions for %d %s images to %s%n", rows.size(),
                    which.folder(), out);
        }
        return 0;
    }

    private int predictImages() {
        for (String[] other : new String[][] {{"--split", split}, {"--data", common.data.orNull()}}) {
            if (other[1] != null) {
                throw new InputException("--images and " + other[0] + " exclude each other: --images predicts every"
                        + " image of a folder without annotations, --data/--split a split of a dataset; give one");
            }
        }
        Path out = common.out.get();
        int samples = common.sampling.samples();
        int batchSize = common.sampling.batchSize();
        InputException.atLeast("--samples", samples, 1);
        InputException.atLeast("--batch-size", batchSize, 1);
        // every image is read and checked before the model loads and the output folder is claimed
        Path run = runOption.get();
        ImageFolder folder = ImageFolder.scan(images, "--images");
        RunSpec spec = TrainRun.readSpec(run);
        List<UnannotatedImage> read = folder.read(spec.channels(), spec.height(), spec.width(), "--run " + run);
        Device device = common.engine.apply();
        Precision precision = common.precision.resolve(device);
        List<OutputFolder.Input> inputs = List.of(new OutputFolder.Input("--run", run),
                new OutputFolder.Input("--images", images));
        try (OutputFolder staged = OutputFolder.fresh(out, "--out", inputs);
             TrainedModel trained = TrainedModel.load(run, device)) {
            List<UnannotatedPrediction> rows = runImages(trained, folder, read, samples, batchSize, common.seed.get(),
                    common.estimator.get(), precision, staged.dir(), common.engine.progress());
            staged.commit();
            out().printf("wrote predictions for %d images of %s to %s, each at its own size%n", rows.size(),
                    images, out);
        }
        return 0;
    }

    /**
     * Predicts the images of {@code folder} into {@code out}, with provenance; their maps are resized back to each
     * image's own size.
     *
     * @param read the folder's images as {@link ImageFolder#read} gives them for the run's channels and size
     */
    static List<UnannotatedPrediction> runImages(TrainedModel trained, ImageFolder folder,
                                                 List<UnannotatedImage> read, int samples, int batchSize, long seed,
                                                 Ged.Estimator estimator, Precision precision, Path out,
                                                 Progress.Factory progress) {
        Instant started = Instant.now();
        RunSpec spec = trained.spec();
        String name = folder.dir().getFileName() == null ? folder.dir().toString()
                : folder.dir().getFileName() + "/";
        List<UnannotatedPrediction> rows = new Predictor(trained, samples, batchSize, seed, estimator, precision)
                .predictImages(read, out, progress.on(name));
        Provenance.of("predict", Map.of("run", spec, "images", folder.dir().toString(), "samples", samples,
                "estimator", estimator.toString(), "precision", precision.key(), "outputSize", "each image's own"),
                Map.of("train", spec.training().seed(), "predict", seed),
                trained.manager().getDevice().toString(), started)
                .withData(folder.dir().toString(), folder.fingerprint()).writeTo(out);
        return rows;
    }

    /** Predicts one split of {@code data} (null = the run's own data) into {@code out}, with provenance. */
    static List<ImagePrediction> run(TrainedModel trained, String data, Split split, int samples, int batchSize,
                                     long seed, Ged.Estimator estimator, Precision precision, Path out,
                                     Progress.Factory progress) {
        Instant started = Instant.now();
        String source = data == null ? trained.spec().data() : data;
        Dataset dataset = DataSource.read(source, trained.spec().dataOptions());
        if (dataset.channels() != trained.spec().channels()) {
            throw new InputException("--data " + source + " has " + dataset.channels() + "-channel images but the"
                    + " run was trained on " + trained.spec().channels() + "-channel images");
        }
        List<Sample> samplesOfSplit = dataset.split(split);
        List<ImagePrediction> rows = new Predictor(trained, samples, batchSize, seed, estimator, precision)
                .predict(samplesOfSplit, out, progress.on(split.folder()));
        Provenance.of("predict", Map.of("run", trained.spec(), "data", source, "split", split.folder(),
                "samples", samples, "estimator", estimator.toString(), "precision", precision.key()), Map.of("train", trained.spec().training().seed(),
                "predict", seed),
                trained.manager().getDevice().toString(), started)
                .withData(source, trained.spec().dataOptions()).writeTo(out);
        return rows;
    }
}
