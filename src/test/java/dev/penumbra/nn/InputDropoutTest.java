package dev.penumbra.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The first block's channel dropout acts on the input image only when input dropout is on (the published net). */
class InputDropoutTest {

    private static UNet unet(boolean inputDropout) {
        return new UNet(new UNetConfig(1, 2, List.of(4, 8), 1, false, 0.5, false, inputDropout), true);
    }

    /** Of 400 inference-mode passes of a grey image through the first block's dropout, how many come out blank. */
    private static int blankedInputs(UNet net) {
        try (NDManager m = NDManager.newBaseManager()) {
            ChannelDropout first = net.encoder(0).dropout();
            first.initialize(m, DataType.FLOAT32, new Shape(400, 1, 8, 8));
            float[] out = first.forward(new ParameterStore(m, false), new NDList(m.ones(new Shape(400, 1, 8, 8))),
                    false).singletonOrThrow().toFloatArray();
            int blank = 0;
            for (int i = 0; i < 400; i++) {
                blank += out[i * 64] == 0f ? 1 : 0;
            }
            return blank;
        }
    }

    @Test
    void withInputDropoutOffNoSampleSeesABlankedInput() {
        UNet net = unet(false);
        assertThat(blankedInputs(net)).isZero();
        // the later blocks still drop: MC-Dropout keeps its samples
        assertThat(net.encoder(1).dropout().probability()).isEqualTo(0.5f);
    }

    @Test
    void withInputDropoutOnAsPublishedTheInputIsDropped() {
        // p = 0.5 of 400 one-channel images: 200 expected blank, sd 10
        assertThat(blankedInputs(unet(true))).isBetween(150, 250);
    }

    @Test
    void runsWrittenBeforeTheSettingReadAsPublished() {
        assertThat(new UNetConfig(1, 2, List.of(4, 8), 1, false, 0.5, false, null).inputDropout()).isTrue();
        assertThat(new UNetConfig(1, 2, List.of(4, 8), 1, false, 0.5, false).inputDropout()).isTrue();
    }
}
