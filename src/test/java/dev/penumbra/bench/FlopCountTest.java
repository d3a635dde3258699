package dev.penumbra.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.penumbra.nn.UNet;
import dev.penumbra.nn.UNetConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlopCountTest {

    @Test
    void oneConvolutionIsTwiceItsMultiplyAccumulates() {
        // 3 -> 5 channels, 3x3 kernel, on 7 x 11 pixels: every output pixel of every filter takes 3 * 9 MACs.
        assertThat(FlopCount.conv(3, 5, 3, 7, 11)).isEqualTo(2L * 3 * 5 * 9 * 7 * 11);
        assertThat(FlopCount.conv(32, 2, 1, 128, 128)).isEqualTo(2L * 32 * 2 * 128 * 128);
    }

    @Test
    void aTwoLevelNetAddsUpByHand() {
        UNetConfig c = new UNetConfig(1, 2, List.of(2, 4), 1, false, 0, false);
        long enc0 = 2L * 1 * 2 * 9 * 16;        // 1 -> 2 at 4x4
        long enc1 = 2L * 2 * 4 * 9 * 4;         // 2 -> 4 at 2x2
        long dec0 = 2L * (4 + 2) * 2 * 9 * 16;  // upsampled 4 + skip 2 -> 2 at 4x4
        long head = 2L * 2 * 2 * 16;            // 1x1, 2 -> 2 classes
        assertThat(FlopCount.forward(c, true, 4, 4)).isEqualTo(enc0 + enc1 + dec0 + head).isEqualTo(4736);
        assertThat(FlopCount.forward(c, false, 4, 4)).isEqualTo(enc0 + enc1 + dec0);
    }

    @Test
    void thePaperNetCosts6point96GflopPerImage() {
        // ENGINE_NOTES.md: 6.96 GFLOP per 1 x 128 x 128 forward; bench/bench_torch.py's count gives 6957301760.
        long flop = FlopCount.forward(UNetConfig.paper(1, 2, 0), true, 128, 128);
        assertThat(flop / 1e9).isCloseTo(6.96, within(0.0696));
        assertThat(flop).isEqualTo(6_957_301_760L);
    }

    @Test
    void thePaperNetHas2point26MillionParametersAsDjlCountsThem() {
        UNetConfig paper = UNetConfig.paper(1, 2, 0);
        long analytic = FlopCount.parameters(paper, true);
        // sum(p.numel() for p in model.parameters()) of the same net in PyTorch (bench/bench_torch.py): 2261860
        assertThat(analytic).isEqualTo(2_261_860L);
        assertThat(analytic / 1e6).isCloseTo(2.26, within(0.0226));
        UNet net = new UNet(paper, true);
        try (NDManager m = NDManager.newBaseManager()) {
            net.initialize(m, DataType.FLOAT32, new Shape(1, 1, 128, 128));
            long trainable = 0;
            for (Pair<String, Parameter> p : net.getParameters()) {
                if (p.getValue().requiresGradient()) {
                    trainable += p.getValue().getArray().size();
                }
            }
            assertThat(trainable).isEqualTo(analytic);
        }
    }

    @Test
    void aTrainingStepCountsThreeForwards() {
        assertThat(FlopCount.TRAINING_STEP_FORWARDS).isEqualTo(3);
    }

    @Test
    void theCeilingConvolutionIsAMatrixProduct() {
        // (N H W) x C_in times C_in x C_out
        assertThat(ConvShape.DEFAULT.flops()).isEqualTo(2L * (8 * 32 * 32) * 1024 * 1024);
        assertThat(ConvShape.parse("32, 256,64,64,256").flops()).isEqualTo(2L * (32 * 64 * 64) * 256 * 256);
    }
}
