package dev.penumbra.io;

import dev.penumbra.InputException;
import dev.penumbra.data.Image;
import dev.penumbra.data.Mask;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads images and masks from PNG/JPEG/BMP/TIFF files and writes PNGs atomically. Any file that cannot be decoded
 * completely (unknown format, truncated data) is reported as an {@link InputException} naming the file.
 */
public final class ImageFiles {

    private ImageFiles() {
    }

    /**
     * Reads an image file.
     *
     * @return C x H x W in [0, 1]: C = 1 for grey, 3 for colour (an alpha channel is dropped); 16-bit grey is
     *     scaled by 65535
     */
    public static Image readImage(Path file) {
        Raster raster = decode(file).getRaster();
        int bands = raster.getNumBands();
        int channels = bands >= 3 ? 3 : 1;
        int h = raster.getHeight();
        int w = raster.getWidth();
        double max = (1 << raster.getSampleModel().getSampleSize(0)) - 1;
        Image image = Image.zeros(channels, h, w);
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    image.set(c, y, x, (float) (raster.getSample(x, y, c) / max));
                }
            }
        }
        return image;
    }

    /**
     * Reads the first channel of a mask file as raw integer levels (0..255 or 0..65535), row-major H x W.
     * Binarisation and validation are the caller's: see {@code MaskReader}.
     */
    public static int[] readLevels(Path file, int[] shape) {
        Raster raster = decode(file).getRaster();
        shape[0] = raster.getHeight();
        shape[1] = raster.getWidth();
        return raster.getSamples(0, 0, shape[1], shape[0], 0, new int[shape[0] * shape[1]]);
    }

    private static BufferedImage decode(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException("cannot read image " + file + ": no such file");
        }
        try (InputStream in = Files.newInputStream(file); ImageInputStream iis = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (!readers.hasNext()) {
                throw new InputException("cannot read image " + file + ": not a PNG, JPEG, BMP, GIF or TIFF file");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, true);
                BufferedImage img = reader.read(0);
                if (img == null) {
                    throw new InputException("cannot read image " + file + ": the decoder returned nothing");
                }
                return img;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InputException ie) {
                throw ie;
            }
            throw new InputException("cannot read image " + file + ": the file is damaged or truncated ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    /** Writes an image as 8-bit grey (C = 1) or RGB (C = 3) PNG, values clamped to [0, 1]. */
    public static void writeImage(Path file, Image image) {
        int c = image.channels();
        if (c != 1 && c != 3) {
            throw new IllegalArgumentException("PNG output needs 1 or 3 channels, got " + c);
        }
        BufferedImage out = new BufferedImage(image.width(), image.height(),
                c == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        WritableRaster r = out.getRaster();
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < image.height(); y++) {
                for (int x = 0; x < image.width(); x++) {
                    r.setSample(x, y, ch, toByte(image.get(ch, y, x)));
                }
            }
        }
        writePng(file, out);
    }

    /** Writes a mask as an 8-bit PNG with background 0 and foreground 255. */
    public static void writeMask(Path file, Mask mask) {
        BufferedImage out = new BufferedImage(mask.width(), mask.height(), BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster r = out.getRaster();
        for (int y = 0; y < mask.height(); y++) {
            for (int x = 0; x < mask.width(); x++) {
                r.setSample(x, y, 0, mask.get(y, x) != 0 ? 255 : 0);
            }
        }
        writePng(file, out);
    }

    /** Writes H x W values in [0, 1] as a 16-bit grey PNG (value * 65535), for probability maps. */
    public static void writeGray16(Path file, float[] values, int height, int width) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster r = out.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float v = Math.max(0f, Math.min(1f, values[y * width + x]));
                r.setSample(x, y, 0, Math.round(v * 65535f));
            }
        }
        writePng(file, out);
    }

    /** Writes any image as PNG, atomically. */
    public static void writePng(Path file, BufferedImage image) {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer for image type " + image.getType());
            }
        });
    }

    private static int toByte(float v) {
        return Math.round(Math.max(0f, Math.min(1f, v)) * 255f);
    }
}
