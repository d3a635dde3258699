package dev.penumbra.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.penumbra.metric.ErrorDetection.RiskCoverage;
import org.junit.jupiter.api.Test;

class ErrorDetectionTest {

    /*
     * /usr/bin/python3 -c "
     * from sklearn.metrics import roc_auc_score
     * s=[0.9,0.8,0.8,0.5,0.5,0.5,0.3,0.2,0.2,0.1]; y=[1,1,0,1,0,0,1,0,0,0]
     * print(repr(roc_auc_score(y,s)))"
     * prints 0.7708333333333334 (scikit-learn 1.2.1). By hand: 4 x 6 pairs; the positives 0.9, 0.8, 0.5, 0.3 beat
     * 6, 5 + 1/2, 3 + 2/2 and 3 negatives: 18.5 / 24.
     */
    @Test
    void aurocWithTiesAgreesWithSklearn() {
        double[] score = {0.9, 0.8, 0.8, 0.5, 0.5, 0.5, 0.3, 0.2, 0.2, 0.1};
        boolean[] positive = {true, true, false, true, false, false, true, false, false, false};
        assertThat(ErrorDetection.auroc(score, positive)).isCloseTo(0.7708333333333334, within(1e-15))
                .isCloseTo(18.5 / 24, within(1e-15));
    }

    @Test
    void aurocOfPerfectInvertedAndConstantScores() {
        boolean[] positive = {false, true, false, true};
        assertThat(ErrorDetection.auroc(new double[] {0.1, 0.9, 0.2, 0.8}, positive)).isEqualTo(1.0);
        assertThat(ErrorDetection.auroc(new double[] {0.9, 0.1, 0.8, 0.2}, positive)).isEqualTo(0.0);
        assertThat(ErrorDetection.auroc(new double[] {3, 3, 3, 3}, positive)).isEqualTo(0.5);
    }

