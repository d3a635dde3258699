package dev.penumbra.data.augment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penumbra.data.Image;
import dev.penumbra.data.Mask;
import dev.penumbra.data.Sample;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Random paper-style transforms: what must hold for every draw. */
class AugmenterTest {

    private final Augmenter paper = new Augmenter(AugmentationConfig.paper());

    @Test
    void imageAndMasksMoveTogether() {
        // Non-square, off-centre square, so a transform applied to the image with x and y swapped, or a different
        // transform for the mask, would separate them.
        int h = 48;
        int w = 64;
        Mask square = Samples.rectangle(h, w, 8, 28, 12, 32);
        Image image = Image.zeros(1, h, w);
        for (int i = 0; i < image.pixels().length; i++) {
            image.pixels()[i] = square.pixels()[i];
        }
        Sample s = new Sample("sq", "sq", image, List.of(square, square));
        int checked = 0;
        for (long seed = 0; seed < 200; seed++) {
            Sample out = paper.apply(s, new Random(seed));
            for (Mask m : out.masks()) {
                if (m.foreground() < 100) {
                    continue; // shifted (mostly) out of the frame: nothing left to compare
                }
                assertThat(iou(out.image(), m)).as("seed %d", seed).isGreaterThan(0.95);
                assertThat(meanInside(out.image(), m, true)).as("seed %d", seed).isGreaterThan(0.9);
                assertThat(meanInside(out.image(), m, false)).as("seed %d", seed).isLessThan(0.01);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(200);
    }

    @Test
    void masksStayStrictlyBinary() {
        Sample s = Samples.noise(1, 32, 32, 4, 11);
        long foreground = 0;
        for (long seed = 0; seed < 100; seed++) {
            for (Mask m : paper.apply(s, new Random(seed)).masks()) {
                for (byte p : m.pixels()) {
                    assertThat(p).isIn((byte) 0, (byte) 1);
                }
                foreground += m.foreground();
            }
        }
        assertThat(foreground).as("some foreground survives the transforms").isGreaterThan(0);
    }

    @Test
    void imageStaysInUnitRange() {
        Sample s = Samples.noise(3, 24, 24, 1, 12);
        for (long seed = 0; seed < 50; seed++) {
            for (float p : paper.apply(s, new Random(seed)).image().pixels()) {
                assertThat(p).isBetween(0f, 1f);
            }
        }
    }

    @Test
    void sameSeedGivesIdenticalOutput() {
        Sample s = Samples.noise(3, 20, 24, 4, 13);
        Sample a = paper.apply(s, new Random(42));
        Sample b = paper.apply(s, new Random(42));
        assertThat(b.image()).isEqualTo(a.image());
        assertThat(b.masks()).isEqualTo(a.masks());
    }

    @Test
    void differentSeedsGiveDifferentOutput() {
        Sample s = Samples.noise(3, 20, 24, 4, 14);
        for (long seed = 0; seed < 10; seed++) {
            Sample a = paper.apply(s, new Random(seed));
            Sample b = paper.apply(s, new Random(seed + 1000));
            assertThat(b.image()).as("seed %d", seed).isNotEqualTo(a.image());
            assertThat(b.masks()).as("seed %d", seed).isNotEqualTo(a.masks());
        }
    }

    @Test
    void identityConfigLeavesSampleUnchanged() {
        Sample s = Samples.noise(3, 17, 20, 4, 15);
        Augmenter none = new Augmenter(AugmentationConfig.none());
        for (long seed = 0; seed < 5; seed++) {
            Sample out = none.apply(s, new Random(seed));
            assertThat(out.image()).isEqualTo(s.image());
            assertThat(out.masks()).isEqualTo(s.masks());
            assertThat(out.id()).isEqualTo(s.id());
            assertThat(out.group()).isEqualTo(s.group());
        }
    }

    @Test
    void allAnnotatorsGetTheSameTransform() {
        Sample s = Samples.noise(1, 32, 40, 4, 16);
        for (long seed = 0; seed < 20; seed++) {
            Sample out = paper.apply(s, new Random(seed));
            AffineTransform drawn = paper.draw(new Random(seed)); // the transform apply drew from the same seed
            for (int k = 0; k < 4; k++) {
                Sample alone = new Sample("k", "k", s.image(), List.of(s.masks().get(k)));
                Mask expected = paper.apply(alone, drawn).masks().get(0);
                assertThat(out.masks().get(k)).as("seed %d, annotator %d", seed, k).isEqualTo(expected);
            }
            assertThat(out.image()).isEqualTo(paper.apply(s, drawn).image());
        }
    }

    @Test
    void drawStaysInConfiguredRangesAndFlipsBothWaysAboutHalfTheTime() {
        Random rng = new Random(17);
        int n = 2000;
        int hflips = 0;
        int vflips = 0;
        double minRotation = 0;
        double maxRotation = 0;
        for (int i = 0; i < n; i++) {
            AffineTransform t = paper.draw(rng);
            assertThat(t.rotationDeg()).isBetween(-180.0, 180.0);
            assertThat(t.translateXFraction()).isBetween(-0.5, 0.5);
            assertThat(t.translateYFraction()).isBetween(-0.5, 0.5);
            assertThat(t.scale()).isBetween(0.9, 1.1);
            assertThat(t.shearDeg()).isBetween(-10.0, 10.0);
            minRotation = Math.min(minRotation, t.rotationDeg());
            maxRotation = Math.max(maxRotation, t.rotationDeg());
            hflips += t.hflip() ? 1 : 0;
            vflips += t.vflip() ? 1 : 0;
        }
        assertThat(minRotation).isLessThan(-170);
        assertThat(maxRotation).isGreaterThan(170);
        assertThat(hflips).isBetween(900, 1100);
        assertThat(vflips).isBetween(900, 1100);
    }

    /** IoU of the image thresholded at 0.5 against the mask. */
    private static double iou(Image image, Mask mask) {
        int both = 0;
        int either = 0;
        for (int i = 0; i < mask.pixels().length; i++) {
            boolean a = image.pixels()[i] > 0.5f;
            boolean b = mask.pixels()[i] == 1;
            both += a && b ? 1 : 0;
            either += a || b ? 1 : 0;
        }
        return (double) both / either;
    }

    /** Mean image value over the mask's foreground ({@code inside}) or background. */
    private static double meanInside(Image image, Mask mask, boolean inside) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < mask.pixels().length; i++) {
            if ((mask.pixels()[i] == 1) == inside) {
                sum += image.pixels()[i];
                n++;
            }
        }
        return sum / n;
    }
}
