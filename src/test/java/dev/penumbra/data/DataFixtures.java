package dev.penumbra.data;

import dev.penumbra.io.ImageFiles;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/** Tiny image and mask files for dataset tests, written with {@link ImageFiles}. */
public final class DataFixtures {

    private DataFixtures() {
    }

    /** A grey H x W image whose pixel (y, x) is {@code ((seed + y * W + x) % 256) / 255}: exact in an 8-bit PNG. */
    public static Image grey(int h, int w, int seed) {
        Image img = Image.zeros(1, h, w);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.set(0, y, x, ((seed + y * w + x) % 256) / 255f);
            }
        }
        return img;
    }

    /** An RGB H x W image with a different ramp in each channel. */
    public static Image rgb(int h, int w, int seed) {
        Image img = Image.zeros(3, h, w);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    img.set(c, y, x, ((seed + 40 * c + y * w + x) % 256) / 255f);
                }
            }
        }
        return img;
    }

    /** An H x W mask with foreground in rows [y0, y1) and columns [x0, x1). */
    public static Mask box(int h, int w, int y0, int y1, int x0, int x1) {
        Mask m = Mask.blank(h, w);
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                m.set(y, x, (byte) 1);
            }
        }
        return m;
    }

    public static Path writeGrey(Path file, int h, int w, int seed) {
        ImageFiles.writeImage(file, grey(h, w, seed));
        return file;
    }

    public static Path writeRgb(Path file, int h, int w, int seed) {
        ImageFiles.writeImage(file, rgb(h, w, seed));
        return file;
    }

    public static Path writeMask(Path file, Mask mask) {
        ImageFiles.writeMask(file, mask);
        return file;
    }

    /** A blank H x W mask file. */
    public static Path writeBlank(Path file, int h, int w) {
        return writeMask(file, Mask.blank(h, w));
    }

    /** An 8-bit grey PNG holding exactly these levels, row-major {@code levels[y][x]}. */
    public static Path writeLevels(Path file, int[][] levels) {
        BufferedImage img = new BufferedImage(levels[0].length, levels.length, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < levels.length; y++) {
            for (int x = 0; x < levels[y].length; x++) {
                img.getRaster().setSample(x, y, 0, levels[y][x]);
            }
        }
        ImageFiles.writePng(file, img);
        return file;
    }

    /** An H x W 8-bit mask file filled with one level. */
    public static Path writeConstant(Path file, int h, int w, int level) {
        int[][] levels = new int[h][w];
        for (int[] row : levels) {
            Arrays.fill(row, level);
        }
        return writeLevels(file, levels);
    }

    /** Cuts a file to the first half of its bytes, as an interrupted copy would. */
    public static Path truncate(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a file or a folder with everything in it. */
    public static void delete(Path path) {
        try (Stream<Path> s = Files.walk(path)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An ISIC-style image and its segmentation under {@code dir} (a split folder or the data root). */
    public static void isicSample(Path dir, String id, int h, int w, Mask mask) {
        writeGrey(dir.resolve("images").resolve(id + ".png"), h, w, id.hashCode() & 0xff);
        writeMask(dir.resolve("segmentations").resolve(id + "_segmentation.png"), mask);
    }

    /** An ISIC set with split folders: {@code ids[0]} train, {@code ids[1]} val, {@code ids[2]} test, 8 x 8. */
    public static Path isic(Path root, String[]... ids) {
        for (Split s : Split.values()) {
            for (String id : ids[s.ordinal()]) {
                isicSample(root.resolve(s.folder()), id, 8, 8, box(8, 8, 2, 5, 1, 4));
            }
        }
        return root;
    }

    /** A LIDC crop with L lesion files {@code <id>_l0.png ...} under {@code dir}; annotator k marks row k. */
    public static void lidcSample(Path dir, String id, int annotators) {
        writeGrey(dir.resolve("images").resolve(id + ".png"), 8, 8, id.hashCode() & 0xff);
        for (int k = 0; k < annotators; k++) {
            writeMask(dir.resolve("lesions").resolve(id + "_l" + k + ".png"), box(8, 8, k, k + 1, 0, 8));
        }
    }

    /** A generic-folder sample with one mask per annotator under {@code dir}; annotator k marks column k. */
    public static void folderSample(Path dir, String id, String... annotators) {
        writeGrey(dir.resolve("images").resolve(id + ".png"), 8, 8, id.hashCode() & 0xff);
        for (int k = 0; k < annotators.length; k++) {
            writeMask(dir.resolve("masks").resolve(annotators[k]).resolve(id + ".png"), box(8, 8, 0, 8, k, k + 1));
        }
    }
}