    @Test
    void aurocIsNaNWithoutBothClasses() {
        assertThat(ErrorDetection.auroc(new double[] {1, 2}, new boolean[] {true, true})).isNaN();
        assertThat(ErrorDetection.auroc(new double[] {1, 2}, new boolean[] {false, false})).isNaN();
        assertThatThrownBy(() -> ErrorDetection.auroc(new double[] {1}, new boolean[] {true, false}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void riskCoverageWithoutTiesByHand() {
        // sorted by uncertainty: errors F, T, F, T -> risk after 1..4 pixels: 0, 1/2, 1/3, 1/2
        // AURC = (0 + 1/2 + 1/3 + 1/2) / 4 = 1/3
        RiskCoverage rc = ErrorDetection.riskCoverage(new double[] {0.4, 0.1, 0.3, 0.2},
                new boolean[] {true, false, false, true});
        assertThat(rc.coverage()).containsExactly(0.25, 0.5, 0.75, 1.0);
        assertThat(rc.risk()).containsExactly(new double[] {0, 0.5, 1.0 / 3, 0.5}, within(1e-15));
        assertThat(rc.aurc()).isCloseTo(1.0 / 3, within(1e-15));
    }

    @Test
    void riskCoverageWithTiesHasOnePointPerDistinctValue() {
        // u = 0.1 | 0.2 0.2 | 0.5 0.5 0.5 with errors F | T F | F T T
        // points: (1/6, 0), (3/6, 1/3), (6/6, 3/6); AURC = (1 * 0 + 2 * 1/3 + 3 * 1/2) / 6 = 13/36
        double[] u = {0.5, 0.2, 0.1, 0.5, 0.2, 0.5};
        boolean[] e = {true, true, false, false, false, true};
        RiskCoverage rc = ErrorDetection.riskCoverage(u, e);
        assertThat(rc.coverage()).containsExactly(new double[] {1.0 / 6, 0.5, 1.0}, within(1e-15));
        assertThat(rc.risk()).containsExactly(new double[] {0, 1.0 / 3, 0.5}, within(1e-15));
        assertThat(rc.aurc()).isCloseTo(13.0 / 36, within(1e-15));
        // the order of tied pixels does not matter
        double[] u2 = {0.1, 0.2, 0.2, 0.5, 0.5, 0.5};
        boolean[] e2 = {false, false, true, true, true, false};
        assertThat(ErrorDetection.riskCoverage(u2, e2).aurc()).isEqualTo(rc.aurc());
    }

    @Test
    void constantUncertaintyGivesTheErrorRate() {
        RiskCoverage rc = ErrorDetection.riskCoverage(new double[] {1, 1, 1, 1}, new boolean[] {true, false, false,
            false});
        assertThat(rc.coverage()).containsExactly(1.0);
        assertThat(rc.aurc()).isEqualTo(0.25);
    }

    @Test
    void perfectRankingReachesTheClosedForm() {
        // E errors with the highest uncertainty among N pixels: risk(k) = 0 for k <= N - E and j / (N - E + j) for
        // k = N - E + j, so AURC = (1/N) sum_j j / (N - E + j) = (E - (N - E)(H_N - H_{N-E})) / N, H_n harmonic;
        // for N = 10, E = 3: (1/8 + 2/9 + 3/10) / 10
        assertThat(ErrorDetection.riskCoverage(ranked(10), errorsLast(10, 3)).aurc())
                .isCloseTo((1.0 / 8 + 2.0 / 9 + 3.0 / 10) / 10, within(1e-15))
                .isCloseTo((3 - 7 * (harmonic(10) - harmonic(7))) / 10, within(1e-14));
        // for large N it tends to r + (1 - r) ln(1 - r), r = E / N (Geifman et al., ICLR 2019)
        int n = 200_000;
        int errors = 40_000;
        double r = (double) errors / n;
        double aurc = ErrorDetection.riskCoverage(ranked(n), errorsLast(n, errors)).aurc();
        assertThat(aurc).isCloseTo((errors - (n - errors) * (harmonic(n) - harmonic(n - errors))) / n, within(1e-10))
                .isCloseTo(r + (1 - r) * Math.log(1 - r), within(1e-4));
    }

    /*
     * No ties, against numpy:
     * /usr/bin/python3 -c "
     * import numpy as np
     * u=np.array([0.7,0.1,0.4,0.9,0.2,0.6,0.3,0.8]); e=np.array([1,0,0,1,0,1,1,0])
     * o=np.argsort(u); r=np.cumsum(e[o])/np.arange(1,len(u)+1); print(r.tolist(), repr(r.mean()))"
     * prints [0.0, 0.0, 0.3333333333333333, 0.25, 0.4, 0.5, 0.42857142857142855, 0.5] 0.3014880952380953
     */
    @Test
    void aurcWithoutTiesAgreesWithNumpy() {
        double[] u = {0.7, 0.1, 0.4, 0.9, 0.2, 0.6, 0.3, 0.8};
        boolean[] e = {true, false, false, true, false, true, true, false};
        RiskCoverage rc = ErrorDetection.riskCoverage(u, e);
        assertThat(rc.risk()).containsExactly(new double[] {0.0, 0.0, 0.3333333333333333, 0.25, 0.4, 0.5,
            0.42857142857142855, 0.5}, within(1e-15));
        assertThat(rc.aurc()).isCloseTo(0.3014880952380953, within(1e-15));
    }

    @Test
    void emptyInputAndBadValues() {
        RiskCoverage none = ErrorDetection.riskCoverage(new double[0], new boolean[0]);
        assertThat(none.coverage()).isEmpty();
        assertThat(none.aurc()).isNaN();
        assertThatThrownBy(() -> ErrorDetection.riskCoverage(new double[] {Double.NaN}, new boolean[] {true}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    }

    private static double[] ranked(int n) {
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = i;
        }
        return u;
    }

    private static boolean[] errorsLast(int n, int errors) {
        boolean[] e = new boolean[n];
        for (int i = n - errors; i < n; i++) {
            e[i] = true;
        }
        return e;
    }

    private static double harmonic(int n) {
        double h = 0;
        for (int k = n; k >= 1; k--) {
            h += 1.0 / k;
        }
        return h;
    }

    /**
     * The image-level bootstrap interval of the AUROC against an independent numpy resampling of the same data,
     * {@code /usr/bin/python3 src/test/resources/dev/penumbra/metric/auroc_cluster_bootstrap.py} (numpy 1.24; 24
     * images of 40 pixels with ties, 40000 resamples, AUROC recomputed from ranks each time): AUROC
     * 0.6311221164366023, 95% CI [0.5424744468650736, 0.7129225083718908]. Different random streams: they agree to
     * Monte-Carlo error (about 0.01 with 20000 resamples).
     */
    @Test
    void imageLevelBootstrapOfTheAurocMatchesAnIndependentNumpyResampling() throws Exception {
        com.fasterxml.jackson.databind.JsonNode d = GedAllPairsReferenceTest.cases("auroc_cluster_bootstrap.json");
        int n = d.get("score").size();
        double[] score = new double[n];
        boolean[] wrong = new boolean[n];
        int[] cluster = new int[n];
        for (int i = 0; i < n; i++) {
            score[i] = d.get("score").get(i).asDouble();
            wrong[i] = d.get("wrong").get(i).asBoolean();
            cluster[i] = d.get("cluster").get(i).asInt();
        }
        dev.penumbra.stats.Bootstrap.Interval ci = ErrorDetection.aurocCi(score, wrong, cluster, 20000, 0.95, 3);
        assertThat(ci.estimate()).isCloseTo(d.get("auroc").asDouble(), within(1e-12));
        assertThat(ci.low()).isCloseTo(d.get("low").asDouble(), within(0.015));
        assertThat(ci.high()).isCloseTo(d.get("high").asDouble(), within(0.015));
        assertThat(ci.resamples()).isEqualTo(20000);
        // one cluster per pixel is the ordinary bootstrap: narrower, because it ignores the images
        int[] each = new int[n];
        for (int i = 0; i < n; i++) {
            each[i] = i;
        }
        dev.penumbra.stats.Bootstrap.Interval naive = ErrorDetection.aurocCi(score, wrong, each, 20000, 0.95, 3);
        assertThat(naive.high() - naive.low()).isLessThan(ci.high() - ci.low());
    }
}
