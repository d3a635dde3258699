package dev.penumbra.metric;

import ai.djl.ndarray.NDArray;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;

import java.util.List;

/**
 * The normalised cross-correlation of PHiSeg (Baumgartner et al., MICCAI 2019) and SSN (Monteiro et al., NeurIPS
 * 2020): does the model's own uncertainty map look like the map of where it disagrees with the annotators?
 *
 * <p>With n softmax samples s_i, their mean s and one-hot annotations y_j, per pixel:
 * <pre>
 *   E_ss   = -(1/n) sum_i sum_c s_c    log(s_i,c + 1e-8)     (expected cross-entropy of the samples against their mean)
 *   E_sy_j = -(1/n) sum_i sum_c y_j,c  log(s_i,c + 1e-8)     (against annotator j)
 *   NCC    = mean over annotators j of corr(E_ss, E_sy_j) over the pixels
 * </pre>
 * where corr is Pearson's correlation with population standard deviations. Both maps are linear in the mean log
 * probability L_c = (1/n) sum_i log(s_i,c + 1e-8), so only L (C x H x W per image) is kept: E_ss = -sum_c s_c L_c and
 * E_sy_j = -L_{y_j}.
 *
 * <p>A map without variance over the pixels (every pixel equally uncertain, or a model that outputs one constant)
 * has no correlation with anything: that annotator's term is defined as 0, not NaN, so that a constant model scores
 * "no agreement" rather than dropping out of the mean.
 */
public final class Ncc {

    /** Added inside the logarithm, as published. */
    public static final float LOG_EPS = 1e-8f;

    private Ncc() {
    }

    /**
     * @param sampleProbs n x B x C x H x W sampled class probabilities
     * @return B x C x H x W mean over the samples of log(s_i,c + 1e-8), nats
     */
    public static NDArray meanLog(NDArray sampleProbs) {
        return sampleProbs.add(LOG_EPS).log().mean(new int[] {0});
    }

    /**
     * @param meanLog   C x H x W mean log probabilities of one image (see {@link #meanLog}), row-major, flattened
     * @param meanProbs C x H x W mean class probabilities of the same image
     * @param pixels    H * W
     * @return H * W the map E_ss, nats
     */
    public static double[] selfMap(float[] meanLog, float[] meanProbs, int pixels) {
        int classes = meanLog.length / pixels;
        double[] e = new double[pixels];
        for (int c = 0; c < classes; c++) {
            for (int p = 0; p < pixels; p++) {
                e[p] -= meanProbs[c * pixels + p] * (double) meanLog[c * pixels + p];
            }
        }
        return e;
    }

    /**
     * @param meanLog    C x H x W mean log probabilities of one image, flattened
     * @param annotation H * W class indices of one annotator
     * @return H * W the map E_sy for that annotator, nats
     */
    public static double[] annotatorMap(float[] meanLog, byte[] annotation) {
        int pixels = annotation.length;
        double[] e = new double[pixels];
        for (int p = 0; p < pixels; p++) {
            e[p] = -meanLog[annotation[p] * pixels + p];
        }
        return e;
    }

    /**
     * @param meanLog     C x H x W mean log probabilities of one image, flattened
     * @param meanProbs   C x H x W mean class probabilities of the image
     * @param annotations L >= 1 annotations of H * W class indices
     * @return NCC in [-1, 1]
     */
    public static double of(float[] meanLog, float[] meanProbs, List<byte[]> annotations) {
        if (annotations.isEmpty()) {
            throw new IllegalArgumentException("NCC needs at least one annotation");
        }
        double[] self = selfMap(meanLog, meanProbs, annotations.get(0).length);
        double sum = 0;
        for (byte[] a : annotations) {
            sum += correlation(self, annotatorMap(meanLog, a));
        }
        return sum / annotations.size();
    }

    /** Pearson's correlation (the same with population or sample deviations); 0 when either has no variance. */
    static double correlation(double[] x, double[] y) {
        if (StatUtils.variance(x) == 0 || StatUtils.variance(y) == 0) {
            return 0;
        }
        return new PearsonsCorrelation().correlation(x, y);
    }
}
