package dev.penumbra.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penumbra.model.McDropoutUNet;
import org.junit.jupiter.api.Test;

class PresetTest {

    @Test
    void mcDropoutDropsTheInputImageOnlyWhereTheMeasurementsSupportIt() {
        // one grey channel: the published input dropout blanks the whole image in a share p of the samples
        assertThat(mcDropout(Preset.LIDC).inputDropout()).isFalse();
        assertThat(mcDropout(Preset.DEMO).inputDropout()).isFalse();
        // RGB, not measured: the published block
        assertThat(mcDropout(Preset.ISIC).inputDropout()).isTrue();
        // the published p stays
        assertThat(mcDropout(Preset.LIDC).dropout()).isEqualTo(0.5);
    }

    private static McDropoutUNet.Settings mcDropout(Preset p) {
        return new McDropoutUNet.Factory().defaults(p).settings();
    }

    @Test
    void onlyTheDemoMeasuresValidationGedWhileTraining() {
        assertThat(Preset.DEMO.gedEvery()).isEqualTo(5);
        assertThat(Preset.LIDC.gedEvery()).isZero();
        assertThat(Preset.ISIC.gedEvery()).isZero();
    }
}
