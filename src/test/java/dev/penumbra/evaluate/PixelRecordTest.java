package dev.penumbra.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PixelRecordTest {

    private static PixelRecord pixel(boolean predicted, int votes, int annotators) {
        return new PixelRecord("img", 0, 0.5f, 0.1f, 0.5f, predicted, votes, annotators);
    }

    @Test
    void outcomesOnlyWhereAllAnnotatorsAgree() {
        assertThat(pixel(true, 4, 4).outcome()).isEqualTo(Outcome.TP);
        assertThat(pixel(true, 0, 4).outcome()).isEqualTo(Outcome.FP);
        assertThat(pixel(false, 4, 4).outcome()).isEqualTo(Outcome.FN);
        assertThat(pixel(false, 0, 4).outcome()).isEqualTo(Outcome.TN);
        assertThat(pixel(true, 3, 4).outcome()).isNull();
        assertThat(pixel(false, 1, 4).outcome()).isNull();
        assertThat(pixel(true, 1, 1).outcome()).isEqualTo(Outcome.TP);
        assertThat(Outcome.TP.correct()).isTrue();
        assertThat(Outcome.FN.correct()).isFalse();
    }

    @Test
    void agreementLevelsOfFourAnnotatorsAreAllAgreeThreeOneAndTwoTwo() {
        assertThat(pixel(false, 0, 4).agreementLabel()).isEqualTo("all agree");
        assertThat(pixel(false, 4, 4).agreementLabel()).isEqualTo("all agree");
        assertThat(pixel(false, 1, 4).agreementLabel()).isEqualTo("3-1");
        assertThat(pixel(false, 3, 4).agreementLabel()).isEqualTo("3-1");
        assertThat(pixel(false, 2, 4).agreementLabel()).isEqualTo("2-2");
        assertThat(pixel(false, 2, 4).disagreement()).isEqualTo(2);
        assertThat(pixel(false, 1, 3).agreementLabel()).isEqualTo("2-1");
    }

    @Test
    void annotatorEntropyIsTheBinaryEntropyOfTheMeanAnnotationInBits() {
        // /usr/bin/python3 -c "import numpy as np; p=0.25; print(-(p*np.log2(p)+(1-p)*np.log2(1-p)))"
        // 0.8112781244591328
        assertThat(pixel(false, 1, 4).annotatorEntropy()).isCloseTo(0.8112781244591328, within(1e-12));
        assertThat(pixel(false, 2, 4).annotatorEntropy()).isCloseTo(1.0, within(1e-12));
        assertThat(pixel(false, 0, 4).annotatorEntropy()).isZero();
        assertThat(pixel(false, 4, 4).annotatorEntropy()).isZero();
    }
}
