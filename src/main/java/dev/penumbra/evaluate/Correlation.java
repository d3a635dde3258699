package dev.penumbra.evaluate;

import dev.penumbra.InputException;
import dev.penumbra.stats.Bootstrap;
import dev.penumbra.stats.RmCorr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * A repeated-measures correlation over sampled pixels with the image as subject, or the reason it could not be
 * computed.
 *
 * @param x       what the correlation relates to the pixel entropy (e.g. "correct", "disagreement")
 * @param result    r, dof, p and 95% CI (Fisher's z, pixels taken as independent); null when not computable
 * @param images    images that entered (those with variation in x)
 * @param note      why the correlation is missing, or ""
 * @param bootstrap subject-level bootstrap 95% interval of r, resampling the images that entered (see
 *                  {@link RmCorr#bootstrapCi}); null when r is not computable
 */
public record Correlation(String x, RmCorr.Result result, int images, String note, Bootstrap.Interval bootstrap) {

    /** Significance level the paper tests at. */
    public static final double ALPHA = 0.01;

    /**
     * rm_corr(x, entropy, subject = image) over the pixels {@code use} admits, keeping only images whose x varies
     * (as published: an image with only correct, or only unanimous, pixels says nothing within itself).
     *
     * @param resamples and {@code seed}: of the subject-level bootstrap interval of r
     */
    static Correlation of(String name, List<PixelRecord> pixels, Predicate<PixelRecord> use,
                          ToDoubleFunction<PixelRecord> x, int resamples, long seed) {
        Map<String, List<PixelRecord>> byImage = new LinkedHashMap<>();
        for (PixelRecord p : pixels) {
            if (use.test(p)) {
                byImage.computeIfAbsent(p.image(), k -> new ArrayList<>()).add(p);
            }
        }
        List<PixelRecord> kept = new ArrayList<>();
        int images = 0;
        for (List<PixelRecord> one : byImage.values()) {
            double first = x.applyAsDouble(one.get(0));
            if (one.stream().anyMatch(p -> x.applyAsDouble(p) != first)) {
                kept.addAll(one);
                images++;
            }
        }
        if (images == 0) {
            return new Correlation(name, null, 0, "no image has pixels that differ in " + name, null);
        }
        double[] xs = new double[kept.size()];
        double[] ys = new double[kept.size()];
        String[] subjects = new String[kept.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = x.applyAsDouble(kept.get(i));
            ys[i] = kept.get(i).entropy();
            subjects[i] = kept.get(i).image();
        }
        try {
            RmCorr.Result r = RmCorr.compute(xs, ys, subjects);
            return new Correlation(name, r, images, "", Double.isNaN(r.r()) ? null
                    : RmCorr.bootstrapCi(xs, ys, subjects, resamples, 0.95, seed));
        } catch (InputException e) {
            return new Correlation(name, null, images, e.getMessage(), null);
        }
    }

    /** Whether r is defined and p is below {@link #ALPHA}. */
    public boolean significant() {
        return result != null && !Double.isNaN(result.p()) && result.p() < ALPHA;
    }
}
