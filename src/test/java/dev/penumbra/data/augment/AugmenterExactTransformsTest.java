package dev.penumbra.data.augment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penumbra.data.Image;
import dev.penumbra.data.Mask;
import dev.penumbra.data.Sample;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Transforms whose result is known exactly: flips, quarter turns, whole-pixel shifts. */
class AugmenterExactTransformsTest {

    private static final int C = 3;
    private static final int H = 5;
    private static final int W = 8; // not square and W even, H odd, to catch swapped axes and centre mistakes

    private static AugmentationConfig flipsOnly(double hflip, double vflip) {
        return new AugmentationConfig(0, 0, 1, 1, 0, hflip, vflip);
    }

    @Test
    void horizontalFlipWithProbabilityOneMirrorsImageAndMasksExactly() {
        Sample s = Samples.noise(C, H, W, 2, 1);
        Sample out = new Augmenter(flipsOnly(1, 0)).apply(s, new Random(7));
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                for (int c = 0; c < C; c++) {
                    assertThat(out.image().get(c, y, x)).isEqualTo(s.image().get(c, y, W - 1 - x));
                }
                for (int k = 0; k < 2; k++) {
                    assertThat(out.masks().get(k).get(y, x)).isEqualTo(s.masks().get(k).get(y, W - 1 - x));
                }
            }
        }
    }

    @Test
    void verticalFlipWithProbabilityOneMirrorsImageAndMasksExactly() {
        // The published code computed the vertical flip and then dropped it.
        Sample s = Samples.noise(C, H, W, 2, 2);
        Sample out = new Augmenter(flipsOnly(0, 1)).apply(s, new Random(7));
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                for (int c = 0; c < C; c++) {
                    assertThat(out.image().get(c, y, x)).isEqualTo(s.image().get(c, H - 1 - y, x));
                }
                for (int k = 0; k < 2; k++) {
                    assertThat(out.masks().get(k).get(y, x)).isEqualTo(s.masks().get(k).get(H - 1 - y, x));
                }
            }
        }
    }

    @Test
    void bothFlipsEqualAHalfTurn() {
        Sample s = Samples.noise(C, H, W, 2, 3);
        Augmenter augmenter = new Augmenter(AugmentationConfig.none());
        Sample flipped = augmenter.apply(s, new AffineTransform(0, 0, 0, 1, 0, true, true));
        Sample turned = augmenter.apply(s, new AffineTransform(180, 0, 0, 1, 0, false, false));
        assertThat(turned.image()).isEqualTo(flipped.image());
        assertThat(turned.masks()).isEqualTo(flipped.masks());
        assertThat(flipped.image().get(0, 0, 0)).isEqualTo(s.image().get(0, H - 1, W - 1));
    }

    /**
     * A quarter turn about the centre ((N - 1) / 2, (N - 1) / 2) maps pixel centres onto pixel centres for odd and
     * even N alike, so it must equal the array rotation exactly: +90 degrees is counter-clockwise on screen, input
     * (x, y) lands at (y, N - 1 - x).
     */
    @ParameterizedTest
    @ValueSource(ints = {7, 8})
    void quarterTurnEqualsExactArrayRotation(int n) {
        Sample s = Samples.noise(2, n, n, 3, n);
        Sample out = new Augmenter(AugmentationConfig.none())
                .apply(s, new AffineTransform(90, 0, 0, 1, 0, false, false));
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                for (int c = 0; c < 2; c++) {
                    assertThat(out.image().get(c, n - 1 - x, y)).isEqualTo(s.image().get(c, y, x));
                }
                for (int k = 0; k < 3; k++) {
                    assertThat(out.masks().get(k).get(n - 1 - x, y)).isEqualTo(s.masks().get(k).get(y, x));
                }
            }
        }
    }

    @Test
    void minusQuarterTurnUndoesQuarterTurn() {
        Sample s = Samples.noise(1, 6, 6, 1, 4);
        Augmenter augmenter = new Augmenter(AugmentationConfig.none());
        Sample turned = augmenter.apply(s, new AffineTransform(90, 0, 0, 1, 0, false, false));
        Sample back = augmenter.apply(turned, new AffineTransform(-90, 0, 0, 1, 0, false, false));
        assertThat(back.image()).isEqualTo(s.image());
        assertThat(back.masks()).isEqualTo(s.masks());
    }

    @Test
    void wholePixelShiftMovesRightAndDownAndFillsWithZero() {
        Image image = Samples.noiseImage(1, H, W, 5);
        Mask mask = Samples.noiseMask(H, W, 6);
        // 0.25 of width 8 is 2 columns right; 0.2 of height 5 is 1 row down.
        AffineTransform shift = new AffineTransform(0, 0.25, 0.2, 1, 0, false, false);
        Image outImage = Warp.image(image, shift);
        Mask outMask = Warp.mask(mask, shift);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                boolean inside = x >= 2 && y >= 1;
                assertThat(outImage.get(0, y, x)).isEqualTo(inside ? image.get(0, y - 1, x - 2) : 0f);
                assertThat(outMask.get(y, x)).isEqualTo(inside ? mask.get(y - 1, x - 2) : (byte) 0);
            }
        }
    }

    @Test
    void bilinearBlendsTheTwoNearestPixelsByDistance() {
        // Scale 2 about the centre of a 1 x 4 row (centre x = 1.5) maps output x = 0 to input x = 0.75.
        Image row = new Image(1, 1, 4, new float[] {0f, 1f, 0f, 0f});
        Image out = Warp.image(row, new AffineTransform(0, 0, 0, 2, 0, false, false));
        assertThat(out.get(0, 0, 0)).isEqualTo(0.75f);
        assertThat(out.get(0, 0, 1)).isEqualTo(0.75f); // input x = 1.25
        assertThat(out.get(0, 0, 2)).isEqualTo(0.25f); // input x = 1.75
    }

    @Test
    void scaleAboveOneEnlargesACentredSquare() {
        Mask square = Samples.rectangle(16, 16, 6, 10, 6, 10);
        Mask out = Warp.mask(square, new AffineTransform(0, 0, 0, 2, 0, false, false));
        assertThat(out).isEqualTo(Samples.rectangle(16, 16, 4, 12, 4, 12));
    }

    @Test
    void identityTransformCopiesExactly() {
        Sample s = Samples.noise(C, H, W, 4, 8);
        Sample out = new Augmenter(AugmentationConfig.none()).apply(s, AffineTransform.identity());
        assertThat(out.image()).isEqualTo(s.image());
        assertThat(out.masks()).isEqualTo(s.masks());
        assertThat(out.image().pixels()).isNotSameAs(s.image().pixels());
    }
}
