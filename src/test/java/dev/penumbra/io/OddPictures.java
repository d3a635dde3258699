package dev.penumbra.io;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Writes the kinds of picture files users really hold and that a naive reader gets wrong. */
public final class OddPictures {

    private OddPictures() {
    }

    /**
     * A palette PNG whose index {@code i} shows {@code palette[i]} (0xRRGGBB).
     *
     * @param indices H x W palette indices
     */
    public static Path palette(Path file, int[] palette, int[][] indices) {
        byte[] r = new byte[palette.length];
        byte[] g = new byte[palette.length];
        byte[] b = new byte[palette.length];
        for (int i = 0; i < palette.length; i++) {
            r[i] = (byte) (palette[i] >> 16);
            g[i] = (byte) (palette[i] >> 8);
            b[i] = (byte) palette[i];
        }
        IndexColorModel cm = new IndexColorModel(8, palette.length, r, g, b);
        BufferedImage img = new BufferedImage(indices[0].length, indices.length, BufferedImage.TYPE_BYTE_INDEXED, cm);
        for (int y = 0; y < indices.length; y++) {
            for (int x = 0; x < indices[0].length; x++) {
                img.getRaster().setSample(x, y, 0, indices[y][x]);
            }
        }
        return write(file, img, "png");
    }

    /** An 8-bit RGB PNG with the given 0xRRGGBB pixels. */
    public static Path rgb(Path file, int[][] rgb) {
        BufferedImage img = new BufferedImage(rgb[0].length, rgb.length, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < rgb.length; y++) {
            for (int x = 0; x < rgb[0].length; x++) {
                img.setRGB(x, y, rgb[y][x]);
            }
        }
        return write(file, img, "png");
    }

    /** An 8-bit RGBA PNG with the given 0xAARRGGBB pixels. */
    public static Path rgba(Path file, int[][] argb) {
        BufferedImage img = new BufferedImage(argb[0].length, argb.length, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < argb.length; y++) {
            for (int x = 0; x < argb[0].length; x++) {
                img.setRGB(x, y, argb[y][x]);
            }
        }
        return write(file, img, "png");
    }

    /** A four-channel (CMYK) JPEG of H x W pixels, every pixel (c, m, y, k). */
    public static Path cmykJpeg(Path file, int h, int w, int c, int m, int y, int k) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                raster.setPixel(col, row, new int[] {c, m, y, k});
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(file))) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return file;
    }

    /** A one-channel 32-bit float TIFF. */
    public static Path floatTiff(Path file, float[][] values) {
        int h = values.length;
        int w = values[0].length;
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_FLOAT);
        WritableRaster raster = Raster.createWritableRaster(
                new ComponentSampleModel(DataBuffer.TYPE_FLOAT, w, h, 1, w, new int[] {0}), null);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                raster.setSample(x, y, 0, values[y][x]);
            }
        }
        return write(file, new BufferedImage(cm, raster, false, null), "tiff");
    }

    /** A one-channel signed 16-bit TIFF (as CT slices in Hounsfield units are stored). */
    public static Path signedShortTiff(Path file, int h, int w, short value) {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_SHORT);
        WritableRaster raster = Raster.createWritableRaster(
                new ComponentSampleModel(DataBuffer.TYPE_SHORT, w, h, 1, w, new int[] {0}), null);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                raster.setSample(x, y, 0, value);
            }
        }
        return write(file, new BufferedImage(cm, raster, false, null), "tiff");
    }

    /**
     * A PNG that declares {@code width x height} grey pixels in its header but holds no pixel data: a few hundred
     * bytes that a reader which decodes before it checks the size would try to allocate gigabytes for.
     */
    public static Path hugePng(Path file, int width, int height) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            try (DataOutputStream h = new DataOutputStream(header)) {
                h.writeInt(width);
                h.writeInt(height);
                h.write(new byte[] {8, 0, 0, 0, 0});
            }
            chunk(out, "IHDR", header.toByteArray());
            chunk(out, "IEND", new byte[0]);
            Files.write(file, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }

    private static Path write(Path file, BufferedImage img, String format) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!ImageIO.write(img, format, file.toFile())) {
                throw new IllegalStateException("no " + format + " writer for " + img);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
