package dev.penumbra.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EvaluationFiguresTest {

    @Test
    void theRiskCoverageLegendGivesEachModelsAurcToThreeSignificantDigits() {
        assertThat(EvaluationFigures.withAurc("punet", 0.012345)).isEqualTo("punet (AURC 0.0123)");
        assertThat(EvaluationFigures.withAurc("softmax", 0.000712)).isEqualTo("softmax (AURC 0.000712)");
        assertThat(EvaluationFigures.withAurc("ensemble", 0.25)).isEqualTo("ensemble (AURC 0.25)");
        assertThat(EvaluationFigures.withAurc("mcdropout", 0)).isEqualTo("mcdropout (AURC 0)");
    }
}
