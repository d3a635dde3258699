package dev.penumbra.external;

import dev.penumbra.InputException;
import dev.penumbra.data.Sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The checks of a predictions folder against the evaluated images, before any pixel is read: a folder per image
 * and none for other images (unless ignored), sample masks in every folder and the same number everywhere,
 * probability maps for every class 1 .. C-1 of every image or of none, and every file of the image's size (from
 * its header). Each failure is an {@link InputException} naming the folder or file, what was found and what was
 * expected.
 */
final class PredictionLayout {

    static final Pattern SAMPLE = Pattern.compile("sample_(\\d+)\\.png");
    static final Pattern PROBABILITY = Pattern.compile("probability_c(\\d+)\\.(npy|png)");
    private static final int LISTED = 5;

    /**
     * The files of one image.
     *
     * @param samples       sample masks, by their number
     * @param probabilities map file by class 1 .. C-1; empty when the folder gives none
     */
    record ImageEntry(List<Path> samples, Map<Integer, Path> probabilities) {
    }

    private PredictionLayout() {
    }

    /** @return the files of every image, in the order of {@code images} */
    static Map<String, ImageEntry> check(NamedPredictions spec, List<Sample> images, int classes) {
        Path dir = spec.folder();
        if (!Files.exists(dir)) {
            throw new InputException(spec.shown() + ": the folder " + dir + " does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new InputException(spec.shown() + ": " + dir + " is not a folder: expected " + dir
                    + "/<image id>/sample_00.png, ... (the layout penumbra predict writes)");
        }
        Set<String> found = imageFolders(dir);
        List<String> ids = images.stream().map(Sample::id).toList();
        List<String> missing = ids.stream().filter(id -> !found.contains(id)).toList();
        if (!missing.isEmpty()) {
            throw new InputException(spec.shown() + ": " + missing.size() + " of the " + ids.size()
                    + " evaluated images have no prediction folder in " + dir + ": " + list(missing) + " (expected "
                    + dir.resolve(missing.get(0)) + "/sample_00.png, ...)");
        }
        Set<String> known = Set.copyOf(ids);
        List<String> extra = found.stream().filter(id -> !known.contains(id)).toList();
        if (!extra.isEmpty() && !spec.ignoreExtra()) {
            throw new InputException(spec.shown() + ": " + extra.size() + " folder(s) in " + dir + " are not images"
                    + " of the evaluated split: " + list(extra) + "; predictions of another split or dataset? Give"
                    + " the matching --split or --data, or --ignore-extra-predictions to evaluate only the split's"
                    + " images");
        }
        Map<String, ImageEntry> files = new LinkedHashMap<>();
        for (String id : ids) {
            files.put(id, imageFiles(spec, dir.resolve(id), classes));
        }
        checkSameCounts(spec, dir, files);
        checkMapsEverywhereOrNowhere(spec, dir, files);
        for (Sample s : images) {
            ImageEntry f = files.get(s.id());
            Stream.concat(f.samples().stream(), f.probabilities().values().stream()).forEach(file ->
                    PredictionFiles.checkSize(file, PredictionFiles.dimensions(file), s.image().height(),
                            s.image().width()));
        }
        return files;
    }

    private static Set<String> imageFolders(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static ImageEntry imageFiles(NamedPredictions spec, Path dir, int classes) {
        TreeMap<Integer, Path> samples = new TreeMap<>();
        Map<Integer, Path> maps = new TreeMap<>();
        try (Stream<Path> children = Files.list(dir)) {
            for (Path file : children.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                Matcher m = SAMPLE.matcher(name);
                if (m.matches()) {
                    Path before = samples.put(Integer.parseInt(m.group(1)), file);
                    if (before != null) {
                        throw new InputException(spec.shown() + ": " + before + " and " + file + " are the same"
                                + " sample number: keep one");
                    }
                    continue;
                }
                Matcher p = PROBABILITY.matcher(name);
                if (p.matches()) {
                    int c = Integer.parseInt(p.group(1));
                    if (c >= classes) {
                        throw new InputException(spec.shown() + ": " + file + " is the map of class " + c + " but"
                                + " the data has " + classes + " classes (0 .. " + (classes - 1) + ")");
                    }
                    if (c > 0 && (p.group(2).equals("npy") || !maps.containsKey(c))) {
                        maps.put(c, file); // the .npy (full precision) where both are given; c0 is implied
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        if (samples.isEmpty()) {
            throw new InputException(spec.shown() + ": " + dir + " has no sample masks: expected sample_00.png,"
                    + " sample_01.png, ... (binary PNGs, 0 and 255)");
        }
        if (!maps.isEmpty() && maps.size() != classes - 1) {
            throw new InputException(spec.shown() + ": " + dir + " has probability maps of classes " + maps.keySet()
                    + " only: expected one for every class 1 .. " + (classes - 1) + " (probability_c<k>.npy or"
                    + " .png), or none");
        }
        return new ImageEntry(List.copyOf(samples.values()), maps);
    }

    private static void checkSameCounts(NamedPredictions spec, Path dir, Map<String, ImageEntry> files) {
        Map<Integer, List<String>> byCount = new TreeMap<>(Comparator.reverseOrder());
        files.forEach((id, f) -> byCount.computeIfAbsent(f.samples().size(), k -> new ArrayList<>()).add(id));
        if (byCount.size() > 1) {
            String counts = byCount.entrySet().stream().map(e -> e.getKey() + " sample(s) in " + e.getValue().size()
                    + " image(s) (" + list(e.getValue()) + ")").collect(Collectors.joining("; "));
            throw new InputException(spec.shown() + ": the images of " + dir + " have different numbers of"
                    + " samples: " + counts + ". Expected the same number for every image");
        }
    }

    private static void checkMapsEverywhereOrNowhere(NamedPredictions spec, Path dir,
                                                     Map<String, ImageEntry> files) {
        List<String> with = new ArrayList<>();
        List<String> without = new ArrayList<>();
        files.forEach((id, f) -> (f.probabilities().isEmpty() ? without : with).add(id));
        if (!with.isEmpty() && !without.isEmpty()) {
            throw new InputException(spec.shown() + ": " + with.size() + " image(s) of " + dir + " have probability"
                    + " maps but " + without.size() + " have none (" + list(without) + "): give maps for every"
                    + " image or for none");
        }
    }

    private static String list(List<String> ids) {
        String shown = ids.stream().limit(LISTED).collect(Collectors.joining(", "));
        return ids.size() > LISTED ? shown + " and " + (ids.size() - LISTED) + " more" : shown;
    }
}
