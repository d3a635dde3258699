package dev.penumbra.io;

import dev.penumbra.InputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Binary masks made by any tool, in two parallel folders: {@code SAMPLES/<image id>/*.png} holds the model's samples
 * and {@code ANNOTATIONS/<image id>/*.png} the annotators' masks of the same image. Sub-folders whose names start
 * with '.' and plain files at the top level are ignored, as are files other than PNG inside an image folder.
 *
 * <p>A mask is binary: at most two distinct levels in its first channel (0/1, 0/255, 0/65535, ...); with two levels
 * the higher is foreground, a single level 0 is an empty mask and any other single level a full one (the rules of
 * {@code MaskReader}, without a threshold). Every problem is an {@link InputException} that names the file or folder,
 * what was found and what was expected.
 */
public final class MaskFolders {

    /**
     * The PNG files of one image on both sides, each list sorted by file name.
     *
     * @param id          the image folder's name
     * @param samples     its model samples
     * @param annotations its annotations
     */
    public record Entry(String id, List<Path> samples, List<Path> annotations) {
    }

    /**
     * The masks of one image, all of one size.
     *
     * @param height      H in pixels
     * @param width       W in pixels
     * @param samples     H x W masks of 0 and 1, row-major, in file-name order
     * @param annotations H x W masks of 0 and 1, row-major, in file-name order
     */
    public record Masks(int height, int width, List<byte[]> samples, List<byte[]> annotations) {
    }

    private static final int LISTED = 10;

    private MaskFolders() {
    }

    /**
     * Lists both folders and checks that they describe the same images, each with at least one PNG per side.
     * Reads no image.
     *
     * @return one entry per image id, sorted by id
     */
    public static List<Entry> pair(Path samples, Path annotations) {
        return pair(samples, annotations, "*.png");
    }

    /**
     * As {@link #pair(Path, Path)}, taking on the samples side only the files whose names match {@code samplesGlob}
     * (e.g. {@code sample_*.png} for the folders {@code penumbra predict} writes, which also hold probability and
     * entropy images).
     */
    public static List<Entry> pair(Path samples, Path annotations, String samplesGlob) {
        java.nio.file.PathMatcher matcher;
        try {
            matcher = java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + samplesGlob);
        } catch (IllegalArgumentException e) {
            throw new InputException("--samples-glob '" + samplesGlob + "' is not a valid pattern: " + e.getMessage());
        }
        TreeSet<String> sampleIds = imageIds(samples, "samples");
        TreeSet<String> annotationIds = imageIds(annotations, "annotations");
        TreeSet<String> onlySamples = new TreeSet<>(sampleIds);
        onlySamples.removeAll(annotationIds);
        TreeSet<String> onlyAnnotations = new TreeSet<>(annotationIds);
        onlyAnnotations.removeAll(sampleIds);
        if (!onlySamples.isEmpty() || !onlyAnnotations.isEmpty()) {
            List<String> parts = new ArrayList<>();
            if (!onlySamples.isEmpty()) {
                parts.add("image ids only in the samples folder " + samples + ": " + list(onlySamples));
            }
            if (!onlyAnnotations.isEmpty()) {
                parts.add("image ids only in the annotations folder " + annotations + ": " + list(onlyAnnotations));
            }
            throw new InputException(String.join("; ", parts) + ". Every image needs a folder of samples and a"
                    + " folder of annotations with the same name");
        }
        List<Entry> entries = new ArrayList<>(sampleIds.size());
        for (String id : sampleIds) {
            entries.add(new Entry(id, pngs(samples.resolve(id), "samples", matcher), pngs(annotations.resolve(id),
                    "annotations", p -> true)));
        }
        return entries;
    }

    /** Reads and checks all masks of one image: binary, and all of the size of its first sample. */
    public static Masks read(Entry entry) {
        int[] first = new int[2];
        Path firstFile = entry.samples().get(0);
        List<byte[]> samples = new ArrayList<>(entry.samples().size());
        List<byte[]> annotations = new ArrayList<>(entry.annotations().size());
        readInto(entry.samples(), samples, firstFile, first);
        readInto(entry.annotations(), annotations, firstFile, first);
        return new Masks(first[0], first[1], samples, annotations);
    }

    /**
     * Reads one binary mask.
     *
     * @param shape receives H and W
     * @return H x W values 0 and 1, row-major
     */
    public static byte[] readBinary(Path file, int[] shape) {
        int[] levels = ImageFiles.readLevels(file, shape);
        return MaskLevels.binary(levels, seen -> new InputException("mask " + file + " has " + seen.size()
                + " distinct values (" + MaskLevels.firstFive(seen) + "): expected a binary mask, 0 for background"
                + " and one other value for foreground"));
    }

    private static void readInto(List<Path> files, List<byte[]> out, Path firstFile, int[] first) {
        int[] shape = new int[2];
        for (Path file : files) {
            byte[] mask = readBinary(file, shape);
            if (file.equals(firstFile)) {
                first[0] = shape[0];
                first[1] = shape[1];
            } else if (shape[0] != first[0] || shape[1] != first[1]) {
                throw new InputException("mask " + file + " is " + shape[0] + "x" + shape[1] + " but " + firstFile
                        + " is " + first[0] + "x" + first[1] + " (height x width): all samples and annotations of one image"
                        + " must have the same size");
            }
            out.add(mask);
        }
    }

    private static TreeSet<String> imageIds(Path dir, String side) {
        if (!Files.exists(dir)) {
            throw new InputException("the " + side + " folder " + dir + " does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new InputException("the " + side + " folder " + dir + " is not a folder: expected " + dir
                    + "/<image id>/*.png");
        }
        TreeSet<String> ids;
        try (Stream<Path> children = Files.list(dir)) {
            ids = children.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith(".")).collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        if (ids.isEmpty()) {
            throw new InputException("the " + side + " folder " + dir + " has no image folders: expected one"
                    + " sub-folder of PNG masks per image, " + dir + "/<image id>/*.png");
        }
        return ids;
    }

    private static List<Path> pngs(Path dir, String side, java.nio.file.PathMatcher names) {
        List<Path> files;
        try (Stream<Path> children = Files.list(dir)) {
            files = children.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png"))
                    .filter(p -> names.matches(p.getFileName()))
                    .sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new InputException("the " + side + " image folder " + dir + " has no PNG files"
                    + (side.equals("samples") ? " matching --samples-glob" : "") + ": expected at least one binary"
                    + " mask (*.png)");
        }
        return files;
    }

    private static String list(TreeSet<String> ids) {
        String shown = ids.stream().limit(LISTED).collect(Collectors.joining(", "));
        return ids.size() > LISTED ? shown + " and " + (ids.size() - LISTED) + " more" : shown;
    }
}
