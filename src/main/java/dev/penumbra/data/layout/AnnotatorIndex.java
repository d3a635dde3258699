package dev.penumbra.data.layout;

import dev.penumbra.InputException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The annotation files of one part that are named {@code <image stem>_l<k>.png}, k = 0..L-1, one per annotator (the
 * LIDC crops of the seed paper and of Kohl et al.), and the rules that pair them with images: a file belongs to the
 * image whose stem is exactly the part before {@code _l<k>.png} (never a prefix match, or {@code 12.png} would claim
 * {@code 123_l0.png}); every image has the annotators {@code l0..l(L-1)} without gaps; and every image of the part
 * has the same L, so that a lost file is reported instead of shifting the annotators.
 */
final class AnnotatorIndex {

    private static final Pattern NAME = Pattern.compile("^(.*)_l(\\d+)\\.png$");

    /** A parsed annotation file name: the image stem and the annotator index k. */
    record Name(String stem, int annotator) {
    }

    private final Part part;
    private final Map<String, TreeMap<Integer, Path>> byImage = new HashMap<>();

    AnnotatorIndex(Part part) {
        this.part = part;
    }

    /** @throws InputException for a folder or a file not named {@code <image stem>_l<k>.png} */
    Name parse(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches() || !Files.isRegularFile(file)) {
            throw new InputException("unexpected file " + part.show(file)
                    + ": annotations are named <image name>_l<k>.png, k = 0, 1, ...");
        }
        try {
            return new Name(m.group(1), Integer.parseInt(m.group(2)));
        } catch (NumberFormatException e) {
            throw new InputException("annotation " + part.show(file) + " has annotator index " + m.group(2)
                    + ": expected a small number k in <image name>_l<k>.png", e);
        }
    }

    /** Records {@code file} as annotator {@code k} of the image with key {@code image}. */
    void put(String image, int k, Path file) {
        Path before = byImage.computeIfAbsent(image, x -> new TreeMap<>()).put(k, file);
        if (before != null) {
            throw new InputException("annotations " + part.show(before) + " and " + part.show(file)
                    + " are both annotator l" + k + " of image " + image);
        }
    }

    /**
     * The annotation files of every image, in annotator order.
     *
     * @param images     image files by key, in the order wanted
     * @param firstFile  where annotator l0 of an image key is expected, for the message when it has none
     * @return L files per image key, in the order of {@code images}
     * @throws InputException for an image without annotations, with a gap in its annotators, or with another
     *     number of annotators than most images of the part
     */
    Map<String, List<Path>> pair(Map<String, Path> images, Function<String, Path> firstFile) {
        Map<Integer, Integer> imagesPerCount = new HashMap<>();
        for (Map.Entry<String, Path> image : images.entrySet()) {
            TreeMap<Integer, Path> found = byImage.get(image.getKey());
            checkIndices(image.getValue(), found, firstFile.apply(image.getKey()));
            imagesPerCount.merge(found.size(), 1, Integer::sum);
        }
        int usual = usualCount(imagesPerCount);
        Map<String, List<Path>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Path> image : images.entrySet()) {
            TreeMap<Integer, Path> found = byImage.get(image.getKey());
            if (found.size() != usual) {
                throw new InputException("image " + part.show(image.getValue()) + " has " + found.size()
                        + " annotations (" + range(found.size()) + ") but most images of " + part.describe()
                        + " have " + usual + " (" + range(usual) + ")");
            }
            out.put(image.getKey(), List.copyOf(found.values()));
        }
        return out;
    }

    /** The annotator names {@code l0..l(L-1)}. */
    static List<String> names(int count) {
        return IntStream.range(0, count).mapToObj(k -> "l" + k).toList();
    }

    /** The indices must be exactly 0..L-1: a gap means a lost file, and annotators would shift silently. */
    private void checkIndices(Path image, TreeMap<Integer, Path> found, Path first) {
        if (found == null || found.isEmpty()) {
            String stem = LayoutFiles.id(image.getFileName().toString());
            throw new InputException("image " + part.show(image) + " has no annotation: expected "
                    + part.show(first) + ", " + stem + "_l1.png, ...");
        }
        int last = found.lastKey();
        if (last != found.size() - 1) {
            String missing = IntStream.rangeClosed(0, last).filter(k -> !found.containsKey(k))
                    .mapToObj(k -> "l" + k).collect(Collectors.joining(", "));
            throw new InputException("image " + part.show(image) + " has annotations "
                    + found.keySet().stream().map(k -> "l" + k).collect(Collectors.joining(", "))
                    + ": expected " + range(last + 1) + " without gaps (missing " + missing + ")");
        }
    }

    /** The most common annotation count; on a tie the larger, so that a lost file is what gets reported. */
    private static int usualCount(Map<Integer, Integer> imagesPerCount) {
        return imagesPerCount.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow().getKey();
    }

    private static String range(int count) {
        return count == 1 ? "l0" : "l0..l" + (count - 1);
    }
}
