package dev.penumbra.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penumbra.InputException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

class DatasetTest {

    private static Sample sample(String id, int channels, int h, int w, int annotators) {
        return new Sample(id, id, Image.zeros(channels, h, w), Collections.nCopies(annotators, Mask.blank(h, w)));
    }

    @Test
    void reportsChannelsLargestAnnotatorCountAndCommonSize() {
        Dataset d = new Dataset("folder", Path.of("/d"), Map.of(
                Split.TRAIN, List.of(sample("a", 3, 4, 5, 2), sample("b", 3, 4, 5, 3)),
                Split.TEST, List.of(sample("c", 3, 4, 5, 1))));
        assertThat(d.channels()).isEqualTo(3);
        assertThat(d.annotators()).isEqualTo(3);
        assertThat(d.height()).isEqualTo(4);
        assertThat(d.width()).isEqualTo(5);
        assertThat(d.split(Split.VAL)).isEmpty();
        assertThat(d.samples()).extracting(Sample::id).containsExactly("a", "b", "c");
    }

    @Test
    void differentSizesHaveNoCommonHeightAndTheMessageSuggestsSize() {
        Dataset d = new Dataset("isic", Path.of("/d"), Map.of(
                Split.TRAIN, List.of(sample("a", 1, 4, 5, 1), sample("b", 1, 6, 5, 1))));
        assertThat(d.width()).isEqualTo(5);
        assertThatThrownBy(d::height).isInstanceOf(InputException.class)
                .hasMessageContaining("a is 4x5 but b is 6x5").hasMessageContaining("--size");
    }
}
