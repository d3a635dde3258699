package dev.penumbra.data;

import dev.penumbra.InputException;
import dev.penumbra.io.ImageFiles;
import dev.penumbra.io.MaskLevels;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * Reads an annotation file as a binary {@link Mask}. The file is read as it looks (palette colours, colour masks,
 * transparency: see {@link MaskLevels}); its levels are then binarised. The rules, without a threshold:
 * <ul>
 *   <li>two distinct levels: the higher is foreground (so 0/1, 0/255 and 0/65535 masks all work);</li>
 *   <li>one level: 0 is a blank mask, any other single level is a mask that is foreground everywhere;</li>
 *   <li>more than two levels: an error, since guessing a threshold would silently change the labels.</li>
 * </ul>
 * With a threshold t in (0, 1), every mask is binarised the same way: a level is foreground when it exceeds
 * t times the mask's full-scale level. The full-scale level is read off the largest level in the file: 1 when no
 * level exceeds 1 (1-bit masks, and 8-bit masks stored as 0/1), 255 when none exceeds 255, else 65535.
 */
public final class MaskReader {

    private MaskReader() {
    }

    /**
     * Reads and binarises one mask file.
     *
     * @param file      the PNG file
     * @param shown     the file's name as messages should show it (e.g. relative to the data folder)
     * @param threshold the {@code --mask-threshold}, if given
     * @return H x W mask of 0 and 1
     */
    public static Mask read(Path file, String shown, OptionalDouble threshold) {
        int[] shape = new int[2];
        int[] levels = ImageFiles.readLevels(file, "mask " + shown, shape,
                threshold.isPresent() ? MaskLevels.Colour.BRIGHTEST : MaskLevels.Colour.STRICT);
        return binarise(levels, shape[0], shape[1], threshold, shown);
    }

    /**
     * Reads a mask of class indices for C > 2 classes.
     *
     * @return H x W mask of class indices 0 .. classes - 1
     */
    public static Mask readClasses(Path file, String shown, int classes) {
        int[] shape = new int[2];
        int[] levels = ImageFiles.readClassIndices(file, "mask " + shown, shape);
        byte[] out = new byte[levels.length];
        for (int i = 0; i < levels.length; i++) {
            if (levels[i] >= classes) {
                throw new InputException("mask " + shown + " has the value " + levels[i] + " at pixel (" + i / shape[1]
                        + ", " + i % shape[1] + "), but --classes " + classes + " expects class indices 0 to "
                        + (classes - 1));
            }
            out[i] = (byte) levels[i];
        }
        return new Mask(shape[0], shape[1], out);
    }

    /**
     * Binarises raw levels by the rules of this class.
     *
     * @param levels H * W raw levels, row-major
     * @param shown  the file name for messages
     * @return H x W mask of 0 and 1
     */
    public static Mask binarise(int[] levels, int height, int width, OptionalDouble threshold, String shown) {
        byte[] out = new byte[levels.length];
        if (threshold.isPresent()) {
            int max = Arrays.stream(levels).max().orElse(0);
            double cut = threshold.getAsDouble() * fullScale(max);
            for (int i = 0; i < levels.length; i++) {
                out[i] = levels[i] > cut ? (byte) 1 : 0;
            }
            return new Mask(height, width, out);
        }
        return new Mask(height, width, MaskLevels.binary(levels, seen -> new InputException("mask " + shown
                + " has " + seen.size() + " distinct levels (" + MaskLevels.firstFive(seen) + "): expected a binary"
                + " mask with at most two levels, or give --mask-threshold (e.g. 0.5) to binarise it")));
    }

    /** 1, 255 or 65535: the level that stands for "fully foreground" in a mask whose largest level is {@code max}. */
    static int fullScale(int max) {
        if (max <= 1) {
            return 1;
        }
        return max <= 255 ? 255 : 65535;
    }
}
