package dev.penumbra.predict;

import ai.djl.ndarray.NDArray;
import dev.penumbra.config.Seeds;
import dev.penumbra.data.Image;
import dev.penumbra.data.Mask;
import dev.penumbra.data.Sample;
import dev.penumbra.data.UnannotatedImage;
import dev.penumbra.io.AtomicFiles;
import dev.penumbra.io.CsvFiles;
import dev.penumbra.io.Progress;
import dev.penumbra.metric.Ged;
import dev.penumbra.metric.Overlap;
import dev.penumbra.model.SampledPrediction;
import dev.penumbra.model.Sampler;
import dev.penumbra.nn.Precision;
import dev.penumbra.train.TrainedModel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

/**
 * Draws n samples per image and writes, per image into {@code out/<id>/}: the mean class probabilities
 * ({@code probability_c<k>.png}, 16-bit, for every class but background), the entropy map as a heat-map
 * ({@code entropy.png}, black = 0, yellow = log2(C) bits) and as raw float32 bits ({@code entropy.npy}, H x W),
 * and the sample masks ({@code sample_<i>.png}, class k drawn as k * 255 / (C - 1); one file for a model whose
 * samples are all alike). Also {@code predictions.csv}: per image the entropy summaries, foreground share, distinct
 * samples and sample diversity; for annotated images also Dice to the annotators' majority and the GED of the n
 * samples (paper estimator). Annotated images are written at the size the model saw; images without annotations at
 * their own size (see {@link PredictionMaps}).
 */
public final class Predictor {

    private final TrainedModel trained;
    private final int samples;
    private final Sampler sampler;
    private final Random annotationDraws;
    private final Ged.Estimator estimator;

    /**
     * Seeds the engine for the predictions' samples.
     *
     * @param seed      seeds the sampling ({@link Seeds#PREDICTION_SAMPLING}) and the annotation draws of the GED's
     *                  paper estimator ({@link Seeds#PREDICTION_GED_DRAWS})
     * @param estimator the GED (and sample diversity) estimator of predictions.csv
     * @param precision the precision the model's networks compute in
     */
    public Predictor(TrainedModel trained, int samples, int batchSize, long seed, Ged.Estimator estimator,
                     Precision precision) {
        this.trained = trained;
        this.estimator = estimator;
        this.samples = samples;
        this.sampler = trained.sampler(batchSize, Seeds.PREDICTION_SAMPLING.of(seed), precision);
        this.annotationDraws = Seeds.PREDICTION_GED_DRAWS.random(seed);
    }

    /** Predicts annotated images (a dataset split) at the model's size, scoring them against their annotations. */
    public List<ImagePrediction> predict(List<Sample> data, Path out, Progress.Factory progress) {
        List<ImagePrediction> rows = new ArrayList<>();
        sample(data, Sample::image, Sample::id, progress, (s, maps) -> {
            maps.write(out.resolve(s.id()), written(), maps.height(), maps.width());
            rows.add(scored(s, maps));
        });
        writeCsv(rows, out.resolve("predictions.csv"));
        return rows;
    }

    /**
     * Predicts images without annotations; each image's maps are resized back to the image's own size, so that they
     * overlay it.
     */
    public List<UnannotatedPrediction> predictImages(List<UnannotatedImage> images, Path out,
                                                     Progress.Factory progress) {
        List<UnannotatedPrediction> rows = new ArrayList<>();
        sample(images, UnannotatedImage::image, UnannotatedImage::id, progress, (image, maps) -> {
            maps.write(out.resolve(image.id()), written(), image.height(), image.width());
            PredictionMaps.Summary s = maps.summary();
            rows.add(new UnannotatedPrediction(image.id(), image.file().getFileName().toString(), image.height(),
                    image.width(), s.meanBits(), s.maxBits(), s.sumBits(), s.foregroundFraction(),
                    maps.distinct(written()), Ged.sampleDiversity(maps.foreground(samples), estimator)));
        });
        writeImagesCsv(rows, out.resolve("predictions.csv"));
        return rows;
    }

    /** What is done with each image's prediction. */
    private interface ImageConsumer<T> {
        void accept(T item, PredictionMaps maps);
    }

    private <T> void sample(List<T> items, Function<T, Image> imageOf, Function<T, String> idOf,
                            Progress.Factory progress,
                            ImageConsumer<T> each) {
        int classes = trained.model().classes();
        try (Progress bar = progress.start("predict " + trained.model().name(), items.size())) {
            sampler.sample(items, imageOf, samples,
                    (List<T> part, SampledPrediction prediction) -> {
                        NDArray mean = prediction.mean();
                        NDArray entropy = prediction.entropy();
                        NDArray masks = prediction.masks();
                        for (int b = 0; b < part.size(); b++) {
                            each.accept(part.get(b), PredictionMaps.of(mean.get(b), entropy.get(b),
                                    masks.get(":," + b), classes));
                            bar.step(idOf.apply(part.get(b)));
                        }
                    });
        }
    }

    /** Sample masks written per image: one for a deterministic model, whose samples are all the same mask. */
    private int written() {
        return trained.model().distinctSamples() == 1 ? 1 : samples;
    }

    private ImagePrediction scored(Sample s, PredictionMaps maps) {
        Ged.Result ged = Ged.compute(maps.foreground(samples), s.masks().stream().map(Mask::pixels).toList(),
                estimator, annotationDraws);
        PredictionMaps.Summary sum = maps.summary();
        return new ImagePrediction(s.id(), sum.meanBits(), sum.maxBits(), sum.sumBits(), sum.foregroundFraction(),
                Overlap.dice(sum.predicted(), Overlap.majority(s.masks())), maps.distinct(written()), ged.ged(),
                ged.sampleDiversity());
    }

    private static void writeCsv(List<ImagePrediction> rows, Path file) {
        StringBuilder sb = new StringBuilder("id,mean_entropy_bits,max_entropy_bits,sum_entropy_bits,"
                + "foreground_fraction,dice_to_majority,distinct_samples,ged,sample_diversity\n");
        for (ImagePrediction r : rows) {
            sb.append(String.format(Locale.ROOT, "%s,%.6f,%.6f,%.3f,%.6f,%.6f,%d,%.6f,%.6f%n", r.id(),
                    r.meanEntropyBits(), r.maxEntropyBits(), r.sumEntropyBits(), r.foregroundFraction(),
                    r.diceToMajority(), r.distinctSamples(), r.ged(), r.sampleDiversity()));
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    private static void writeImagesCsv(List<UnannotatedPrediction> rows, Path file) {
        List<Object[]> cells = rows.stream().map(r -> new Object[] {r.id(), r.file(), r.height(), r.width(),
                fixed(6, r.meanEntropyBits()), fixed(6, r.maxEntropyBits()), fixed(3, r.sumEntropyBits()),
                fixed(6, r.foregroundFraction()), r.distinctSamples(), fixed(6, r.sampleDiversity())}).toList();
        CsvFiles.write(file, List.of("id", "file", "height", "width", "mean_entropy_bits", "max_entropy_bits",
                "sum_entropy_bits", "foreground_fraction", "distinct_samples", "sample_diversity"), cells);
    }

    private static String fixed(int decimals, double v) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
