package dev.penumbra.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PresetTest {

    @Test
    void mcDropoutDropsTheInputImageOnlyWhereTheMeasurementsSupportIt() {
        // one grey channel: the published input dropout blanks the whole image in a share p of the samples
        assertThat(Preset.LIDC.forModel("mcdropout").inputDropout()).isFalse();
        assertThat(Preset.DEMO.forModel("mcdropout").inputDropout()).isFalse();
        // RGB, not measured: the published block
        assertThat(Preset.ISIC.forModel("mcdropout").inputDropout()).isTrue();
        // the published p stays
        assertThat(Preset.LIDC.forModel("mcdropout").dropout()).isEqualTo(0.5);
    }

    @Test
    void onlyTheDemoMeasuresValidationGedWhileTraining() {
        assertThat(Preset.DEMO.gedEvery()).isEqualTo(5);
        assertThat(Preset.LIDC.gedEvery()).isZero();
        assertThat(Preset.ISIC.gedEvery()).isZero();
    }
}
