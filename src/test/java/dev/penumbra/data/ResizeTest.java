package dev.penumbra.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Reference values are torch's (checked with Debian's python3-torch 1.13: /usr/bin/python3 -c "import torch,
 * torch.nn.functional as F; print(F.interpolate(torch.tensor([[[[0., 1.], [2., 3.]]]]), size=(4, 4),
 * mode='bilinear', align_corners=False))"), i.e. {@code torch.nn.functional.interpolate(x, size=..., mode="bilinear",
 * align_corners=False)} (antialias off, the default), e.g. for x = [[[[0., 1.], [2., 3.]]]] and size (4, 4).
 */
class ResizeTest {

    private static Image row(float... values) {
        return new Image(1, 1, values.length, values.clone());
    }

    @Test
    void bilinearUpsamplingMatchesTorchAlignCornersFalse() {
        Image out = Resize.bilinear(new Image(1, 2, 2, new float[] {0, 1, 2, 3}), 4, 4);
        assertThat(out.pixels()).containsExactly(new float[] {
            0.00f, 0.25f, 0.75f, 1.00f,
            0.50f, 0.75f, 1.25f, 1.50f,
            1.50f, 1.75f, 2.25f, 2.50f,
            2.00f, 2.25f, 2.75f, 3.00f}, within(1e-6f));
    }

    @Test
    void bilinearDownsamplingHasNoAntialiasing() {
        // torch: interpolate([0, 1, 2, 3], size 2) = [0.5, 2.5]; [0, 1, 2] to 2 = [0.25, 1.75]
        assertThat(Resize.bilinear(row(0, 1, 2, 3), 1, 2).pixels()).containsExactly(new float[] {0.5f, 2.5f},
                within(1e-6f));
        assertThat(Resize.bilinear(row(0, 1, 2), 1, 2).pixels()).containsExactly(new float[] {0.25f, 1.75f},
                within(1e-6f));
    }

    @Test
    void bilinearResizesEveryChannelToTheRequestedShape() {
        Image out = Resize.bilinear(DataFixtures.rgb(12, 10, 0), 5, 7);
        assertThat(out.channels()).isEqualTo(3);
        assertThat(out.height()).isEqualTo(5);
        assertThat(out.width()).isEqualTo(7);
    }

    @Test
    void nearestUsesHalfPixelCentres() {
        // 4 -> 2 samples input 1 and 3 (floor((i + 0.5) * 2)); 2 -> 4 repeats each pixel twice
        Mask m = new Mask(1, 4, new byte[] {0, 1, 0, 1});
        assertThat(Resize.nearest(m, 1, 2).pixels()).containsExactly(1, 1);
        Mask n = new Mask(1, 2, new byte[] {0, 1});
        assertThat(Resize.nearest(n, 1, 4).pixels()).containsExactly(0, 0, 1, 1);
        assertThat(Resize.nearestSource(2, 3, 2)).isEqualTo(2); // floor(2.5 * 1.5) = 3 clamps to 2
    }

    @Test
    void nearestKeepsMasksBinaryAndAligned() {
        Mask left = DataFixtures.box(8, 8, 0, 8, 0, 4);
        Mask out = Resize.nearest(left, 13, 6);
        assertThat(out.height()).isEqualTo(13);
        assertThat(out.width()).isEqualTo(6);
        for (int y = 0; y < 13; y++) {
            for (int x = 0; x < 6; x++) {
                assertThat(out.get(y, x)).isEqualTo((byte) (x < 3 ? 1 : 0));
            }
        }
    }

    @Test
    void sameSizeReturnsTheInput() {
        Image img = DataFixtures.grey(4, 4, 0);
        assertThat(Resize.bilinear(img, 4, 4)).isSameAs(img);
        Mask m = Mask.blank(4, 4);
        assertThat(Resize.nearest(m, 4, 4)).isSameAs(m);
    }
}
