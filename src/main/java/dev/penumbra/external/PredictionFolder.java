package dev.penumbra.external;

import dev.penumbra.InputException;
import dev.penumbra.data.Sample;
import dev.penumbra.evaluate.EvaluationSettings;
import dev.penumbra.evaluate.ModelOrigin;
import dev.penumbra.evaluate.PredictedBatch;
import dev.penumbra.evaluate.PredictionSource;
import dev.penumbra.metric.Ncc;
import dev.penumbra.metric.PixelUncertainty;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A folder of predictions in the layout {@code penumbra predict} writes, checked against the evaluated images when
 * opened and read one image at a time when evaluated:
 * <pre>
 * DIR/&lt;image id&gt;/sample_00.png, sample_01.png, ...   sample masks (required; the same count for every image)
 * DIR/&lt;image id&gt;/probability_c&lt;k&gt;.npy or .png        mean probability of class k = 1 .. C-1 (optional;
 *                                                   every image or none; .npy is taken where both exist)
 * </pre>
 * Other files (predict's {@code entropy.png}, {@code entropy.npy}, {@code predictions.csv}, {@code provenance.json})
 * are not read: the entropy is recomputed from the mean probabilities, by the same definition for every model.
 *
 * <p>What is made of the files: S samples per image are used up to {@code --samples} (the first ones by number); a
 * single sample per image is a deterministic model's mask and stands for every sample. The mean probability is the
 * given map, or else the share of the used samples marking each class; the entropy is that of the mean. The mutual
 * information is unknown (the samples are hard masks) and is NaN.
 *
 * @param classes C, the classes of the masks and maps
 * @param given   sample masks per image in the folder
 * @param used    samples per image used: up to {@code --samples}; all of them copies of the one given mask when
 *                {@code given} is 1
 * @param maps    whether the folder holds the mean probability maps
 * @param files   the files of each image, by image id
 * @param origin  where the samples come from, for the outputs
 */
record PredictionFolder(int classes, int given, int used, boolean maps, Map<String, PredictionLayout.ImageEntry> files,
                        ModelOrigin origin) implements PredictionSource {

    /** Checks the whole folder against {@code images} (see {@link PredictionLayout}) and opens it. */
    static PredictionFolder open(NamedPredictions spec, List<Sample> images, int classes,
                                 EvaluationSettings settings) {
        Map<String, PredictionLayout.ImageEntry> files = PredictionLayout.check(spec, images, classes);
        int given = files.values().iterator().next().samples().size();
        boolean maps = !files.values().iterator().next().probabilities().isEmpty();
        int used = given == 1 ? settings.samples() : Math.min(given, settings.samples());
        return new PredictionFolder(classes, given, used, maps, files, origin(spec, given, used, maps,
                files.values().iterator().next(), settings));
    }

    @Override
    public String model() {
        return ModelOrigin.PREDICTIONS;
    }

    @Override
    public int distinctSamples() {
        return given == 1 ? 1 : used;
    }

    /** One image per batch: its files are read when it is evaluated, so memory holds one image's samples. */
    @Override
    public void predict(List<Sample> images, BatchConsumer each) {
        for (Sample s : images) {
            each.accept(List.of(s), read(s));
        }
    }

    /** The samples and mean of one image, as a batch of one (B = 1). */
    PredictedBatch read(Sample s) {
        PredictionLayout.ImageEntry f = files.get(s.id());
        if (f == null) {
            throw new IllegalArgumentException("image " + s.id() + " was not among the images this folder was"
                    + " opened for");
        }
        int h = s.image().height();
        int w = s.image().width();
        int pixels = h * w;
        long[] masks = new long[used * pixels];
        int read = Math.min(given, used);
        for (int i = 0; i < read; i++) {
            int[] k = PredictionFiles.sample(f.samples().get(i), classes, h, w);
            for (int p = 0; p < pixels; p++) {
                masks[i * pixels + p] = k[p];
            }
        }
        for (int i = read; i < used; i++) { // one given sample: a deterministic model's mask, every time
            System.arraycopy(masks, 0, masks, i * pixels, pixels);
        }
        float[] share = classShares(masks, pixels);
        float[] mean = maps ? mapMean(f, s) : share;
        return new PredictedBatch(used, mean, entropyBits(mean, pixels), nan(pixels), masks, meanLog(share));
    }

    /** @return C x H x W the share of the samples giving each pixel each class */
    private float[] classShares(long[] masks, int pixels) {
        float[] share = new float[classes * pixels];
        for (int i = 0; i < used; i++) {
            for (int p = 0; p < pixels; p++) {
                share[(int) masks[i * pixels + p] * pixels + p] += 1f / used;
            }
        }
        return share;
    }

    /** @return C x H x W the given maps of classes 1 .. C-1, background 1 - their sum */
    private float[] mapMean(PredictionLayout.ImageEntry f, Sample s) {
        int h = s.image().height();
        int w = s.image().width();
        int pixels = h * w;
        double[] sum = new double[pixels];
        float[] mean = new float[classes * pixels];
        for (int c = 1; c < classes; c++) {
            Path file = f.probabilities().get(c);
            double[] p = PredictionFiles.probability(file, h, w);
            for (int i = 0; i < pixels; i++) {
                mean[c * pixels + i] = (float) p[i];
                sum[i] += p[i];
            }
        }
        // each 16-bit map is off by up to half a level; C - 1 of them may add up to a little over 1
        double tolerance = (classes - 1) * (0.5 / 65535 + PredictionFiles.RANGE_TOLERANCE);
        for (int i = 0; i < pixels; i++) {
            if (sum[i] > 1 + tolerance) {
                throw new InputException(String.format(java.util.Locale.ROOT, "the probability maps of %s (%s)"
                        + " add up to %.4f at pixel (row %d, column %d): expected the probabilities of classes 1 .. %d"
                        + " to sum to at most 1 (background is 1 minus their sum)", s.id(),
                        f.probabilities().values().stream().map(Path::toString).collect(Collectors.joining(", ")),
                        sum[i], i / w, i % w, classes - 1));
            }
            mean[i] = (float) Math.max(0, 1 - sum[i]);
        }
        return mean;
    }

    /** @return H x W -sum_c p_c log2 p_c, a probability below {@link PixelUncertainty#CUT} contributing 0 */
    static float[] entropyBits(float[] mean, int pixels) {
        int classes = mean.length / pixels;
        float[] h = new float[pixels];
        for (int p = 0; p < pixels; p++) {
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                double v = mean[c * pixels + p];
                sum += v >= PixelUncertainty.CUT ? v * Math.log(v) / Math.log(2) : 0;
            }
            h[p] = (float) -sum;
        }
        return h;
    }

    /** @return C x H x W the samples' mean of log(one-hot + 1e-8), from the share of samples giving each class */
    private static float[] meanLog(float[] share) {
        double hit = Math.log(1 + Ncc.LOG_EPS);
        double miss = Math.log(Ncc.LOG_EPS);
        float[] out = new float[share.length];
        for (int i = 0; i < share.length; i++) {
            out[i] = (float) (share[i] * hit + (1 - share[i]) * miss);
        }
        return out;
    }

    private static float[] nan(int pixels) {
        float[] a = new float[pixels];
        Arrays.fill(a, Float.NaN);
        return a;
    }

    private static ModelOrigin origin(NamedPredictions spec, int given, int used, boolean maps,
                                      PredictionLayout.ImageEntry first, EvaluationSettings settings) {
        List<String> notes = new ArrayList<>();
        String probabilities = maps ? "the tool's mean probability maps ("
                + first.probabilities().values().stream().map(p -> p.getFileName().toString())
                .collect(Collectors.joining(", ")) + ")"
                : "the mean of the " + (given == 1 ? "one sample mask (0 or 1: no graded uncertainty)" : used
                + " sample masks (no probability maps given): the share of samples marking each pixel");
        if (given == 1) {
            notes.add("one sample per image: read as a deterministic model, whose one mask stands for each of the "
                    + used + " samples (as the identical samples of the softmax U-Net)");
        } else if (given > used) {
            notes.add("the first " + used + " of its " + given + " samples per image are used (--samples " + used
                    + ")");
        } else if (used < settings.samples()) {
            notes.add(used + " samples per image, fewer than --samples " + settings.samples());
        }
        int largest = settings.largestCount();
        if (given > 1 && used < largest) {
            notes.add("GED and diversity only at the sample counts up to its " + used + " samples; the scores at "
                    + largest + " samples (all-pairs and unbiased GED, Hungarian IoU, oracle GED) are not computed,"
                    + " and it is left out of the comparisons on GED@" + largest + " (give --ged-samples with "
                    + used + " as the largest count to compare at " + used + ")");
        }
        notes.add("mutual information not available (hard sample masks: the tool's per-sample probabilities are"
                + " unknown); NCC from the hard masks; no training curves, training checks, checkpoint or seeds"
                + " (no run folder)");
        return new ModelOrigin(ModelOrigin.PREDICTIONS, spec.folder().toString(), given, used, probabilities,
                notes);
    }


}
