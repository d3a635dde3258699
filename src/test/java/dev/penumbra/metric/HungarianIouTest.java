package dev.penumbra.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hand-checkable cases on 4-pixel masks, IoU = (|inter| + 1e-6) / (|union| + 1e-6). A = {0, 1}, B = {2, 3},
 * C = {0, 2}, E = empty.
 */
class HungarianIouTest {

    private static final byte[] A = {1, 1, 0, 0};
    private static final byte[] B = {0, 0, 1, 1};
    private static final byte[] C = {1, 0, 1, 0};
    private static final byte[] E = {0, 0, 0, 0};
    private static final double EPS = 1e-6;

    @Test
    void identicalSetsInAnyOrderMatchPerfectly() {
        assertThat(HungarianIou.matched(List.of(A, B, C), List.of(A, B, C))).isEqualTo(1.0);
        assertThat(HungarianIou.matched(List.of(B, C, A), List.of(A, B, C))).isEqualTo(1.0);
    }

    @Test
    void twoEmptyMasksMatchPerfectly() {
        assertThat(HungarianIou.matched(List.of(E), List.of(E))).isEqualTo(1.0);
        assertThat(HungarianIou.matched(List.of(E, A), List.of(A, E))).isEqualTo(1.0);
    }

    @Test
    void findsTheOptimumWhereGreedyMatchingFails() {
        // 4 pixels: Y1 = {0,1,2,3}, Y2 = {1,2}, X1 = {0,1,2}, X2 = {0,3}.
        // IoU(X1,Y1) = 3/4, IoU(X1,Y2) = 2/3, IoU(X2,Y1) = 2/4, IoU(X2,Y2) = 0/4.
        // Greedy takes the largest, X1-Y1 (3/4), and is left with X2-Y2 (0): mean 3/8.
        // Optimal: X1-Y2 + X2-Y1 = 2/3 + 1/2, mean 7/12.
        byte[] y1 = {1, 1, 1, 1};
        byte[] y2 = {0, 1, 1, 0};
        byte[] x1 = {1, 1, 1, 0};
        byte[] x2 = {1, 0, 0, 1};
        double expected = ((2 + EPS) / (3 + EPS) + (2 + EPS) / (4 + EPS)) / 2;
        assertThat(HungarianIou.matched(List.of(x1, x2), List.of(y1, y2))).isCloseTo(expected, within(1e-12))
                .isCloseTo(7.0 / 12, within(1e-6));
    }

    @Test
    void annotationsAreRepeatedCyclicallyToTheSampleCount() {
        // 4 samples, 2 annotations -> targets A, B, A, B: each annotation is matched twice
        assertThat(HungarianIou.matched(List.of(A, B, B, A), List.of(A, B))).isEqualTo(1.0);
        // three A samples but only two A targets: one A must take a B target, IoU(A, B) = 1e-6 / (4 + 1e-6)
        assertThat(HungarianIou.matched(List.of(A, A, A, B), List.of(A, B)))
                .isCloseTo((3 + EPS / (4 + EPS)) / 4, within(1e-12));
        // 3 samples, 2 annotations -> targets A, B, A
        assertThat(HungarianIou.matched(List.of(A, A, B), List.of(A, B))).isEqualTo(1.0);
    }

    @Test
    void withFewerSamplesEachTakesADistinctAnnotation() {
        assertThat(HungarianIou.matched(List.of(B), List.of(A, B, C))).isEqualTo(1.0);
        // both samples are A, but only one annotation is A: the other takes C, IoU(A, C) = 1/3
        assertThat(HungarianIou.matched(List.of(A, A), List.of(A, C, E)))
                .isCloseTo((1 + (1 + EPS) / (3 + EPS)) / 2, within(1e-12));
    }

    @Test
    void equalsTheBruteForceMaximum() {
        Random rng = new Random(7);
        for (int trial = 0; trial < 300; trial++) {
            int s = 1 + rng.nextInt(5);
            int l = 1 + rng.nextInt(4);
            List<byte[]> samples = randomMasks(rng, s);
            List<byte[]> annotations = randomMasks(rng, l);
            List<byte[]> targets = new ArrayList<>();
            for (int i = 0; i < Math.max(s, l); i++) {
                targets.add(annotations.get(s >= l ? i % l : i));
            }
            double best = bruteForce(samples, targets, 0, new boolean[targets.size()]) / s;
            assertThat(HungarianIou.matched(samples, annotations)).as("trial %d: S = %d, L = %d", trial, s, l)
                    .isCloseTo(best, within(1e-12));
        }
    }

    @Test
    void rejectsEmptyLists() {
        assertThatThrownBy(() -> HungarianIou.matched(List.of(), List.of(A)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HungarianIou.matched(List.of(A), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<byte[]> randomMasks(Random rng, int n) {
        List<byte[]> masks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] m = new byte[6];
            for (int p = 0; p < m.length; p++) {
                m[p] = (byte) (rng.nextInt(3) == 0 ? 1 : 0);
            }
            masks.add(m);
        }
        return masks;
    }

    /** Largest total IoU of the samples from index {@code i} on, each to an unused target. */
    private static double bruteForce(List<byte[]> samples, List<byte[]> targets, int i, boolean[] used) {
        if (i == samples.size()) {
            return 0;
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < targets.size(); j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.max(best, Ged.iou(samples.get(i), targets.get(j))
                        + bruteForce(samples, targets, i + 1, used));
                used[j] = false;
            }
        }
        return best;
    }
}
