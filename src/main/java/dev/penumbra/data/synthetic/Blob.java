package dev.penumbra.data.synthetic;

import java.util.SplittableRandom;

/**
 * A lesion-like blob with soft edges: a rotated ellipse whose profile falls from 1 at the centre to 0 outside along
 * a logistic curve. The image shows {@code contrast * profile}; annotators draw their boundary on the profile.
 *
 * @param cx       centre column in pixels
 * @param cy       centre row in pixels
 * @param rx       semi-axis along the blob's own x axis, pixels
 * @param ry       semi-axis along the blob's own y axis, pixels
 * @param angle    rotation in radians
 * @param softness width of the edge as a fraction of the radius; larger is blurrier
 * @param contrast brightness added at the centre, in grey levels of [0, 1]
 */
record Blob(double cx, double cy, double rx, double ry, double angle, double softness, double contrast) {

    /** Contrast at and above which a blob counts as clear; every annotator marks a clear blob. */
    static final double CLEAR_CONTRAST = 0.28;
    static final double FAINTEST_CONTRAST = 0.04;
    static final double BRIGHTEST_CONTRAST = 0.5;
    /** Share of clear blobs; the rest are faint, which is where annotators disagree. */
    static final double CLEAR_SHARE = 0.3;

    /** A random blob inside the central part of a size x size image. */
    static Blob random(int size, SplittableRandom rng) {
        double radius = Noise.uniform(rng, 0.06, 0.15) * size;
        double aspect = Noise.uniform(rng, 0.6, 1.0);
        double cx = Noise.uniform(rng, 0.2, 0.8) * size;
        double cy = Noise.uniform(rng, 0.2, 0.8) * size;
        double angle = Noise.uniform(rng, 0, StrictMath.PI);
        double softness = Noise.uniform(rng, 0.12, 0.25);
        double contrast = rng.nextDouble() < CLEAR_SHARE
                ? Noise.uniform(rng, CLEAR_CONTRAST, BRIGHTEST_CONTRAST)
                : Noise.uniform(rng, FAINTEST_CONTRAST, CLEAR_CONTRAST);
        return new Blob(cx, cy, radius, radius * aspect, angle, softness, contrast);
    }

    /**
     * The profile sampled at pixel centres.
     *
     * @return size x size values in (0, 1), row-major
     */
    double[] profile(int size) {
        double cos = StrictMath.cos(angle);
        double sin = StrictMath.sin(angle);
        double[] out = new double[size * size];
        for (int y = 0; y < size; y++) {
            double dy = y + 0.5 - cy;
            for (int x = 0; x < size; x++) {
                double dx = x + 0.5 - cx;
                double u = (dx * cos + dy * sin) / rx;
                double v = (-dx * sin + dy * cos) / ry;
                double r = StrictMath.sqrt(u * u + v * v);
                out[y * size + x] = 1.0 / (1.0 + StrictMath.exp((r - 1.0) / softness));
            }
        }
        return out;
    }
}
