package dev.penumbra.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.penumbra.data.Mask;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnotatorsTest {

    private static final Mask A = new Mask(1, 3, new byte[] {1, 0, 1});
    private static final Mask B = new Mask(1, 3, new byte[] {1, 0, 0});

    @Test
    void votesCountTheAnnotatorsMarkingEachPixel() {
        assertThat(Annotators.votes(List.of(A, B))).containsExactly(2, 0, 1);
    }

    @Test
    void theMeanAnnotationIsTheShareOfAnnotatorsAndItsEntropyIsInBits() {
        assertThat(Annotators.share(List.of(A, B))).containsExactly(1f, 0f, 0.5f);
        // pixels at shares 1, 0 and 1/2: entropies 0, 0, 1 bit, mean 1/3
        assertThat(Annotators.meanEntropyBits(List.of(A, B))).isCloseTo(1.0 / 3, within(1e-12));
    }
}
