package dev.penumbra.io;

import dev.penumbra.InputException;
import dev.penumbra.data.Image;
import dev.penumbra.data.Mask;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Reads images and masks from PNG/JPEG/BMP/TIFF files and writes PNGs atomically. Any file that cannot be decoded
 * completely (unknown format, truncated data) is reported as an {@link InputException} naming the file.
 */
public final class ImageFiles {

    private ImageFiles() {
    }

    /** The largest image read, in pixels (width x height): 100 megapixels, well above a 6000 x 4000 dermoscopy. */
    public static final long MAX_PIXELS = 100_000_000L;

    /**
     * Reads an image file as it looks: see {@link Pixels} for the rules (palette, bit depths, float range, CMYK).
     *
     * @return C x H x W in [0, 1]: C = 1 for grey, 3 for colour (an alpha channel is dropped)
     */
    public static Image readImage(Path file) {
        return Pixels.image(decode(file), "image " + file);
    }

    /**
     * Reads a binary mask file as raw levels (0..255 or 0..65535), row-major H x W, by the strict rules of
     * {@link MaskLevels}. Binarisation and validation are the caller's: see {@code MaskReader}.
     */
    public static int[] readLevels(Path file, int[] shape) {
        return readLevels(file, "mask " + file, shape, MaskLevels.Colour.STRICT);
    }

    /**
     * Reads a mask file as the levels it shows.
     *
     * @param shown what messages call the file, e.g. "mask train/masks/a.png"
     * @param shape receives H and W
     * @return H * W levels, row-major
     */
    public static int[] readLevels(Path file, String shown, int[] shape, MaskLevels.Colour colour) {
        BufferedImage picture = decode(file);
        shape[0] = picture.getHeight();
        shape[1] = picture.getWidth();
        return MaskLevels.of(picture, shown, colour);
    }

    /** Reads a mask of class indices (palette indices or grey levels); see {@link MaskLevels#classIndices}. */
    public static int[] readClassIndices(Path file, String shown, int[] shape) {
        BufferedImage picture = decode(file);
        shape[0] = picture.getHeight();
        shape[1] = picture.getWidth();
        return MaskLevels.classIndices(picture, shown);
    }

    /** The height and width an image file declares, read from its header without decoding the pixels. */
    public static int[] dimensions(Path file) {
        return withReader(file, reader -> new int[] {reader.getHeight(0), reader.getWidth(0)});
    }

    private static BufferedImage decode(Path file) {
        return withReader(file, reader -> {
            checkSize(file, reader.getHeight(0), reader.getWidth(0));
            BufferedImage img = reader.read(0);
            if (img == null) {
                throw new InputException("cannot read image " + file + ": the decoder returned nothing");
            }
            return img;
        });
    }

    /**
     * Refuses a picture too large to decode, before its pixels are decoded: a small file can declare a huge size.
     * The limit is {@link #MAX_PIXELS}, and what the Java heap can hold (about 24 bytes per pixel for a colour
     * image: decoded samples, float intensities and a resized copy).
     */
    static void checkSize(Path file, int height, int width) {
        long pixels = (long) height * width;
        long heapPixels = Runtime.getRuntime().maxMemory() / 24;
        long limit = Math.min(MAX_PIXELS, heapPixels);
        if (pixels > limit) {
            throw new InputException("image " + file + " is " + width + " x " + height + " pixels ("
                    + String.format(java.util.Locale.ROOT, "%.1f", pixels / 1e6) + " megapixels); Penumbra reads"
                    + " images of up to " + String.format(java.util.Locale.ROOT, "%.1f", limit / 1e6)
                    + " megapixels" + (limit < MAX_PIXELS ? " with this Java heap (raise it with PENUMBRA_JAVA_OPTS,"
                    + " e.g. -Xmx16g)" : "") + ": downscale it first");
        }
    }

    /** What is done with an image reader that has its input. */
    private interface ReaderBody<T> {
        T apply(ImageReader reader) throws IOException;
    }

    private static <T> T withReader(Path file, ReaderBody<T> body) {
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
                return body.apply(reader);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InputException ie) {
                throw ie;
            }
            throw new InputException("cannot read image " + file + ": the file is damaged or truncated"
                    + (e.getMessage() == null ? "" : " (the decoder says: " + e.getMessage() + ")"), e);
        }
    }

    /** Writes an image as 8-bit grey (C = 1) or RGB (C = 3) PNG, values clamped to [0, 1]. */
    public static void writeImage(Path file, Image image) {
        AtomicFiles.writeBytes(file, imagePng(image));
    }

    /** {@link #writeImage}'s file content. */
    public static byte[] imagePng(Image image) {
        int c = image.channels();
        if (c != 1 && c != 3) {
            throw new IllegalArgumentException("PNG output needs 1 or 3 channels, got " + c);
        }
        int h = image.height();
        int w = image.width();
        BufferedImage out = new BufferedImage(w, h, c == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        int[] band = new int[h * w];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    band[y * w + x] = toByte(image.get(ch, y, x));
                }
            }
            out.getRaster().setSamples(0, 0, w, h, ch, band);
        }
        return png(out);
    }

    /** Writes a mask as an 8-bit PNG with background 0 and foreground 255. */
    public static void writeMask(Path file, Mask mask) {
        AtomicFiles.writeBytes(file, maskPng(mask));
    }

    /** {@link #writeMask}'s file content. */
    public static byte[] maskPng(Mask mask) {
        BufferedImage out = new BufferedImage(mask.width(), mask.height(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] px = mask.pixels();
        int[] band = new int[px.length];
        for (int i = 0; i < px.length; i++) {
            band[i] = px[i] != 0 ? 255 : 0;
        }
        out.getRaster().setSamples(0, 0, mask.width(), mask.height(), 0, band);
        return png(out);
    }

    /** Writes H x W values in [0, 1] as a 16-bit grey PNG (value * 65535), for probability maps. */
    public static void writeGray16(Path file, float[] values, int height, int width) {
        AtomicFiles.writeBytes(file, gray16Png(values, height, width));
    }

    /** {@link #writeGray16}'s file content. */
    public static byte[] gray16Png(float[] values, int height, int width) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
        int[] band = new int[height * width];
        for (int i = 0; i < band.length; i++) {
            band[i] = Math.round(Math.max(0f, Math.min(1f, values[i])) * 65535f);
        }
        out.getRaster().setSamples(0, 0, width, height, 0, band);
        return png(out);
    }

    /** Writes any image as PNG, atomically. */
    public static void writePng(Path file, BufferedImage image) {
        AtomicFiles.writeBytes(file, png(image));
    }

    /**
     * Encodes a PNG in memory. {@code ImageIO.write} to a stream would first copy the bytes through a cache file in
     * the temporary folder: four more file operations for every file written.
     */
    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer for image type " + image.getType());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a PNG: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    private static int toByte(float v) {
        return Math.round(Math.max(0f, Math.min(1f, v)) * 255f);
    }
}
