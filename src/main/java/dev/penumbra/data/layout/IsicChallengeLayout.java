package dev.penumbra.data.layout;

import dev.penumbra.InputException;
import dev.penumbra.data.DataOptions;
import dev.penumbra.data.DatasetFiles;
import dev.penumbra.data.GroupSplitter;
import dev.penumbra.data.Split;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * ISIC 2018 Task 1 as the challenge's archives unpack, side by side in ROOT:
 * <pre>
 *   ROOT/ISIC2018_Task1-2_Training_Input/ISIC_0000000.jpg
 *   ROOT/ISIC2018_Task1_Training_GroundTruth/ISIC_0000000_segmentation.png
 *   ROOT/ISIC2018_Task1-2_Validation_Input/   ROOT/ISIC2018_Task1_Validation_GroundTruth/   (optional)
 *   ROOT/ISIC2018_Task1-2_Test_Input/         ROOT/ISIC2018_Task1_Test_GroundTruth/         (optional)
 * </pre>
 * The files the archives ship beside the images ({@code LICENSE.txt}, {@code ATTRIBUTION.txt}) are passed over; any
 * other file is an error. The official validation and test sets are used when their input and ground truth are both
 * there; a split that is missing is carved from the training images by the seeded group-wise split
 * ({@link GroupSplitter}: {@code --split-seed}, {@code --val-fraction}, {@code --test-fraction}), and what that split
 * would give the other, official split stays in training. Each image is its own group unless
 * {@code --group-regex} says otherwise; one annotation per image, annotator {@code segmentation}.
 */
final class IsicChallengeLayout implements DatasetLayout {

    private static final Map<Split, String> INPUT = Map.of(Split.TRAIN, "ISIC2018_Task1-2_Training_Input",
            Split.VAL, "ISIC2018_Task1-2_Validation_Input", Split.TEST, "ISIC2018_Task1-2_Test_Input");
    private static final Map<Split, String> TRUTH = Map.of(Split.TRAIN, "ISIC2018_Task1_Training_GroundTruth",
            Split.VAL, "ISIC2018_Task1_Validation_GroundTruth", Split.TEST, "ISIC2018_Task1_Test_GroundTruth");
    /** What the challenge's archives hold besides images and masks. */
    private static final Set<String> NOTICES = Set.of("LICENSE.txt", "ATTRIBUTION.txt");
    private static final String SUFFIX = "_segmentation.png";

    @Override
    public String name() {
        return "isic-challenge";
    }

    @Override
    public boolean recognises(Path root) {
        return Arrays.stream(Split.values()).anyMatch(s -> Files.isDirectory(root.resolve(INPUT.get(s)))
                || Files.isDirectory(root.resolve(TRUTH.get(s))));
    }

    @Override
    public String expected(Path root) {
        return root.resolve(INPUT.get(Split.TRAIN)) + "/ISIC_<n>.jpg and " + root.resolve(TRUTH.get(Split.TRAIN))
                + "/ISIC_<n>" + SUFFIX + " (and the Validation and Test pairs, when there)";
    }

