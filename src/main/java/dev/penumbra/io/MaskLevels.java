package dev.penumbra.io;

import dev.penumbra.InputException;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The levels a mask file shows, one integer per pixel, before binarisation. A mask is read as it looks:
 * <ul>
 *   <li>grey masks (1 to 16 bits): the grey level;</li>
 *   <li>palette masks: the grey level of each index's palette colour, so a palette that maps index 0 to white
 *       reads white as white; with {@code --classes} the palette index is the class (as in PASCAL VOC masks);</li>
 *   <li>RGB masks whose pixels are all grey (R = G = B): the grey level;</li>
 *   <li>colour masks: black (0, 0, 0) is background and the one other colour is foreground (a lesion drawn in green
 *       works); a colour mask with two colours neither of which is black, or with more than two colours, is refused
 *       unless a threshold is given, which then applies to the brightest channel of each pixel;</li>
 *   <li>alpha: a fully transparent pixel is background whatever its colour; other alpha values are ignored;</li>
 *   <li>float masks: values in [0, 1], read as 16-bit levels (value x 65535).</li>
 * </ul>
 */
public final class MaskLevels {

    /** How levels are taken from a colour mask. */
    public enum Colour {
        /** black and one colour only (binary masks without a threshold) */
        STRICT,
        /** the brightest channel of each pixel (masks binarised by a threshold) */
        BRIGHTEST
    }

    private MaskLevels() {
    }

