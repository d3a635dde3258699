package dev.penumbra.metric;

import java.util.ArrayList;
import java.util.List;

/**
 * Reliability of the foreground probability against the annotators: an accumulator of (predicted foreground
 * probability, observed foreground fraction) pairs over pixels, in equal-width bins of the prediction, giving the
 * reliability diagram and the expected calibration error (ECE; Naeini et al., AAAI 2015; Guo et al., ICML 2017).
 *
 * <p>This is the ECE of the class-1 (foreground) probability, not of the top-label confidence: every pixel counts
 * with its foreground probability p and its observed foreground fraction, which is 0 or 1 with one annotator and a
 * soft target votes / annotators with several. Bin b of B covers [b / B, (b + 1) / B); p = 1 goes into the last bin.
 * Pixels can be added image by image, and accumulators of several images or workers combined with
 * {@link #merge}. Not thread-safe.
 */
public final class Calibration {

    /**
     * One bin of the reliability diagram.
     *
     * @param lower             lower edge of the bin (inclusive), a probability
     * @param upper             upper edge (exclusive, inclusive for the last bin), a probability
     * @param count             pixels in the bin
     * @param meanPredicted     mean predicted foreground probability of those pixels; NaN for an empty bin
     * @param observedFrequency mean observed foreground fraction of those pixels; NaN for an empty bin
     */
    public record Bin(double lower, double upper, long count, double meanPredicted, double observedFrequency) {
    }

    private final long[] counts;
    private final double[] sumPredicted;
    private final double[] sumObserved;
    private long total;

    /** @param bins number B >= 1 of equal-width bins on [0, 1] (10 or 15 are usual) */
    public Calibration(int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("calibration needs at least 1 bin, got " + bins);
        }
        counts = new long[bins];
        sumPredicted = new double[bins];
        sumObserved = new double[bins];
    }

    /**
     * Adds one pixel.
     *
     * @param pForeground      predicted foreground probability, in [0, 1]
     * @param observedFraction fraction of annotators who mark the pixel (votes / annotators), in [0, 1]
     */
    public void add(double pForeground, double observedFraction) {
        check("predicted foreground probability", pForeground);
        check("observed foreground fraction", observedFraction);
        int b = binOf(pForeground);
        counts[b]++;
        sumPredicted[b] += pForeground;
        sumObserved[b] += observedFraction;
        total++;
    }

    /**
     * Adds the pixels of one image.
     *
     * @param p        H x W predicted foreground probabilities, in [0, 1]
     * @param observed H x W observed foreground fractions, in [0, 1]
     */
    public void addAll(float[] p, float[] observed) {
        if (p.length != observed.length) {
            throw new IllegalArgumentException("maps differ in size: " + p.length + " predicted vs "
                    + observed.length + " observed pixels");
        }
        for (int i = 0; i < p.length; i++) {
            add(p[i], observed[i]);
        }
    }

    /** @return pixels added so far */
    public long count() {
        return total;
    }

    /** @return the B bins from low to high probability */
    public List<Bin> bins() {
        int n = counts.length;
        List<Bin> out = new ArrayList<>(n);
        for (int b = 0; b < n; b++) {
            long c = counts[b];
            out.add(new Bin((double) b / n, (double) (b + 1) / n, c, c == 0 ? Double.NaN : sumPredicted[b] / c,
                    c == 0 ? Double.NaN : sumObserved[b] / c));
        }
        return out;
    }

    /**
     * Expected calibration error sum_b (n_b / N) |meanPredicted_b - observedFrequency_b|, empty bins skipped.
     *
     * @return ECE in [0, 1] (a probability difference); NaN when no pixel was added
     */
    public double ece() {
        if (total == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (Bin bin : bins()) {
            if (bin.count() > 0) {
                sum += (double) bin.count() / total * Math.abs(bin.meanPredicted() - bin.observedFrequency());
            }
        }
        return sum;
    }

    /** Adds the pixels of another accumulator with the same number of bins; {@code other} is unchanged. */
    public void merge(Calibration other) {
        if (other.counts.length != counts.length) {
            throw new IllegalArgumentException("cannot merge calibration with " + other.counts.length
                    + " bins into one with " + counts.length);
        }
        for (int b = 0; b < counts.length; b++) {
            counts[b] += other.counts[b];
            sumPredicted[b] += other.sumPredicted[b];
            sumObserved[b] += other.sumObserved[b];
        }
        total += other.total;
    }

    private int binOf(double p) {
        return Math.min((int) (p * counts.length), counts.length - 1);
    }

    private static void check(String what, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(what + " is " + v + ": expected a value in [0, 1]");
        }
    }
}
