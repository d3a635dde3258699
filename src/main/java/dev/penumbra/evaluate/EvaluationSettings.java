package dev.penumbra.evaluate;

import dev.penumbra.InputException;
import dev.penumbra.config.Seeds;
import dev.penumbra.metric.Ged;
import dev.penumbra.model.Sampler;
import dev.penumbra.nn.Precision;

import java.util.Arrays;

/**
 * How runs are evaluated.
 *
 * @param samples          model samples per image for the uncertainty maps, Hungarian IoU and the largest GED
 * @param gedCounts        sample counts for GED and diversity, ascending, each at most {@code samples}
 * @param pixelsPerImage   pixels sampled per image for the pixel tables; {@link #ALL_PIXELS} for every pixel
 * @param bootstrap        bootstrap resamples for the 95% intervals of dataset means
 * @param calibrationBins  equal-width bins of the reliability diagram and ECE
 * @param batchSize        images per forward pass
 * @param seed             seeds the sampling, the pixel draws, the GED annotation draws and the bootstrap
 * @param estimator        the primary GED estimator: the one the model comparisons test and the report leads with
 *                         (all three are computed and written either way)
 * @param precision        the precision the runs' networks compute in while they are sampled; fp32 when absent
 */
public record EvaluationSettings(int samples, int[] gedCounts, int pixelsPerImage, int bootstrap,
                                 int calibrationBins, int batchSize, long seed, Ged.Estimator estimator,
                                 Precision precision) {

    /** {@link #pixelsPerImage} value meaning every pixel. */
    public static final int ALL_PIXELS = -1;

    /** The paper's pixels sampled per image for the pixel tables ({@link #paper}; {@code evaluate}'s default). */
    public static final int PIXELS_PER_IMAGE = 1000;
    /** The paper's bootstrap resamples ({@link #paper}; {@code evaluate}'s default). */
    public static final int BOOTSTRAP = 1000;
    /** Bins of the reliability diagram ({@link #paper}; {@code evaluate}'s default). */
    public static final int CALIBRATION_BINS = 10;

    public EvaluationSettings {
        InputException.atLeast("--samples", samples, 1);
        gedCounts = gedCounts.clone();
        if (gedCounts.length == 0) {
            throw new InputException("--ged-samples needs at least one sample count");
        }
        for (int i = 0; i < gedCounts.length; i++) {
            if (gedCounts[i] < 1 || gedCounts[i] > samples || (i > 0 && gedCounts[i] <= gedCounts[i - 1])) {
                throw new InputException("--ged-samples " + Arrays.toString(gedCounts) + ": expected ascending"
                        + " counts between 1 and --samples (" + samples + ")");
            }
        }
        if (pixelsPerImage < 1 && pixelsPerImage != ALL_PIXELS) {
            throw new InputException("--pixels must be a positive count or 'all', got " + pixelsPerImage);
        }
        if (bootstrap < 100) {
            throw new InputException("--bootstrap must be at least 100 resamples, got " + bootstrap);
        }
        InputException.atLeast("--calibration-bins", calibrationBins, 2);
        InputException.atLeast("--batch-size", batchSize, 1);
        estimator = estimator == null ? Ged.Estimator.PAPER : estimator;
        precision = precision == null ? Precision.FP32 : precision;
    }

    /** Settings sampled in fp32. */
    public EvaluationSettings(int samples, int[] gedCounts, int pixelsPerImage, int bootstrap, int calibrationBins,
                              int batchSize, long seed, Ged.Estimator estimator) {
        this(samples, gedCounts, pixelsPerImage, bootstrap, calibrationBins, batchSize, seed, estimator,
                Precision.FP32);
    }

    /** Settings with the paper estimator primary. */
    public EvaluationSettings(int samples, int[] gedCounts, int pixelsPerImage, int bootstrap, int calibrationBins,
                              int batchSize, long seed) {
        this(samples, gedCounts, pixelsPerImage, bootstrap, calibrationBins, batchSize, seed, Ged.Estimator.PAPER);
    }

    /** The paper's settings: 16 samples, GED at 1, 4, 8, 16, 1000 pixels per image; 1000 bootstrap draws. */
    public static EvaluationSettings paper(long seed) {
        return new EvaluationSettings(Sampler.DEFAULT_SAMPLES, new int[] {1, 4, 8, Sampler.DEFAULT_SAMPLES},
                PIXELS_PER_IMAGE, BOOTSTRAP, CALIBRATION_BINS, 8, seed);
    }

    /** Parses a pixel budget: a positive count or "all". */
    public static int parsePixels(String text) {
        if ("all".equalsIgnoreCase(text.trim())) {
            return ALL_PIXELS;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InputException("--pixels '" + text + "': expected a positive count or 'all'");
    }

    /** @return the seed of every bootstrap interval of the evaluation ({@link Seeds#EVALUATION_BOOTSTRAP}) */
    public long bootstrapSeed() {
        return Seeds.EVALUATION_BOOTSTRAP.of(seed);
    }

    public int largestCount() {
        return gedCounts[gedCounts.length - 1];
    }

    /** @return the primary estimator's GED at the largest sample count, e.g. ged@16, ged_all_pairs@16 */
    public MetricKey primaryGed() {
        return Metric.ged(estimator).at(largestCount());
    }

    /** @return these settings with another primary estimator */
    public EvaluationSettings withEstimator(Ged.Estimator primary) {
        return new EvaluationSettings(samples, gedCounts, pixelsPerImage, bootstrap, calibrationBins, batchSize, seed,
                primary, precision);
    }

    /** @return these settings sampling the runs in {@code p} */
    public EvaluationSettings withPrecision(Precision p) {
        return new EvaluationSettings(samples, gedCounts, pixelsPerImage, bootstrap, calibrationBins, batchSize, seed,
                estimator, p);
    }

    @Override
    public int[] gedCounts() {
        return gedCounts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EvaluationSettings s && samples == s.samples && Arrays.equals(gedCounts, s.gedCounts)
                && pixelsPerImage == s.pixelsPerImage && bootstrap == s.bootstrap
                && calibrationBins == s.calibrationBins && batchSize == s.batchSize && seed == s.seed
                && estimator == s.estimator && precision == s.precision;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(gedCounts) * 31 + Long.hashCode(seed) + samples;
    }

    @Override
    public String toString() {
        return "EvaluationSettings[samples=" + samples + ", gedCounts=" + Arrays.toString(gedCounts) + ", pixels="
                + (pixelsPerImage == ALL_PIXELS ? "all" : pixelsPerImage) + ", bootstrap=" + bootstrap + ", bins="
                + calibrationBins + ", batch=" + batchSize + ", seed=" + seed + ", estimator=" + estimator + ", precision=" + precision + "]";
    }
}
