package dev.penumbra.metric;

import java.util.List;

/**
 * Hungarian-matched IoU between model samples and annotations of one image, as used by PHiSeg (Baumgartner et al.,
 * MICCAI 2019) and the probabilistic U-Net literature after Kohl et al.: pair each sample with one annotation so that
 * the total IoU is maximal, and report the mean IoU of the pairs.
 */
public final class HungarianIou {

    private HungarianIou() {
    }

    /**
     * Mean IoU over an optimal one-to-one matching of samples to annotations.
     *
     * <p>With S samples and L annotations:
     * <ul>
     *   <li>S >= L: the annotations are first repeated cyclically to S masks, a_i = A[i mod L], and the S samples
     *       are matched one-to-one to these S masks, so every annotation is matched equally often when S is a
     *       multiple of L (and at most once more than any other otherwise);</li>
     *   <li>S < L: each sample is matched to a distinct annotation and L - S annotations stay unmatched.</li>
     * </ul>
     * The mean is taken over the S matched pairs. IoU is {@link Ged#iou} with its published 1e-6 added to
     * intersection and union, so two empty masks have IoU 1 and a mask against an empty one has IoU ~0.
     *
     * @param samples     S >= 1 binary masks of one image (H x W row-major, non-zero = foreground)
     * @param annotations L >= 1 binary masks of the same size
     * @return mean matched IoU, in [0, 1] (dimensionless)
     */
    public static double matched(List<byte[]> samples, List<byte[]> annotations) {
        if (samples.isEmpty() || annotations.isEmpty()) {
            throw new IllegalArgumentException("matched IoU needs at least one sample and one annotation, got "
                    + samples.size() + " and " + annotations.size());
        }
        int s = samples.size();
        int cols = Math.max(s, annotations.size());
        int l = annotations.size();
        double[][] iou = new double[s][];
        double[][] cost = new double[s][cols];
        for (int i = 0; i < s; i++) {
            // IoU against each distinct annotation once; the repeated columns reuse it
            iou[i] = new double[l];
            for (int k = 0; k < l; k++) {
                iou[i][k] = Ged.iou(samples.get(i), annotations.get(k));
            }
            for (int j = 0; j < cols; j++) {
                cost[i][j] = -iou[i][j % l];
            }
        }
        int[] match = Assignment.minCost(cost);
        double sum = 0;
        for (int i = 0; i < s; i++) {
            sum += iou[i][match[i] % l];
        }
        return sum / s;
    }
}
