package dev.penumbra.data;

import dev.penumbra.InputException;
import dev.penumbra.data.layout.SampleFiles;
import dev.penumbra.io.ImageFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the generator of a synthetic image knows about it: many further independent draws of its annotators and the
 * true annotator probability p(a|x). Penumbra's ambiguous generator writes them into the {@code truth} folder beside
 * a split's {@code images} folder, as {@code truth/<id>_o00.png ... _o31.png} (0/255) and {@code truth/<id>_pax.png}
 * (16-bit grey, p * 65535); any dataset with files of these names is read the same way.
 *
 * @param draws the oracle annotations, H x W binary masks in file order, resized like the dataset's masks
 * @param pax   H x W true probabilities in [0, 1], row-major, resized (bilinear) like the images
 */
public record Oracle(List<Mask> draws, float[] pax) {

    /** The folder beside {@code images} that holds the truth files. */
    public static final String FOLDER = "truth";
    private static final Pattern DRAW = Pattern.compile("^(.*)_o(\\d+)\\.png$");

    public Oracle {
        draws = List.copyOf(draws);
    }

    /**
     * The oracles of one split's images, by image id; empty when no image of the split has oracle draws, and for a
     * dataset that is one file.
     *
     * @throws InputException when some images have oracle files and others lack them, when the images have unequal
     *                        numbers of draws, or a file is unreadable or of another size than its image
     */
    public static Map<String, Oracle> read(Path root, DataOptions opts, Split split) {
        DatasetFiles scanned = DatasetReader.scan(root, opts);
        if (scanned.singleFile()) {
            return Map.of(); // one file (data_lidc.hdf5) has no truth folder beside its images
        }
        List<SampleFiles> files = scanned.split(split);
        Map<Path, Map<String, TreeMap<Integer, Path>>> folders = new HashMap<>();
        Map<String, TreeMap<Integer, Path>> drawsById = new LinkedHashMap<>();
        for (SampleFiles f : files) {
            drawsById.put(f.id(), folders.computeIfAbsent(truthFolder(f), Oracle::drawFiles)
                    .getOrDefault(f.id(), new TreeMap<>()));
        }
        if (drawsById.values().stream().allMatch(Map::isEmpty)) {
            return Map.of();
        }
        Map<String, Oracle> out = new LinkedHashMap<>();
        int expected = -1;
        for (SampleFiles f : files) {
            TreeMap<Integer, Path> draws = drawsById.get(f.id());
            Path truth = truthFolder(f);
            String shown = DatasetFiles.relative(root, truth.resolve(f.id() + "_o*.png"));
            if (draws.isEmpty()) {
                throw new InputException("oracle annotations " + shown + " are missing, but other images of the "
                        + split.folder() + " split have them; give every image its oracle draws, or none");
            }
            if (expected < 0) {
                expected = draws.size();
            } else if (draws.size() != expected) {
                throw new InputException("oracle annotations " + shown + ": found " + draws.size() + " files, but"
                        + " the other images of the " + split.folder() + " split have " + expected);
            }
            out.put(f.id(), load(root, f, draws, opts));
        }
        return out;
    }

    private static Oracle load(Path root, SampleFiles f, TreeMap<Integer, Path> files, DataOptions opts) {
        int[] shape = ImageFiles.dimensions(f.image());
        int size = opts.size();
        List<Mask> draws = new ArrayList<>();
        for (Path file : files.values()) {
            String shown = DatasetFiles.relative(root, file);
            Mask m = MaskReader.read(file, shown, OptionalDouble.empty());
            checkSize(shown, m.height(), m.width(), shape, DatasetFiles.relative(root, f.image()));
            draws.add(size > 0 ? Resize.nearest(m, size, size) : m);
        }
        Path paxFile = truthFolder(f).resolve(f.id() + "_pax.png");
        String shown = DatasetFiles.relative(root, paxFile);
        int[] paxShape = new int[2];
        int[] levels = ImageFiles.readLevels(paxFile, paxShape);
        checkSize(shown, paxShape[0], paxShape[1], shape, DatasetFiles.relative(root, f.image()));
        float[] p = new float[levels.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = levels[i] / 65535f;
        }
        Image pax = new Image(1, paxShape[0], paxShape[1], p);
        if (size > 0) {
            pax = Resize.bilinear(pax, size, size);
        }
        return new Oracle(draws, pax.pixels());
    }

    private static void checkSize(String shown, int h, int w, int[] image, String imageShown) {
        if (h != image[0] || w != image[1]) {
            throw new InputException("oracle file " + shown + " is " + h + "x" + w + " but image " + imageShown
                    + " is " + image[0] + "x" + image[1]);
        }
    }

    private static Path truthFolder(SampleFiles f) {
        return f.image().toAbsolutePath().getParent().resolveSibling(FOLDER);
    }

    /** The files {@code <id>_o<k>.png} of a truth folder, by id and k; empty when there is no such folder. */
    private static Map<String, TreeMap<Integer, Path>> drawFiles(Path truth) {
        Map<String, TreeMap<Integer, Path>> out = new HashMap<>();
        if (!Files.isDirectory(truth)) {
            return out;
        }
        try (Stream<Path> entries = Files.list(truth)) {
            for (Path p : entries.toList()) {
                Matcher m = DRAW.matcher(p.getFileName().toString());
                if (m.matches()) {
                    out.computeIfAbsent(m.group(1), id -> new TreeMap<>()).put(Integer.parseInt(m.group(2)), p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + truth + ": " + e.getMessage(), e);
        }
        return out;
    }
}
