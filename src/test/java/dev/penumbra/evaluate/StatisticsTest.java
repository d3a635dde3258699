package dev.penumbra.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.penumbra.metric.Calibration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void entropiesAreGroupedByOutcomeInPaperOrderAndUnanimousPixelsOnly() {
        List<PixelRecord> pixels = List.of(
                new PixelRecord("a", 0, 0.1f, 0, 0.9f, true, 4, 4),
                new PixelRecord("a", 1, 0.2f, 0, 0.9f, true, 0, 4),
                new PixelRecord("a", 2, 0.3f, 0, 0.1f, false, 2, 4),
                new PixelRecord("a", 3, 0.4f, 0, 0.1f, false, 0, 4));
        Map<String, List<Double>> groups = Statistics.byOutcome(pixels);
        assertThat(groups.keySet()).containsExactly("TP", "FP", "FN", "TN");
        assertThat(groups.get("TP")).containsExactly((double) 0.1f);
        assertThat(groups.get("FP")).containsExactly((double) 0.2f);
        assertThat(groups.get("FN")).isEmpty();
        assertThat(groups.get("TN")).containsExactly((double) 0.4f);
    }

    @Test
    void agreementGroupsRunFromUnanimousToTheMostEvenSplit() {
        List<PixelRecord> pixels = List.of(
                new PixelRecord("a", 0, 0.9f, 0, 0.5f, true, 2, 4),
                new PixelRecord("a", 1, 0.5f, 0, 0.5f, true, 3, 4),
                new PixelRecord("a", 2, 0.1f, 0, 0.5f, true, 4, 4),
                new PixelRecord("a", 3, 0.6f, 0, 0.5f, true, 1, 4));
        Map<String, List<Double>> groups = Statistics.byAgreement(pixels);
        assertThat(groups.keySet()).containsExactly("all agree", "3-1", "2-2");
        assertThat(groups.get("3-1")).hasSize(2);
    }

    @Test
    void correlationLeavesOutImagesWithoutVariationAndFindsAPerfectWithinImageRelation() {
        List<PixelRecord> pixels = new ArrayList<>();
        // image a: wrong pixels (FP) are uncertain, right ones (TN) certain; image b is all right: left out
        for (int i = 0; i < 5; i++) {
            pixels.add(new PixelRecord("a", i, 0.9f + i * 0.01f, 0, 0.9f, true, 0, 1));
            pixels.add(new PixelRecord("a", 10 + i, 0.1f + i * 0.01f, 0, 0.1f, false, 0, 1));
            pixels.add(new PixelRecord("c", i, 0.8f + i * 0.01f, 0, 0.9f, true, 0, 1));
            pixels.add(new PixelRecord("c", 10 + i, 0.2f + i * 0.01f, 0, 0.1f, false, 0, 1));
            pixels.add(new PixelRecord("b", i, 0.5f, 0, 0.1f, false, 0, 1));
        }
        Correlation c = Correlation.of("correct", pixels, p -> p.outcome() != null,
                p -> p.outcome().correct() ? 1 : 0, 500, 1);
        assertThat(c.images()).isEqualTo(2);
        assertThat(c.bootstrap().estimate()).isCloseTo(c.result().r(), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(c.bootstrap().low()).isLessThanOrEqualTo(c.result().r());
        assertThat(c.result().observations()).isEqualTo(20);
        assertThat(c.result().r()).isLessThan(-0.95);
        assertThat(c.significant()).isTrue();
    }

    @Test
    void aCorrelationWithNoUsableImageSaysWhy() {
        List<PixelRecord> pixels = List.of(new PixelRecord("a", 0, 0.1f, 0, 0.1f, false, 0, 1));
        Correlation c = Correlation.of("correct", pixels, p -> true, p -> 1, 500, 1);
        assertThat(c.result()).isNull();
        assertThat(c.note()).contains("correct");
        assertThat(c.significant()).isFalse();
    }

    @Test
    void clearLesionDiceCountsOnlyImagesWithPixelsEveryAnnotatorMarks() {
        // image 0: a clear lesion (10 pixels every annotator marks), majority Dice 0.8; image 1: a lesion the
        // annotators split on (no unanimous pixel), majority Dice 0.2; image 2: no lesion at all (majority Dice NaN)
        List<ImageScores> images = List.of(scores("clear", 0.8, 10), scores("split", 0.2, 0),
                scores("empty", Double.NaN, 0));
        ModelEvaluation e = new ModelEvaluation("m", "softmax", "runs/m", 1, images, List.of(), new Calibration(10),
                Map.of(), null);
        EvaluationSettings settings = new EvaluationSettings(4, new int[] {1, 4}, 10, 100, 10, 1, 1);
        ModelSummary summary = Statistics.summarise(e, settings);
        assertThat(summary.means().get(Metric.MAJORITY_DICE.key()).estimate()).isCloseTo(0.5, within(1e-12));
        assertThat(summary.means().get(Metric.CLEAR_LESION_DICE.key()).estimate()).isCloseTo(0.8, within(1e-12));
    }

    private static ImageScores scores(String id, double majorityDice, int unanimousForeground) {
        return new ImageScores("m", id, 4, new double[] {0.5, 0.5}, new double[2], 0.5, 0.5, 0, 0.2, 0.3, 0.5, 0.5,
                0.1, 0.05, 0.1, 0.02, 0.02, majorityDice, unanimousForeground, unanimousForeground, 1000, 5, 0.0,
                Double.NaN, Double.NaN);
    }
}