    @Override
    public Map<Split, List<SampleFiles>> scan(Path root, DataOptions opts) {
        GroupNamer groups = new GroupNamer(opts.groupPattern(), Optional.empty());
        Map<Split, List<SampleFiles>> official = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            Path input = root.resolve(INPUT.get(s));
            Path truth = root.resolve(TRUTH.get(s));
            boolean hasInput = Files.isDirectory(input);
            if (hasInput != Files.isDirectory(truth)) {
                Path there = hasInput ? input : truth;
                Path missing = hasInput ? truth : input;
                throw new InputException("data folder " + root + " has " + there.getFileName() + " but not "
                        + missing + ": the images and their ground truth go together (unpack both archives, or"
                        + " neither)");
            }
            if (hasInput) {
                official.put(s, pairs(root, input, truth, groups));
            } else if (s == Split.TRAIN) {
                throw new InputException("data folder " + root + " has no training data: expected "
                        + expected(root));
            }
        }
        return official.size() == Split.values().length ? official : carve(root, official, opts);
    }

    /** Fills the missing splits from the training images by the seeded group-wise split. */
    private static Map<Split, List<SampleFiles>> carve(Path root, Map<Split, List<SampleFiles>> official,
                                                       DataOptions opts) {
        Map<Split, List<SampleFiles>> carved = GroupSplitter.split(official.get(Split.TRAIN), SampleFiles::group,
                opts.valFraction(), opts.testFraction(), opts.splitSeed(),
                "the training images in " + root.resolve(INPUT.get(Split.TRAIN)));
        Map<Split, List<SampleFiles>> out = new EnumMap<>(Split.class);
        List<SampleFiles> train = new ArrayList<>(carved.get(Split.TRAIN));
        for (Split s : List.of(Split.VAL, Split.TEST)) {
            if (official.containsKey(s)) {
                out.put(s, official.get(s));
                train.addAll(carved.get(s));
            } else {
                out.put(s, carved.get(s));
            }
        }
        train.sort(Comparator.comparing(SampleFiles::id));
        out.put(Split.TRAIN, train);
        return out;
    }

    /** The images of one input folder with their ground truth, sorted by id. */
    private static List<SampleFiles> pairs(Path root, Path input, Path truth, GroupNamer groups) {
        Map<String, Path> images = images(root, input);
        Map<String, Path> masks = new TreeMap<>();
        for (Path file : LayoutFiles.entries(truth)) {
            String name = file.getFileName().toString();
            if (NOTICES.contains(name) && Files.isRegularFile(file)) {
                continue;
            }
            if (!name.endsWith(SUFFIX) || name.length() == SUFFIX.length() || !Files.isRegularFile(file)) {
                throw new InputException("unexpected file " + show(root, file) + ": ground truth files are named"
                        + " <image id>" + SUFFIX + " (beside them only " + String.join(" and ", NOTICES.stream()
                        .sorted().toList()) + ")");
            }
            String id = name.substring(0, name.length() - SUFFIX.length());
            if (!images.containsKey(id)) {
                throw new InputException("ground truth " + show(root, file) + " has no image: expected "
                        + show(root, input.resolve(id + ".jpg")));
            }
            masks.put(id, file);
        }
        List<SampleFiles> out = new ArrayList<>();
        for (Map.Entry<String, Path> image : images.entrySet()) {
            String id = image.getKey();
            Path mask = masks.get(id);
            if (mask == null) {
                throw new InputException("image " + show(root, image.getValue()) + " has no ground truth: expected "
                        + show(root, truth.resolve(id + SUFFIX)));
            }
            out.add(new SampleFiles(id, groups.groupOf(id, show(root, image.getValue())), image.getValue(),
                    List.of(mask), List.of("segmentation")));
        }
        return out;
    }

    /** The images of an input folder by id, without the challenge's notices. */
    private static Map<String, Path> images(Path root, Path input) {
        Map<String, Path> byId = new TreeMap<>();
        for (Path file : LayoutFiles.entries(input)) {
            String name = file.getFileName().toString();
            if (NOTICES.contains(name) && Files.isRegularFile(file)) {
                continue;
            }
            if (!Files.isRegularFile(file) || !LayoutFiles.IMAGE_EXTENSIONS.contains(LayoutFiles.extension(name))) {
                throw new InputException("unexpected " + (Files.isDirectory(file) ? "folder " : "file ")
                        + show(root, file) + ": " + input.getFileName() + " holds the challenge's images (.jpg,"
                        + " or another image type) and only " + String.join(" and ", NOTICES.stream().sorted()
                        .toList()) + " besides (move other files out, or start their name with '.' to hide them)");
            }
            Path before = byId.put(LayoutFiles.id(name), file);
            if (before != null) {
                throw new InputException("two images with id " + LayoutFiles.id(name) + ": " + show(root, before)
                        + " and " + show(root, file) + "; keep one");
            }
        }
        if (byId.isEmpty()) {
            throw new InputException(show(root, input) + " has no images: expected "
                    + show(root, input.resolve("ISIC_<n>.jpg")));
        }
        return byId;
    }

    private static String show(Path root, Path file) {
        return DatasetFiles.relative(root, file);
    }
}
