package dev.penumbra.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penumbra.InputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GridTest {

    @Test
    void everyCombinationInTheOrderGiven() {
        List<Map<String, Double>> points = Grid.parse(List.of("dropout=0.3,0.5", "lr=1e-4,3e-4,1e-3"),
                "mcdropout");
        assertThat(points).hasSize(6);
        assertThat(points.get(0)).containsExactly(Map.entry("dropout", 0.3),
                Map.entry("lr", 1e-4));
        assertThat(points.get(5)).containsEntry("dropout", 0.5).containsEntry("lr", 1e-3);
        assertThat(Grid.name(points.get(1))).isEqualTo("dropout-0.3_lr-3.0E-4");
    }

    @Test
    void valuesOutOfRangeAndSettingsOfOtherModelsAreRefused() {
        assertThatThrownBy(() -> Grid.parse(List.of("dropout=0.5,1.5"), "mcdropout"))
                .isInstanceOf(InputException.class).hasMessageContaining("dropout=1.5").hasMessageContaining("(0, 1)");
        assertThatThrownBy(() -> Grid.parse(List.of("lr=0"), "softmax")).isInstanceOf(InputException.class)
                .hasMessageContaining("lr");
        assertThatThrownBy(() -> Grid.parse(List.of("beta=-1"), "punet")).isInstanceOf(InputException.class);
        assertThatThrownBy(() -> Grid.parse(List.of("dropout=0.5"), "softmax")).isInstanceOf(InputException.class)
                .hasMessageContaining("mcdropout only");
        assertThatThrownBy(() -> Grid.parse(List.of("momentum=0.9"), "softmax")).isInstanceOf(InputException.class)
                .hasMessageContaining("unknown setting");
        assertThatThrownBy(() -> Grid.parse(List.of("lr=fast"), "softmax")).isInstanceOf(InputException.class)
                .hasMessageContaining("not a number");
        assertThatThrownBy(() -> Grid.parse(List.of("lr"), "softmax")).isInstanceOf(InputException.class)
                .hasMessageContaining("NAME=V1");
        assertThatThrownBy(() -> Grid.parse(List.of("lr=1e-3,1e-3"), "softmax")).isInstanceOf(InputException.class)
                .hasMessageContaining("twice");
    }
}
