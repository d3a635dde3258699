package dev.penumbra.metric;

import dev.penumbra.InputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generalized energy distance between model samples Y and annotations A of one image, with d = 1 - IoU:
 * D^2 = 2 E[d(y, a)] - E[d(y, y')] - E[d(a, a')]. The model-side term E[d(y, y')] is the sample diversity.
 *
 * <p>Three estimators, because the literature uses three protocols and numbers are comparable only within one:
 * <ul>
 *   <li>{@link Estimator#PAPER}: the seed paper's pipeline (Czolbe et al., IPMI 2021). The annotations are first
 *       re-drawn with replacement to as many as there are samples (seeded); each expectation averages over all
 *       pairs, including i = j; a side with a single mask has diversity 0. Stochastic through the re-draw.</li>
 *   <li>{@link Estimator#ALL_PAIRS}: the V-statistic over the samples and all annotations as given (no re-draw),
 *       pairs i = j included: what the seed paper's {@code generalized_energy_distance} returns on given lists,
 *       and the protocol of PHiSeg, SSN, MoSE and most later LIDC tables. Deterministic.</li>
 *   <li>{@link Estimator#UNBIASED}: all annotations as they are; the within-set expectations average over
 *       pairs i != j only (0 for a single mask), as D-Persona-style work reports. It can be slightly negative for
 *       a perfect model.</li>
 * </ul>
 * Masks are binary (any non-zero value is foreground) and IoU follows the published convention of adding 1e-6 to
 * intersection and union, so two empty masks have IoU 1 and distance 0.
 */
public final class Ged {

    /** Added to intersection and union, as published. */
    public static final double IOU_EPS = 1e-6;

    /** How the expectations are estimated. */
    public enum Estimator {
        PAPER, ALL_PAIRS, UNBIASED;

        /** @param s the name as users write it: paper, all-pairs or unbiased (case and - / _ do not matter) */
        public static Estimator parse(String s) {
            return InputException.oneOf(values(), e -> e.toString().equalsIgnoreCase(s.replace('_', '-')),
                    () -> "unknown GED estimator '" + s + "': expected paper, all-pairs or unbiased");
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * @param ged                 D^2
     * @param crossDistance       E[d(y, a)]
     * @param sampleDiversity     E[d(y, y')]
     * @param annotationDiversity E[d(a, a')]
     */
    public record Result(double ged, double crossDistance, double sampleDiversity, double annotationDiversity) {
    }

    private Ged() {
    }

    /** IoU of two masks of equal length with the published epsilon. */
    public static double iou(byte[] a, byte[] b) {
        Overlap.Counts c = Overlap.Counts.of(a, b);
        return (c.both() + IOU_EPS) / (c.either() + IOU_EPS);
    }

    /**
     * @param samples     S >= 1 model samples of one image (H x W, row-major)
     * @param annotations L >= 1 annotations of the same image
     * @param rng         draws the annotations for the paper estimator (unused by the others)
     */
    public static Result compute(List<byte[]> samples, List<byte[]> annotations, Estimator estimator, Random rng) {
        if (samples.isEmpty() || annotations.isEmpty()) {
            throw new IllegalArgumentException("GED needs at least one sample and one annotation");
        }
        List<byte[]> a = annotations;
        if (estimator == Estimator.PAPER) {
            a = new ArrayList<>(samples.size());
            for (int i = 0; i < samples.size(); i++) {
                a.add(annotations.get(rng.nextInt(annotations.size())));
            }
        }
        boolean withSelf = estimator != Estimator.UNBIASED;
        double cross = meanDistance(samples, a);
        double ss = diversity(samples, withSelf);
        double aa = diversity(a, withSelf);
        return new Result(2 * cross - ss - aa, cross, ss, aa);
    }

    /**
     * The sample diversity E[d(y, y')] alone, for samples without annotations: the same value as
     * {@link #compute}'s {@code sampleDiversity} (pairs i = j included for the paper and all-pairs estimators,
     * excluded for the unbiased one; 0 for a single sample).
     *
     * @param samples S >= 1 model samples of one image (H x W, row-major)
     */
    public static double sampleDiversity(List<byte[]> samples, Estimator estimator) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("sample diversity needs at least one sample");
        }
        return diversity(samples, estimator != Estimator.UNBIASED);
    }

    private static double meanDistance(List<byte[]> x, List<byte[]> y) {
        double sum = 0;
        for (byte[] p : x) {
            for (byte[] q : y) {
                sum += 1 - iou(p, q);
            }
        }
        return sum / ((double) x.size() * y.size());
    }

    /** Mean pairwise distance within one set; 0 for a single mask. */
    static double diversity(List<byte[]> x, boolean withSelf) {
        int n = x.size();
        if (n < 2) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    sum += 1 - iou(x.get(i), x.get(j));
                }
            }
        }
        // d(x, x) = 0, so including i = j only grows the denominator
        return sum / (withSelf ? (double) n * n : (double) n * (n - 1));
    }
}
