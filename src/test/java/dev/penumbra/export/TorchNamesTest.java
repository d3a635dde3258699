package dev.penumbra.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** DJL's child-block names become the attribute paths of python/penumbra_torch.py's modules. */
class TorchNamesTest {

    @Test
    void numberedChildrenBecomeListEntriesAndCamelCaseBecomesSnakeCase() {
        assertThat(TorchNames.child("01enc0")).isEqualTo("encoders.0");
        assertThat(TorchNames.child("05dec2")).isEqualTo("decoders.2");
        assertThat(TorchNames.child("03conv1")).isEqualTo("convs.1");
        assertThat(TorchNames.child("06fc2")).isEqualTo("fc.2");
        assertThat(TorchNames.child("04member3")).isEqualTo("members.3");
        assertThat(TorchNames.child("08logSigma")).isEqualTo("log_sigma");
        assertThat(TorchNames.child("03logDiag")).isEqualTo("log_diag");
        assertThat(TorchNames.child("09head")).isEqualTo("head");
    }

    @Test
    void aNumberedBlockWithoutAPyTorchListIsAnError() {
        assertThatThrownBy(() -> TorchNames.child("01layer4")).hasMessageContaining("no PyTorch list for");
    }
}
