package dev.penumbra.data.augment;

/**
 * One concrete augmentation transform, independent of the image size. Applied to a point p (pixels, x right,
 * y down) of an image of centre c = ((W - 1) / 2, (H - 1) / 2), it maps
 * {@code p -> c + F (s R Sh (p - c) + t)}: first x-shear Sh, rotation R and scale s about the centre, then the
 * shift t, then the flips F (mirrors about the centre lines).
 *
 * @param rotationDeg        rotation angle in degrees; positive turns the picture counter-clockwise as displayed
 *                           (y down), as torchvision does
 * @param translateXFraction shift to the right as a fraction of the width; rounded to whole pixels when applied, as
 *                           torchvision rounds its drawn shift
 * @param translateYFraction shift downwards as a fraction of the height; rounded likewise
 * @param scale              zoom factor, > 0 (above 1 enlarges)
 * @param shearDeg           x-shear angle in degrees, in (-90, 90): a point at row offset dy from the centre moves
 *                           by tan(shear) * dy along x
 * @param hflip              whether to mirror left-right (column x goes to W - 1 - x)
 * @param vflip              whether to mirror top-bottom (row y goes to H - 1 - y)
 */
public record AffineTransform(double rotationDeg, double translateXFraction, double translateYFraction,
                              double scale, double shearDeg, boolean hflip, boolean vflip) {

    public AffineTransform {
        if (!(scale > 0 && Double.isFinite(scale))) {
            throw new IllegalArgumentException("scale must be positive and finite, got " + scale);
        }
        if (!(shearDeg > -90 && shearDeg < 90)) {
            throw new IllegalArgumentException("shear must be in (-90, 90) degrees, got " + shearDeg);
        }
        if (!Double.isFinite(rotationDeg) || !Double.isFinite(translateXFraction)
                || !Double.isFinite(translateYFraction)) {
            throw new IllegalArgumentException("rotation and translation must be finite, got " + this);
        }
    }

    /** The transform that changes nothing. */
    public static AffineTransform identity() {
        return new AffineTransform(0, 0, 0, 1, 0, false, false);
    }

    /**
     * The inverse map for an image of the given size: output pixel (x, y) takes its value from input position
     * {@code (m[0] x + m[1] y + m[2], m[3] x + m[4] y + m[5])}. Exact (no rounding noise) when the rotation is a
     * multiple of 90 degrees, the scale 1 and the shear 0, so such transforms move pixels without interpolation.
     *
     * @return the 2 x 3 matrix, row-major, in pixels
     */
    public double[] inverseMatrix(int height, int width) {
        double cos = cosDeg(rotationDeg);
        double sin = sinDeg(rotationDeg);
        double k = Math.tan(Math.toRadians(shearDeg));
        // N = (s R Sh)^-1 = Sh^-1 R^-1 / s with R = [[cos, sin], [-sin, cos]] (counter-clockwise on screen)
        // and Sh = [[1, k], [0, 1]].
        double n00 = (cos - k * sin) / scale;
        double n01 = (-sin - k * cos) / scale;
        double n10 = sin / scale;
        double n11 = cos / scale;
        double fx = hflip ? -1 : 1;
        double fy = vflip ? -1 : 1;
        double tx = Math.rint(translateXFraction * width);
        double ty = Math.rint(translateYFraction * height);
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        // Inverse of p -> c + F (L (p - c) + t) is q -> c + N F (q - c) - N t; F is its own inverse.
        double m00 = n00 * fx;
        double m01 = n01 * fy;
        double m10 = n10 * fx;
        double m11 = n11 * fy;
        double m02 = cx - (m00 * cx + m01 * cy) - (n00 * tx + n01 * ty);
        double m12 = cy - (m10 * cx + m11 * cy) - (n10 * tx + n11 * ty);
        return new double[] {m00, m01, m02, m10, m11, m12};
    }

    // Exact values at multiples of 90 degrees: Math.cos(Math.PI / 2) is 6e-17, not 0, which would put a quarter
    // turn's source positions a hair off whole pixels.
    private static double cosDeg(double deg) {
        return isQuarterTurn(deg) ? new double[] {1, 0, -1, 0}[quarter(deg)] : Math.cos(Math.toRadians(deg));
    }

    private static double sinDeg(double deg) {
        return isQuarterTurn(deg) ? new double[] {0, 1, 0, -1}[quarter(deg)] : Math.sin(Math.toRadians(deg));
    }

    private static boolean isQuarterTurn(double deg) {
        return deg % 90 == 0;
    }

    /** Which multiple of 90 degrees, modulo 4. */
    private static int quarter(double deg) {
        return (int) Math.floorMod(Math.round(deg / 90), 4L);
    }
}
