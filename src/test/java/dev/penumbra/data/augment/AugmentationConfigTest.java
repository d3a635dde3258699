package dev.penumbra.data.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penumbra.InputException;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AugmentationConfigTest {

    @Test
    void paperHasThePublishedRangesAndOurSmallShear() {
        AugmentationConfig c = AugmentationConfig.paper();
        assertThat(c.maxRotationDeg()).isEqualTo(180);
        assertThat(c.maxTranslateFraction()).isEqualTo(0.5);
        assertThat(c.minScale()).isEqualTo(0.9);
        assertThat(c.maxScale()).isEqualTo(1.1);
        assertThat(c.maxShearDeg()).isEqualTo(10);
        assertThat(c.hflipProbability()).isEqualTo(0.5);
        assertThat(c.vflipProbability()).isEqualTo(0.5);
    }

    @Test
    void noneDrawsTheIdentityTransform() {
        AugmentationConfig c = AugmentationConfig.none();
        assertThat(new Augmenter(c).draw(new Random(1))).isEqualTo(AffineTransform.identity());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "181; 0.5; 0.9; 1.1; 10; 0.5; 0.5; maxRotationDeg = 181.0; [0, 180]",
        "-1; 0.5; 0.9; 1.1; 10; 0.5; 0.5; maxRotationDeg = -1.0; [0, 180]",
        "NaN; 0.5; 0.9; 1.1; 10; 0.5; 0.5; maxRotationDeg = NaN; [0, 180]",
        "180; 1.5; 0.9; 1.1; 10; 0.5; 0.5; maxTranslateFraction = 1.5; [0, 1]",
        "180; 0.5; 0; 1.1; 10; 0.5; 0.5; minScale = 0.0; (0, maxScale]",
        "180; 0.5; 1.2; 1.1; 10; 0.5; 0.5; maxScale = 1.1; [minScale = 1.2, infinity)",
        "180; 0.5; 0.9; Infinity; 10; 0.5; 0.5; maxScale = Infinity; [minScale = 0.9, infinity)",
        "180; 0.5; 0.9; 1.1; 90; 0.5; 0.5; maxShearDeg = 90.0; [0, 90)",
        "180; 0.5; 0.9; 1.1; -5; 0.5; 0.5; maxShearDeg = -5.0; [0, 90)",
        "180; 0.5; 0.9; 1.1; 10; 1.5; 0.5; hflipProbability = 1.5; [0, 1]",
        "180; 0.5; 0.9; 1.1; 10; 0.5; -0.1; vflipProbability = -0.1; [0, 1]",
    })
    void rejectsOutOfRangeValuesNamingParameterValueAndRange(double rot, double tr, double minS, double maxS,
            double shear, double hp, double vp, String nameAndValue, String range) {
        assertThatThrownBy(() -> new AugmentationConfig(rot, tr, minS, maxS, shear, hp, vp))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(nameAndValue)
                .hasMessageContaining(range);
    }

    @Test
    void acceptsTheBoundaries() {
        assertThatCode(() -> new AugmentationConfig(180, 1, 0.5, 0.5, 89.9, 1, 0)).doesNotThrowAnyException();
        assertThatCode(() -> new AugmentationConfig(0, 0, 1, 1, 0, 0, 1)).doesNotThrowAnyException();
    }
}
