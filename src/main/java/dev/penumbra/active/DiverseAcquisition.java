package dev.penumbra.active;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Uncertain and varied: the {@value #CANDIDATES_PER_PICK} x k images of highest summed entropy are candidates; from
 * them, greedy k-center picks the image farthest (in the 8 x 8 embedding) from everything labelled or picked so
 * far, so that near-duplicates of one uncertain image are not all annotated at once.
 */
final class DiverseAcquisition implements Acquisition {

    static final int CANDIDATES_PER_PICK = 4;

    private final Ranked byEntropy;

    DiverseAcquisition(Ranked byEntropy) {
        this.byEntropy = byEntropy;
    }

    @Override
    public String name() {
        return "diverse";
    }

    @Override
    public String description() {
        return "the " + CANDIDATES_PER_PICK + "k images of highest entropy-sum, thinned by greedy k-center on an"
                + " 8x8 image embedding (against labelled and already picked images)";
    }

    @Override
    public List<String> select(List<PoolImage> candidates, List<float[]> labelled, int k, Random rng) {
        List<PoolImage> top = new ArrayList<>(byEntropy.ranking(candidates).subList(0,
                Math.min(candidates.size(), CANDIDATES_PER_PICK * k)));
        List<float[]> centres = new ArrayList<>(labelled);
        List<String> picked = new ArrayList<>(k);
        while (picked.size() < k) {
            PoolImage next = top.get(0);
            if (!centres.isEmpty()) {
                double best = -1;
                for (PoolImage p : top) {
                    double d = nearest(p.embedding(), centres);
                    if (d > best) {
                        best = d;
                        next = p;
                    }
                }
            }
            picked.add(next.id());
            centres.add(next.embedding());
            top.remove(next);
        }
        return picked;
    }

    private static double nearest(float[] e, List<float[]> centres) {
        double min = Double.POSITIVE_INFINITY;
        for (float[] c : centres) {
            min = Math.min(min, PoolImage.distance(e, c));
        }
        return min;
    }
}
