package dev.penumbra.data.synthetic;

import java.util.SplittableRandom;

/**
 * Random numbers and random fields. Uses {@link StrictMath} throughout: {@link Math} may use CPU intrinsics that
 * differ in the last bit between machines, and the files must be byte-identical everywhere.
 */
final class Noise {

    private Noise() {
    }

    static double uniform(SplittableRandom rng, double low, double high) {
        return low + (high - low) * rng.nextDouble();
    }

    /** A standard normal draw (Box-Muller), spelled out because the JDK's algorithm may change between versions. */
    static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble(); // in (0, 1], so the log is finite
        double u2 = rng.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    /**
     * A smooth random field: uniform values on a coarse grid of {@code cells} x {@code cells} cells, interpolated
     * with smoothstep weights so that the field has no visible grid edges.
     *
     * @return size x size values in [-1, 1], row-major
     */
    static double[] smoothField(int size, int cells, SplittableRandom rng) {
        int nodes = cells + 1;
        double[] grid = new double[nodes * nodes];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = uniform(rng, -1, 1);
        }
        double[] field = new double[size * size];
        for (int y = 0; y < size; y++) {
            double gy = (y + 0.5) / size * cells;
            int iy = Math.min((int) gy, cells - 1);
            double wy = smoothstep(gy - iy);
            for (int x = 0; x < size; x++) {
                double gx = (x + 0.5) / size * cells;
                int ix = Math.min((int) gx, cells - 1);
                double wx = smoothstep(gx - ix);
                double top = lerp(grid[iy * nodes + ix], grid[iy * nodes + ix + 1], wx);
                double bottom = lerp(grid[(iy + 1) * nodes + ix], grid[(iy + 1) * nodes + ix + 1], wx);
                field[y * size + x] = lerp(top, bottom, wy);
            }
        }
        return field;
    }

    /** Two octaves of {@link #smoothField}: broad shading plus finer texture, still in [-1, 1]. */
    static double[] texture(int size, SplittableRandom rng) {
        double[] coarse = smoothField(size, 3, rng);
        double[] fine = smoothField(size, 8, rng);
        for (int i = 0; i < coarse.length; i++) {
            coarse[i] = 0.65 * coarse[i] + 0.35 * fine[i];
        }
        return coarse;
    }

    static double lerp(double a, double b, double w) {
        return a + (b - a) * w;
    }

    static double clamp01(double v) {
        return Math.max(0.0, Math.min(1.0, v));
    }

    private static double smoothstep(double t) {
        return t * t * (3 - 2 * t);
    }
}
