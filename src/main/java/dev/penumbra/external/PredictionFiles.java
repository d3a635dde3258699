package dev.penumbra.external;

import dev.penumbra.InputException;
import dev.penumbra.io.ImageFiles;
import dev.penumbra.io.MaskLevels;
import dev.penumbra.io.NpyReader;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.imageio.ImageIO;

/**
 * Reads and checks one prediction file: a sample mask ({@code sample_<i>.png}) or a mean probability map
 * ({@code probability_c<k>.npy} or 16-bit {@code .png}), in the encodings {@code penumbra predict} writes.
 */
final class PredictionFiles {

    /** Probabilities may stray this far outside [0, 1] (float rounding of a softmax) and are then clamped. */
    static final double RANGE_TOLERANCE = 1e-6;

    private PredictionFiles() {
    }

    /**
     * The height and width a file declares, from its header.
     *
     * @return {H, W}
     */
    static int[] dimensions(Path file) {
        return file.getFileName().toString().endsWith(".npy") ? NpyReader.header(file).shape()
                : ImageFiles.dimensions(file);
    }

    /**
     * Reads a sample mask as class indices. Accepted: the classes drawn as {@code k * 255 / (C - 1)} (what predict
     * writes: 0 and 255 for two classes), or the class indices themselves (0 and 1 for two classes).
     *
     * @return H * W class indices in 0 .. C - 1, row-major
     */
    static int[] sample(Path file, int classes, int height, int width) {
        int[] shape = new int[2];
        int[] levels = ImageFiles.readLevels(file, "sample " + file, shape, MaskLevels.Colour.STRICT);
        checkSize(file, shape, height, width);
        int[] byLevel = new int[256];
        java.util.Arrays.fill(byLevel, -1);
        for (int k = 0; k < classes; k++) {
            byLevel[k * 255 / (classes - 1)] = k;
        }
        int[] out = new int[levels.length];
        boolean drawn = true;
        for (int i = 0; i < levels.length && drawn; i++) {
            drawn = levels[i] < 256 && byLevel[levels[i]] >= 0;
            out[i] = drawn ? byLevel[levels[i]] : 0;
        }
        if (drawn) {
            return out;
        }
        for (int i = 0; i < levels.length; i++) {
            if (levels[i] >= classes) {
                SortedSet<Integer> seen = new TreeSet<>();
                for (int l : levels) {
                    seen.add(l);
                }
                throw new InputException("sample " + file + " has the values " + MaskLevels.firstFive(seen)
                        + ": expected " + (classes == 2 ? "a binary mask of 0 and 255 (or 0 and 1)"
                        : "classes drawn as k * 255 / " + (classes - 1) + " (as penumbra predict writes them) or"
                        + " class indices 0 .. " + (classes - 1)));
            }
            out[i] = levels[i];
        }
        return out;
    }

    /**
     * Reads a mean probability map: a 2-D float32/float64 {@code .npy} in [0, 1], or a 16-bit grey PNG
     * (value = p x 65535).
     *
     * @return H * W probabilities in [0, 1], row-major
     */
    static double[] probability(Path file, int height, int width) {
        int[] shape = new int[2];
        double[] p = file.getFileName().toString().endsWith(".npy") ? NpyReader.read(file, shape)
                : png16(file, shape);
        checkSize(file, shape, height, width);
        for (int i = 0; i < p.length; i++) {
            double v = p[i];
            if (!(v >= -RANGE_TOLERANCE && v <= 1 + RANGE_TOLERANCE)) {
                throw new InputException(String.format(Locale.ROOT, "probability map %s has the value %s at"
                        + " pixel (row %d, column %d): expected probabilities in [0, 1]", file, v, i / width,
                        i % width));
            }
            p[i] = Math.max(0, Math.min(1, v));
        }
        return p;
    }

    private static double[] png16(Path file, int[] shape) {
        BufferedImage picture;
        try {
            picture = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new InputException("cannot read probability map " + file + ": " + e.getMessage(), e);
        }
        if (picture == null) {
            throw new InputException("cannot read probability map " + file + ": not a PNG file");
        }
        Raster r = picture.getRaster();
        int bits = r.getSampleModel().getSampleSize(0);
        if (r.getNumBands() != 1 || bits != 16) {
            throw new InputException("probability map " + file + " is a " + bits + "-bit PNG with "
                    + r.getNumBands() + " channel(s): expected one 16-bit grey channel (value = p x 65535, as"
                    + " penumbra predict writes), or a float .npy");
        }
        shape[0] = r.getHeight();
        shape[1] = r.getWidth();
        double[] p = new double[shape[0] * shape[1]];
        for (int y = 0; y < shape[0]; y++) {
            for (int x = 0; x < shape[1]; x++) {
                p[y * shape[1] + x] = r.getSample(x, y, 0) / 65535.0;
            }
        }
        return p;
    }

    /** Refuses a file whose size is not the image's, as the evaluation reads it (after --size). */
    static void checkSize(Path file, int[] shape, int height, int width) {
        if (shape[0] != height || shape[1] != width) {
            throw new InputException(file + " is " + shape[0] + "x" + shape[1] + " (height x width) but the image"
                    + " it predicts is " + height + "x" + width + " as evaluated (the data's --size): predict at"
                    + " the size the data is read at, or give the matching --size");
        }
    }
}
