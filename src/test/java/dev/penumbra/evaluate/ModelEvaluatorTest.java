package dev.penumbra.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penumbra.data.Image;
import dev.penumbra.data.Mask;
import dev.penumbra.data.Sample;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelEvaluatorTest {

    private static Sample sample(String id, int size) {
        return new Sample(id, id, Image.zeros(1, size, size), List.of(Mask.blank(size, size)));
    }

    @Test
    void pixelsAreDrawnWithoutReplacementSortedAndTheSameForEveryCall() {
        EvaluationSettings s = new EvaluationSettings(16, new int[] {1, 16}, 100, 200, 10, 4, 7);
        int[] a = ModelEvaluator.pixelIndices(sample("x", 32), s);
        int[] b = ModelEvaluator.pixelIndices(sample("x", 32), s);
        assertThat(a).hasSize(100).isSorted().isEqualTo(b);
        assertThat(new HashSet<>(Arrays.stream(a).boxed().toList())).hasSize(100);
        assertThat(ModelEvaluator.pixelIndices(sample("y", 32), s)).isNotEqualTo(a);
    }

    @Test
    void aBudgetAboveThePixelCountOrAllTakesEveryPixel() {
        EvaluationSettings all = new EvaluationSettings(16, new int[] {16}, EvaluationSettings.ALL_PIXELS, 200, 10,
                4, 7);
        assertThat(ModelEvaluator.pixelIndices(sample("x", 8), all)).hasSize(64).startsWith(0, 1, 2).endsWith(63);
        EvaluationSettings many = new EvaluationSettings(16, new int[] {16}, 5000, 200, 10, 4, 7);
        assertThat(ModelEvaluator.pixelIndices(sample("x", 8), many)).hasSize(64);
    }

    @Test
    void figureImagesPreferMarkedAndDisputedImages() {
        Mask blank = Mask.blank(2, 2);
        Mask one = new Mask(2, 2, new byte[] {1, 0, 0, 0});
        Mask two = new Mask(2, 2, new byte[] {1, 1, 0, 0});
        Sample empty = new Sample("a", "a", Image.zeros(1, 2, 2), List.of(blank, blank));
        Sample agreed = new Sample("b", "b", Image.zeros(1, 2, 2), List.of(one, one));
        Sample disputed = new Sample("c", "c", Image.zeros(1, 2, 2), List.of(one, two));
        assertThat(Evaluation.chooseFigureImages(List.of(empty, agreed, disputed), 3)).extracting(Sample::id)
                .containsExactly("c", "b", "a");
    }

    @Test
    void settingsRejectCountsAboveTheSampleCountAndBadBudgets() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new EvaluationSettings(8, new int[] {1, 16}, 10,
                200, 10, 4, 1)).hasMessageContaining("--ged-samples");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EvaluationSettings.parsePixels("0"))
                .hasMessageContaining("--pixels");
        assertThat(EvaluationSettings.parsePixels("ALL")).isEqualTo(EvaluationSettings.ALL_PIXELS);
        assertThat(EvaluationSettings.parsePixels("250")).isEqualTo(250);
    }
}
