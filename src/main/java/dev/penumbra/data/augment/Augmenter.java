package dev.penumbra.data.augment;

import dev.penumbra.data.Mask;
import dev.penumbra.data.Sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws random training transforms from an {@link AugmentationConfig} and applies each one identically to a
 * sample's image and to all of its annotations. Stateless apart from the config, so one instance may serve several
 * threads as long as each passes its own {@link Random}.
 */
public final class Augmenter {

    private final AugmentationConfig config;

    public Augmenter(AugmentationConfig config) {
        this.config = config;
    }

    public AugmentationConfig config() {
        return config;
    }

    /**
     * Draws one transform: rotation, x and y shift, scale and shear uniformly from the configured ranges, then each
     * flip with its probability. Always consumes the same seven numbers from {@code rng}, so a seed fixes the
     * whole sequence of transforms whatever the config.
     */
    public AffineTransform draw(Random rng) {
        double rotation = uniform(rng, -config.maxRotationDeg(), config.maxRotationDeg());
        double tx = uniform(rng, -config.maxTranslateFraction(), config.maxTranslateFraction());
        double ty = uniform(rng, -config.maxTranslateFraction(), config.maxTranslateFraction());
        double scale = uniform(rng, config.minScale(), config.maxScale());
        double shear = uniform(rng, -config.maxShearDeg(), config.maxShearDeg());
        boolean hflip = rng.nextDouble() < config.hflipProbability();
        boolean vflip = rng.nextDouble() < config.vflipProbability();
        return new AffineTransform(rotation, tx, ty, scale, shear, hflip, vflip);
    }

    /** Draws one transform with {@link #draw(Random)} and applies it to the image and every mask. */
    public Sample apply(Sample sample, Random rng) {
        return apply(sample, draw(rng));
    }

    /**
     * Applies a known transform: bilinear for the image, nearest neighbour for the masks; outside is 0.
     *
     * @return a new sample with the same id and group, the image C x H x W and L masks H x W as the input
     */
    public Sample apply(Sample sample, AffineTransform t) {
        List<Mask> masks = new ArrayList<>(sample.masks().size());
        for (Mask m : sample.masks()) {
            masks.add(Warp.mask(m, t));
        }
        return new Sample(sample.id(), sample.group(), Warp.image(sample.image(), t), masks);
    }

    // An empty range gives exactly lo (and +0.0 rather than -0.0 for [-0, 0]), so config none() draws a transform
    // equal to AffineTransform.identity(). The number is drawn anyway to keep the stream aligned.
    private static double uniform(Random rng, double lo, double hi) {
        double u = rng.nextDouble();
        return lo == hi ? lo + 0.0 : lo + (hi - lo) * u;
    }
}
