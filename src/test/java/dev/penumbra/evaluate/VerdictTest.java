package dev.penumbra.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penumbra.evaluate.Verdict.Answer;
import dev.penumbra.health.HealthFlag;
import dev.penumbra.stats.Bootstrap;
import dev.penumbra.stats.RmCorr;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each criterion of the verdict, with summaries built to sit on either side of it. */
class VerdictTest {

    private static Bootstrap.Interval ci(double estimate, double low, double high) {
        return new Bootstrap.Interval(estimate, low, high, 0.95, 1000);
    }

    private static Correlation correlation(String x, int images, Bootstrap.Interval r) {
        return new Correlation(x, new RmCorr.Result(r.estimate(), 5000, 1e-6, r.low(), r.high(), 5000, images),
                images, "", r);
    }

    private static ModelSummary summary(Bootstrap.Interval auroc, Correlation correct, Correlation agreement,
                                        List<HealthFlag> health) {
        return new ModelSummary("m", 40, Map.of(), 0.05, List.of(), auroc.estimate(), 0.05, 0.1, correct, agreement,
                Map.of(), Map.of(), Map.of(), health, null, auroc);
    }

    private static ModelSummary errors(Bootstrap.Interval auroc, Bootstrap.Interval r) {
        return summary(auroc, correlation("correct", 40, r), null, List.of());
    }

    @Test
    void errorsAreFlaggedWhenBothIntervalsClearTheirNullValue() {
        Verdict.Finding f = Verdict.errors(errors(ci(0.8, 0.75, 0.85), ci(-0.4, -0.5, -0.3)));
        assertThat(f.answer()).isEqualTo(Answer.YES);
        assertThat(f.because()).contains("0.800 [0.750, 0.850]").contains("-0.400 [-0.500, -0.300]")
                .contains("40 images");
    }

    @Test
    void oneOfTheTwoIntervalsClearingGivesPartly() {
        assertThat(Verdict.errors(errors(ci(0.8, 0.75, 0.85), ci(-0.1, -0.3, 0.05))).answer())
                .isEqualTo(Answer.PARTLY);
        assertThat(Verdict.errors(errors(ci(0.52, 0.45, 0.6), ci(-0.2, -0.3, -0.1))).answer())
                .isEqualTo(Answer.PARTLY);
    }

    @Test
    void anAurocBelowOneHalfIsNoAndAnIntervalHoldingItIsNoEvidence() {
        assertThat(Verdict.errors(errors(ci(0.3, 0.25, 0.35), ci(0.2, 0.1, 0.3))).answer()).isEqualTo(Answer.NO);
        assertThat(Verdict.errors(errors(ci(0.5, 0.45, 0.55), ci(0.0, -0.1, 0.1))).answer())
                .isEqualTo(Answer.NO_EVIDENCE);
    }

    @Test
    void tooFewImagesIsNotEnoughEvidenceWhateverTheNumbers() {
        ModelSummary few = summary(ci(0.9, 0.85, 0.95), correlation("correct", 6, ci(-0.5, -0.6, -0.4)), null,
                List.of());
        Verdict.Finding f = Verdict.errors(few);
        assertThat(f.answer()).isEqualTo(Answer.NOT_ENOUGH_EVIDENCE);
        assertThat(f.because()).contains("Only 6 images");
    }

    @Test
    void aFlaggedModelGetsNoConclusionEvenWithStrongNumbers() {
        HealthFlag flag = new HealthFlag("no_foreground", 0.0, 0.1, "predicts no foreground");
        ModelSummary s = summary(ci(0.9, 0.85, 0.95), correlation("correct", 40, ci(-0.5, -0.6, -0.4)),
                correlation("disagreement", 40, ci(0.5, 0.4, 0.6)), List.of(flag));
        for (Verdict.Finding f : List.of(Verdict.errors(s), Verdict.disagreement(s, 4))) {
            assertThat(f.answer()).isEqualTo(Answer.WITHHELD);
            assertThat(f.answer().positive()).isFalse();
            assertThat(f.because()).contains("no_foreground");
        }
    }

    @Test
    void disagreementFollowsTheSignOfItsInterval() {
        Bootstrap.Interval auc = ci(0.8, 0.75, 0.85);
        Correlation correct = correlation("correct", 40, ci(-0.4, -0.5, -0.3));
        assertThat(Verdict.disagreement(summary(auc, correct, correlation("disagreement", 40, ci(0.5, 0.4, 0.6)),
                List.of()), 4).answer()).isEqualTo(Answer.YES);
        assertThat(Verdict.disagreement(summary(auc, correct, correlation("disagreement", 40, ci(-0.3, -0.4, -0.2)),
                List.of()), 4).answer()).isEqualTo(Answer.NO);
        assertThat(Verdict.disagreement(summary(auc, correct, correlation("disagreement", 40, ci(0.1, -0.1, 0.3)),
                List.of()), 4).answer()).isEqualTo(Answer.NO_EVIDENCE);
        assertThat(Verdict.disagreement(summary(auc, correct, null, List.of()), 1).answer())
                .isEqualTo(Answer.NOT_APPLICABLE);
    }
}
