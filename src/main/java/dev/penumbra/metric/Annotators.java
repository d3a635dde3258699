package dev.penumbra.metric;

import dev.penumbra.data.Mask;

import java.util.List;

/**
 * What the annotations of one image say per pixel: how many annotators mark it, their share (the mean annotation)
 * and its entropy (the annotators' uncertainty). Any non-background class counts as marked.
 */
public final class Annotators {

    private Annotators() {
    }

    /** @return per pixel (H x W), the annotators marking it */
    public static int[] votes(List<Mask> masks) {
        int[] votes = new int[masks.get(0).pixels().length];
        for (Mask m : masks) {
            byte[] p = m.pixels();
            for (int i = 0; i < p.length; i++) {
                votes[i] += p[i] != 0 ? 1 : 0;
            }
        }
        return votes;
    }

    /** @return per pixel (H x W), the share of annotators marking it: the mean annotation, in [0, 1] */
    public static float[] share(List<Mask> masks) {
        return share(votes(masks), masks.size());
    }

    /** @return per pixel, votes / annotators */
    public static float[] share(int[] votes, int annotators) {
        float[] share = new float[votes.length];
        for (int i = 0; i < share.length; i++) {
            share[i] = votes[i] / (float) annotators;
        }
        return share;
    }

    /** @return the mean over pixels of the entropy of the mean annotation, bits */
    public static double meanEntropyBits(List<Mask> masks) {
        int[] votes = votes(masks);
        double sum = 0;
        for (int v : votes) {
            sum += binaryEntropyBits(v / (double) masks.size());
        }
        return sum / votes.length;
    }

    /** Entropy in bits of a Bernoulli(p); 0 at p = 0 and p = 1. */
    public static double binaryEntropyBits(double p) {
        if (p <= 0 || p >= 1) {
            return 0;
        }
        return -(p * Math.log(p) + (1 - p) * Math.log(1 - p)) / Math.log(2);
    }
}