    /**
     * Levels of a binary (or thresholded) mask.
     *
     * @param shown what messages call the file, e.g. "mask train/masks/a.png"
     * @return H * W levels, row-major
     */
    public static int[] of(BufferedImage picture, String shown, Colour colour) {
        Raster raster = picture.getRaster();
        if (picture.getColorModel() instanceof IndexColorModel palette) {
            return colours(paletteColours(raster, palette), 8, shown, colour);
        }
        int channels = Pixels.colourChannels(picture, shown);
        int bands = raster.getNumBands();
        int alphaBand = bands > channels ? channels : -1;
        int h = raster.getHeight();
        int w = raster.getWidth();
        int bits = Pixels.isFloat(raster) ? 16 : bitsOf(raster, channels, shown);
        long[] rgb = new long[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean transparent = alphaBand >= 0 && raster.getSampleDouble(x, y, alphaBand) == 0;
                long r = transparent ? 0 : level(raster, x, y, 0, shown);
                long g = channels == 1 || transparent ? r : level(raster, x, y, 1, shown);
                long b = channels == 1 || transparent ? r : level(raster, x, y, 2, shown);
                rgb[y * w + x] = r << 32 | g << 16 | b;
            }
        }
        return colours(rgb, bits, shown, colour);
    }

    /**
     * Class indices of a mask of {@code --classes} C: a palette mask's indices, or a grey mask's levels.
     *
     * @return H * W class indices (unchecked against C: the caller's)
     */
    public static int[] classIndices(BufferedImage picture, String shown) {
        Raster raster = picture.getRaster();
        if (picture.getColorModel() instanceof IndexColorModel) {
            return raster.getSamples(0, 0, raster.getWidth(), raster.getHeight(), 0,
                    new int[raster.getWidth() * raster.getHeight()]);
        }
        if (Pixels.isFloat(raster)) {
            throw new InputException(shown + " holds float samples; a mask of class indices must be an integer grey"
                    + " or palette image");
        }
        int[] levels = of(picture, shown, Colour.BRIGHTEST);
        if (Pixels.colourChannels(picture, shown) == 3) {
            int w = raster.getWidth();
            for (int y = 0; y < raster.getHeight(); y++) {
                for (int x = 0; x < w; x++) {
                    int r = raster.getSample(x, y, 0);
                    if (r != raster.getSample(x, y, 1) || r != raster.getSample(x, y, 2)) {
                        throw new InputException(shown + " is a colour mask (pixel (" + y + ", " + x + ") has RGB "
                                + r + ", " + raster.getSample(x, y, 1) + ", " + raster.getSample(x, y, 2)
                                + "); with --classes, masks must hold class indices as grey levels or palette indices");
                    }
                }
            }
        }
        return levels;
    }

    private static long[] paletteColours(Raster raster, IndexColorModel palette) {
        int h = raster.getHeight();
        int w = raster.getWidth();
        long[] rgb = new long[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int c = palette.getRGB(raster.getSample(x, y, 0));
                rgb[y * w + x] = Pixels.alpha(c) == 0 ? 0
                        : (long) Pixels.red(c) << 32 | (long) Pixels.green(c) << 16 | Pixels.blue(c);
            }
        }
        return rgb;
    }

    private static int bitsOf(Raster raster, int channels, String shown) {
        int bits = 0;
        for (int c = 0; c < channels; c++) {
            Pixels.fullScale(raster, c, shown);
            bits = Math.max(bits, raster.getSampleModel().getSampleSize(c));
        }
        return bits;
    }

    private static long level(Raster raster, int x, int y, int band, String shown) {
        if (Pixels.isFloat(raster)) {
            double v = raster.getSampleDouble(x, y, band);
            if (!(v >= 0 && v <= 1)) {
                throw new InputException(shown + " holds float samples, and the one at pixel (" + y + ", " + x
                        + ") is " + String.format(Locale.ROOT, "%.6g", v) + "; float masks must hold values in [0, 1]");
            }
            return Math.round(v * 65535);
        }
        return raster.getSample(x, y, band);
    }

    /** Levels from packed (r, g, b) colours; grey colours keep their level, colour masks follow {@code rule}. */
    private static int[] colours(long[] rgb, int bits, String shown, Colour rule) {
        int[] levels = new int[rgb.length];
        Set<Long> colours = new TreeSet<>();
        boolean grey = true;
        for (long c : rgb) {
            grey &= isGrey(c);
            if (colours.size() <= 2) {
                colours.add(c);
            }
        }
        if (grey || rule == Colour.BRIGHTEST) {
            for (int i = 0; i < rgb.length; i++) {
                levels[i] = (int) Math.max(rgb[i] >> 32, Math.max(rgb[i] >> 16 & 0xffff, rgb[i] & 0xffff));
            }
            return levels;
        }
        if (colours.size() > 2 || !colours.contains(0L)) {
            throw new InputException(shown + " is a colour mask with " + (colours.size() > 2 ? "more than two colours"
                    : "the colours " + describe(colours, bits) + ", neither of which is black") + "; a colour mask"
                    + " must be black (background) and one other colour (foreground), or give --mask-threshold"
                    + " to binarise its brightest channel");
        }
        for (int i = 0; i < rgb.length; i++) {
            levels[i] = rgb[i] == 0 ? 0 : (1 << bits) - 1;
        }
        return levels;
    }

    /**
     * A binary mask from raw levels with at most two values: 1 where the level is the higher one, else 0. A single
     * level 0 is a blank mask; any other single level marks every pixel, as "the higher level" would.
     *
     * @param levels   H * W raw levels, row-major
     * @param tooMany  the error when there are three or more levels, given the distinct levels found
     * @return H * W values 0 and 1, row-major
     */
    public static byte[] binary(int[] levels, java.util.function.Function<java.util.SortedSet<Integer>,
            InputException> tooMany) {
        int low = levels[0];
        int high = levels[0];
        for (int level : levels) {
            if (level != low && level != high) {
                if (low != high) {
                    java.util.SortedSet<Integer> seen = new java.util.TreeSet<>();
                    for (int l : levels) {
                        seen.add(l);
                    }
                    throw tooMany.apply(seen);
                }
                low = Math.min(low, level);
                high = Math.max(high, level);
            }
        }
        byte[] mask = new byte[levels.length];
        for (int i = 0; i < levels.length; i++) {
            mask[i] = (byte) (high != 0 && levels[i] == high ? 1 : 0);
        }
        return mask;
    }

    /** "0, 1, 2, 3, 4, ..." : the first five of {@code levels}, for a message. */
    public static String firstFive(java.util.SortedSet<Integer> levels) {
        return levels.stream().limit(5).map(String::valueOf).collect(Collectors.joining(", "))
                + (levels.size() > 5 ? ", ..." : "");
    }

    private static boolean isGrey(long c) {
        long r = c >> 32;
        return r == (c >> 16 & 0xffff) && r == (c & 0xffff);
    }

    private static String describe(Set<Long> colours, int bits) {
        return colours.stream().map(c -> "RGB " + (c >> 32) + ", " + (c >> 16 & 0xffff) + ", " + (c & 0xffff))
                .collect(Collectors.joining(" and ")) + (bits > 8 ? " (" + bits + "-bit)" : "");
    }
}
