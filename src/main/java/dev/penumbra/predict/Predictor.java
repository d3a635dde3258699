package dev.penumbra.predict;

import ai.djl.ndarray.NDArray;
import dev.penumbra.config.Seeds;
import dev.penumbra.data.Mask;
import dev.penumbra.data.Sample;
import dev.penumbra.io.AtomicFiles;
import dev.penumbra.io.Heatmap;
import dev.penumbra.io.ImageFiles;
import dev.penumbra.io.Npy;
import dev.penumbra.io.Progress;
import dev.penumbra.metric.Ged;
import dev.penumbra.metric.MeanPrediction;
import dev.penumbra.metric.Overlap;
import dev.penumbra.model.Sampler;
import dev.penumbra.train.TrainedModel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Draws n samples per image and writes, per image into {@code out/<id>/}: the mean class probabilities
 * ({@code probability_c<k>.png}, 16-bit, for every class but background), the entropy map as a heat-map
 * ({@code entropy.png}, black = 0, yellow = log2(C) bits) and as raw float32 bits ({@code entropy.npy}, H x W),
 * and the sample masks ({@code sample_<i>.png}, class k drawn as k * 255 / (C - 1); one file for a model whose
 * samples are all alike). Also {@code predictions.csv}: per image the entropy summaries, foreground share, Dice to
 * the annotators' majority, distinct samples, and GED and sample diversity of the n samples (paper estimator).
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
     * @param estimator the GED estimator of predictions.csv
     */
    public Predictor(TrainedModel trained, int samples, int batchSize, long seed, Ged.Estimator estimator) {
        this.trained = trained;
        this.estimator = estimator;
        this.samples = samples;
        this.sampler = trained.sampler(batchSize, Seeds.PREDICTION_SAMPLING.of(seed));
        this.annotationDraws = Seeds.PREDICTION_GED_DRAWS.random(seed);
    }

    public List<ImagePrediction> predict(List<Sample> data, Path out, Progress.Factory progress) {
        List<ImagePrediction> rows = new ArrayList<>();
        try (Progress bar = progress.start("predict " + trained.model().name(), data.size())) {
            sampler.sample(data, samples, (part, prediction) -> {
                NDArray mean = prediction.mean();
                NDArray entropy = prediction.entropy();
                NDArray masks = prediction.masks();
                for (int b = 0; b < part.size(); b++) {
                    rows.add(writeImage(part.get(b), mean.get(b), entropy.get(b), masks.get(":," + b), out));
                    bar.step(part.get(b).id());
                }
            });
        }
        writeCsv(rows, out.resolve("predictions.csv"));
        return rows;
    }

    private ImagePrediction writeImage(Sample s, NDArray mean, NDArray entropy, NDArray sampleMasks, Path out) {
        int h = s.image().height();
        int w = s.image().width();
        int classes = trained.model().classes();
        Path dir = out.resolve(s.id());
        float[] meanValues = mean.toFloatArray();
        for (int c = 1; c < classes; c++) {
            ImageFiles.writeGray16(dir.resolve("probability_c" + c + ".png"),
                    Arrays.copyOfRange(meanValues, c * h * w, (c + 1) * h * w), h, w);
        }
        float[] ent = entropy.toFloatArray();
        float maxBits = (float) (Math.log(classes) / Math.log(2));
        ImageFiles.writePng(dir.resolve("entropy.png"), Heatmap.render(ent, h, w, maxBits));
        Npy.writeFloats(dir.resolve("entropy.npy"), ent, h, w);
        long[] drawn = sampleMasks.toLongArray();
        Set<String> distinct = new HashSet<>();
        Ged.Result ged = Ged.compute(Sampler.foregroundMasks(drawn, 0, 1, h * w, samples), s.masks().stream().map(Mask::pixels).toList(),
                estimator, annotationDraws);
        // a deterministic model's samples are all the same mask: write it once
        int written = trained.model().distinctSamples() == 1 ? 1 : samples;
        for (int i = 0; i < written; i++) {
            long[] one = Arrays.copyOfRange(drawn, i * h * w, (i + 1) * h * w);
            distinct.add(Arrays.toString(one));
            ImageFiles.writePng(dir.resolve(String.format(Locale.ROOT, "sample_%02d.png", i)),
                    classImage(one, h, w, classes));
        }
        return summarise(s, meanValues, ent, classes, distinct.size(), ged);
    }

    private static ImagePrediction summarise(Sample s, float[] mean, float[] ent, int classes, int distinct,
                                             Ged.Result ged) {
        int n = ent.length;
        boolean[] argmax = MeanPrediction.predicted(mean, 0, classes, n);
        byte[] predicted = new byte[n];
        double sum = 0;
        double max = 0;
        int fg = 0;
        for (int i = 0; i < n; i++) {
            sum += ent[i];
            max = Math.max(max, ent[i]);
            predicted[i] = (byte) (argmax[i] ? 1 : 0);
            fg += predicted[i];
        }
        List<Mask> masks = s.masks();
        return new ImagePrediction(s.id(), sum / n, max, sum, fg / (double) n,
                Overlap.dice(predicted, Overlap.majority(masks)), distinct, ged.ged(), ged.sampleDiversity());
    }

    private static java.awt.image.BufferedImage classImage(long[] classes, int h, int w, int numClasses) {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(w, h,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, (int) (classes[y * w + x] * 255 / (numClasses - 1)));
            }
        }
        return img;
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
}
