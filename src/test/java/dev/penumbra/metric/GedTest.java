package dev.penumbra.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.penumbra.metric.Ged.Estimator;
import dev.penumbra.metric.Ged.Result;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hand-checkable cases on 4-pixel masks. A = {0, 1}, B = {2, 3} (disjoint), C = {0, 2} (IoU(A, C) = 1/3),
 * E = empty. d = 1 - IoU with IoU = (|inter| + 1e-6) / (|union| + 1e-6).
 */
class GedTest {

    private static final byte[] A = {1, 1, 0, 0};
    private static final byte[] B = {0, 0, 1, 1};
    private static final byte[] C = {1, 0, 1, 0};
    private static final byte[] E = {0, 0, 0, 0};
    private static final double EPS = 1e-6;

    @Test
    void iouFollowsThePublishedEpsilonConvention() {
        assertThat(Ged.iou(E, E)).isEqualTo(1.0);
        assertThat(Ged.iou(A, A)).isEqualTo(1.0);
        assertThat(Ged.iou(A, B)).isCloseTo(EPS / (4 + EPS), within(1e-12));
        assertThat(Ged.iou(A, C)).isCloseTo((1 + EPS) / (3 + EPS), within(1e-12));
        assertThat(Ged.iou(A, E)).isCloseTo(EPS / (2 + EPS), within(1e-12));
    }

    /**
     * Samples {A, A, B, B}, annotations {A, C}. The paper estimator redraws 4 annotations with replacement:
     * new Random(1).nextInt(2) four times gives 1, 0, 0, 0, so the drawn set is {C, A, A, A}. Over all 16 ordered
     * pairs each (i = j included): cross = (2 (2/3) + 2 (2/3 + 3)) / 16 = 13/24; sample diversity = 8 pairs of
     * d(A, B) = 1 / 16 = 1/2; annotation diversity = 6 pairs of d(A, C) = 2/3 / 16 = 1/4; GED = 13/12 - 3/4 = 1/3.
     * The unbiased estimator on {A, C}: cross 7/12, diversities 2/3 and 2/3, GED = -1/6.
     */
    @Test
    void paperEstimatorRedrawsAnnotationsWithReplacementAndAveragesAllPairs() {
        Result paper = Ged.compute(List.of(A, A, B, B), List.of(A, C), Estimator.PAPER, new Random(1));
        assertThat(paper.crossDistance()).isCloseTo(13.0 / 24, within(1e-5));
        assertThat(paper.sampleDiversity()).isCloseTo(0.5, within(1e-5));
        assertThat(paper.annotationDiversity()).isCloseTo(0.25, within(1e-5));
        assertThat(paper.ged()).isCloseTo(1.0 / 3, within(1e-5));
        Result unbiased = Ged.compute(List.of(A, A, B, B), List.of(A, C), Estimator.UNBIASED, new Random(1));
        assertThat(unbiased.crossDistance()).isCloseTo(7.0 / 12, within(1e-5));
        assertThat(unbiased.sampleDiversity()).isCloseTo(2.0 / 3, within(1e-5));
        assertThat(unbiased.annotationDiversity()).isCloseTo(2.0 / 3, within(1e-5));
        assertThat(unbiased.ged()).isCloseTo(-1.0 / 6, within(1e-5));
    }

    @Test
    void identicalSetsHaveZeroDistance() {
        Result r = Ged.compute(List.of(A, A), List.of(A), Estimator.PAPER, new Random(1));
        assertThat(r.ged()).isCloseTo(0, within(1e-12));
        assertThat(r.sampleDiversity()).isZero();
        Result empty = Ged.compute(List.of(E), List.of(E, E, E, E), Estimator.UNBIASED, null);
        assertThat(empty.ged()).isCloseTo(0, within(1e-12));
    }

    @Test
    void unbiasedEstimatorUsesAllAnnotatorsAndDistinctPairs() {
        // samples {A, B}, annotations {A, C}:
        // cross = mean(d(A,A), d(A,C), d(B,A), d(B,C)) = (0 + 2/3 + 1 + 2/3) / 4 = 7/12
        // samples' diversity (i != j) = d(A,B) = 1; annotations' = d(A,C) = 2/3
        // GED = 2 * 7/12 - 1 - 2/3 = -1/2
        Result r = Ged.compute(List.of(A, B), List.of(A, C), Estimator.UNBIASED, null);
        assertThat(r.crossDistance()).isCloseTo(7.0 / 12, within(1e-5));
        assertThat(r.sampleDiversity()).isCloseTo(1.0, within(1e-5));
        assertThat(r.annotationDiversity()).isCloseTo(2.0 / 3, within(1e-5));
        assertThat(r.ged()).isCloseTo(-0.5, within(1e-5));
    }

    @Test
    void paperEstimatorAveragesOverAllPairsIncludingSelf() {
        // one annotation A, redrawn to two copies {A, A}; samples {A, B}
        // cross = (0 + 0 + 1 + 1) / 4 = 1/2; samples (all 4 pairs) = (0 + 1 + 1 + 0) / 4 = 1/2; annotations 0
        // GED = 2 * 1/2 - 1/2 - 0 = 1/2
        Result r = Ged.compute(List.of(A, B), List.of(A), Estimator.PAPER, new Random(3));
        assertThat(r.crossDistance()).isCloseTo(0.5, within(1e-5));
        assertThat(r.sampleDiversity()).isCloseTo(0.5, within(1e-5));
        assertThat(r.annotationDiversity()).isZero();
        assertThat(r.ged()).isCloseTo(0.5, within(1e-5));
    }

    @Test
    void paperEstimatorWithOneSampleHasNoDiversityTerms() {
        // one sample B against annotations {A, E}: one annotation is drawn; either way d = 1, GED = 2
        Result r = Ged.compute(List.of(B), List.of(A, E), Estimator.PAPER, new Random(9));
        assertThat(r.sampleDiversity()).isZero();
        assertThat(r.annotationDiversity()).isZero();
        assertThat(r.ged()).isCloseTo(2.0, within(1e-5));
    }

    @Test
    void paperEstimatorIsReproducibleForASeed() {
        List<byte[]> samples = List.of(A, B, C, E);
        List<byte[]> annotations = List.of(A, C, E, B);
        double first = Ged.compute(samples, annotations, Estimator.PAPER, new Random(5)).ged();
        double second = Ged.compute(samples, annotations, Estimator.PAPER, new Random(5)).ged();
        assertThat(first).isEqualTo(second);
    }

    @Test
    void sampleDiversityAloneIsTheDiversityTermOfEachEstimator() {
        List<byte[]> samples = List.of(A, B, C, E);
        List<byte[]> annotations = List.of(A, C);
        for (Estimator e : Estimator.values()) {
            assertThat(Ged.sampleDiversity(samples, e)).as(e.toString())
                    .isEqualTo(Ged.compute(samples, annotations, e, new Random(1)).sampleDiversity());
        }
        // {A, B}: d(A, B) = 1 counts twice among 4 ordered pairs with self, among 2 without
        assertThat(Ged.sampleDiversity(List.of(A, B), Estimator.PAPER)).isCloseTo(0.5, within(1e-5));
        assertThat(Ged.sampleDiversity(List.of(A, B), Estimator.UNBIASED)).isCloseTo(1.0, within(1e-5));
        assertThat(Ged.sampleDiversity(List.of(A), Estimator.ALL_PAIRS)).isZero();
    }
}
