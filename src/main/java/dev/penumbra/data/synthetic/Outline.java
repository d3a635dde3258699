package dev.penumbra.data.synthetic;

import java.util.SplittableRandom;

/**
 * An irregular closed outline: a rotated ellipse whose radius is modulated by a few harmonics,
 * {@code r(theta) = radius * (1 + sum_k a_k cos(k theta + phi_k))} for k = 2..5, like a skin lesion's border.
 *
 * @param cx         centre column in pixels
 * @param cy         centre row in pixels
 * @param radius     mean radius along the major axis, pixels
 * @param aspect     minor / major axis, in (0, 1]
 * @param angle      rotation in radians
 * @param amplitudes a_k for k = 2, 3, ...; their sum stays below 1 so the radius stays positive
 * @param phases     phi_k in radians, one per amplitude
 */
record Outline(double cx, double cy, double radius, double aspect, double angle, double[] amplitudes,
               double[] phases) {

    /** A random outline near the centre of a size x size image, as lesions in ISIC mostly are. */
    static Outline random(int size, SplittableRandom rng) {
        double cx = size * (0.5 + Noise.uniform(rng, -0.1, 0.1));
        double cy = size * (0.5 + Noise.uniform(rng, -0.1, 0.1));
        double radius = size * Noise.uniform(rng, 0.15, 0.26);
        double aspect = Noise.uniform(rng, 0.7, 1.0);
        double angle = Noise.uniform(rng, 0, StrictMath.PI);
        double[] amplitudes = new double[4];
        double[] phases = new double[4];
        for (int i = 0; i < amplitudes.length; i++) {
            // higher harmonics get smaller amplitudes: a wobbly border, not a star
            amplitudes[i] = Noise.uniform(rng, 0, 0.22) / (i + 1);
            phases[i] = Noise.uniform(rng, 0, 2 * StrictMath.PI);
        }
        return new Outline(cx, cy, radius, aspect, angle, amplitudes, phases);
    }

    /**
     * Roughly the signed distance to the outline at a pixel centre: negative inside, positive outside, in pixels
     * along the major axis (exact on a circle).
     */
    double signedDistance(int x, int y) {
        double dx = x + 0.5 - cx;
        double dy = y + 0.5 - cy;
        double cos = StrictMath.cos(angle);
        double sin = StrictMath.sin(angle);
        double u = dx * cos + dy * sin;
        double v = (-dx * sin + dy * cos) / aspect;
        double theta = StrictMath.atan2(v, u);
        double scale = 1.0;
        for (int i = 0; i < amplitudes.length; i++) {
            scale += amplitudes[i] * StrictMath.cos((i + 2) * theta + phases[i]);
        }
        return StrictMath.sqrt(u * u + v * v) - radius * scale;
    }
}
