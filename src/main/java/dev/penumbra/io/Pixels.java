package dev.penumbra.io;

import dev.penumbra.InputException;
import dev.penumbra.data.Image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.util.Locale;

/**
 * Turns a decoded picture into what it shows. Every file is read through its colour model, so a palette image reads
 * as its palette's colours (not as raw indices), and the sample depth of each band sets its full scale. The rules:
 * <ul>
 *   <li>grey and RGB pictures, with or without alpha; alpha is dropped (an image) or marks background where it is 0
 *       (a mask, see {@link MaskLevels});</li>
 *   <li>integer samples of 1 to 16 bits, scaled by 2<sup>bits</sup> - 1;</li>
 *   <li>32- or 64-bit float samples are taken as intensities as they are and must lie in [0, 1]; a float picture with
 *       values outside, NaN or infinity is refused, since any rescaling would be a guess;</li>
 *   <li>CMYK and other colour spaces, signed 16-bit and 32-bit integer samples are refused with a clear error.</li>
 * </ul>
 */
public final class Pixels {

    private Pixels() {
    }

    /**
     * The intensities of a picture.
     *
     * @param shown what messages call the file, e.g. "image train/images/a.png"
     * @return C x H x W in [0, 1]: C = 1 for grey (and for a palette of greys), 3 for colour
     */
    public static Image image(BufferedImage picture, String shown) {
        if (picture.getColorModel() instanceof IndexColorModel palette) {
            return paletteImage(picture.getRaster(), palette);
        }
        Raster raster = picture.getRaster();
        int channels = colourChannels(picture, shown);
        int h = raster.getHeight();
        int w = raster.getWidth();
        Image image = Image.zeros(channels, h, w);
        if (isFloat(raster)) {
            for (int c = 0; c < channels; c++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        image.set(c, y, x, floatSample(raster, x, y, c, shown));
                    }
                }
            }
            return image;
        }
        for (int c = 0; c < channels; c++) {
            double max = fullScale(raster, c, shown);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    image.set(c, y, x, (float) (raster.getSample(x, y, c) / max));
                }
            }
        }
        return image;
    }

    /**
     * Colour channels of a picture that is not a palette image: 1 (grey) or 3 (RGB); alpha excluded.
     *
     * @throws InputException for CMYK and any other colour space
     */
    static int colourChannels(BufferedImage picture, String shown) {
        ColorModel cm = picture.getColorModel();
        int type = cm == null ? -1 : cm.getColorSpace().getType();
        int colours = cm == null ? picture.getRaster().getNumBands() : cm.getNumColorComponents();
        if (type == ColorSpace.TYPE_GRAY && colours == 1) {
            return 1;
        }
        if (type == ColorSpace.TYPE_RGB && colours == 3) {
            return 3;
        }
        if (type == ColorSpace.TYPE_CMYK || type == ColorSpace.TYPE_YCbCr && colours == 4) {
            throw new InputException(shown + " is stored in CMYK colours; Penumbra reads grey and RGB"
                    + " images only: convert it to RGB first (for example: convert IN -colorspace sRGB OUT.png)");
        }
        throw new InputException(shown + " has " + colours + " colour channels in a "
                + spaceName(type) + " colour space; expected grey (1 channel) or RGB (3 channels), with or without"
                + " alpha: convert it to grey or RGB first");
    }

    /** The value of a full-intensity integer sample in band {@code band}: 2^bits - 1. */
    static double fullScale(Raster raster, int band, String shown) {
        int type = raster.getDataBuffer().getDataType();
        int bits = raster.getSampleModel().getSampleSize(band);
        if (type == DataBuffer.TYPE_SHORT) {
            throw new InputException(shown + " holds signed 16-bit samples (as CT scans in Hounsfield units"
                    + " often do); expected unsigned 8- or 16-bit samples, or float samples in [0, 1]: rescale it"
                    + " to one of these first");
        }
        if (bits < 1 || bits > 16) {
            throw new InputException(shown + " has " + bits + "-bit integer samples; expected 1 to 16 bits"
                    + " per sample, or float samples in [0, 1]: save it as 8- or 16-bit first");
        }
        return (1 << bits) - 1;
    }

    static boolean isFloat(Raster raster) {
        int type = raster.getDataBuffer().getDataType();
        return type == DataBuffer.TYPE_FLOAT || type == DataBuffer.TYPE_DOUBLE;
    }

    private static float floatSample(Raster raster, int x, int y, int band, String shown) {
        double v = raster.getSampleDouble(x, y, band);
        if (!(v >= 0 && v <= 1)) {
            throw new InputException(shown + " holds float samples, and the one at pixel (" + y + ", " + x
                    + ") is " + String.format(Locale.ROOT, "%.6g", v) + "; float images must hold intensities in"
                    + " [0, 1] (no NaN): rescale it to [0, 1], or save it as 8- or 16-bit");
        }
        return (float) v;
    }

    private static Image paletteImage(Raster raster, IndexColorModel palette) {
        int h = raster.getHeight();
        int w = raster.getWidth();
        int[] rgb = new int[h * w];
        boolean grey = true;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int c = palette.getRGB(raster.getSample(x, y, 0));
                rgb[y * w + x] = c;
                grey &= red(c) == green(c) && green(c) == blue(c);
            }
        }
        int channels = grey ? 1 : 3;
        Image image = Image.zeros(channels, h, w);
        for (int i = 0; i < rgb.length; i++) {
            int c = rgb[i];
            if (grey) {
                image.pixels()[i] = red(c) / 255f;
            } else {
                image.pixels()[i] = red(c) / 255f;
                image.pixels()[rgb.length + i] = green(c) / 255f;
                image.pixels()[2 * rgb.length + i] = blue(c) / 255f;
            }
        }
        return image;
    }

    static int red(int argb) {
        return (argb >> 16) & 0xff;
    }

    static int green(int argb) {
        return (argb >> 8) & 0xff;
    }

    static int blue(int argb) {
        return argb & 0xff;
    }

    static int alpha(int argb) {
        return (argb >>> 24) & 0xff;
    }

    private static String spaceName(int type) {
        return switch (type) {
            case ColorSpace.TYPE_GRAY -> "grey";
            case ColorSpace.TYPE_RGB -> "RGB";
            case ColorSpace.TYPE_CMYK -> "CMYK";
            case ColorSpace.TYPE_YCbCr -> "YCbCr";
            case ColorSpace.TYPE_Lab -> "Lab";
            case -1 -> "unknown";
            default -> "non-RGB (type " + type + ")";
        };
    }
}
