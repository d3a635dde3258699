package dev.penumbra.data.layout;

import dev.penumbra.InputException;
import dev.penumbra.data.DataOptions;
import dev.penumbra.data.GroupSplitter;
import dev.penumbra.data.Split;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the three layouts share: a data folder with either the split folders {@code train/}, {@code val/},
 * {@code test/}, each holding {@code images/} and an annotation folder, or no split folders and those two folders
 * directly, in which case the images are split group-wise by {@link GroupSplitter}. A subclass only pairs the files
 * of one such folder.
 */
abstract class SplitFolderLayout implements DatasetLayout {

    private final String name;
    private final String annotationFolder;

    /**
     * @param name             the short name
     * @param annotationFolder the folder beside {@code images/} that holds annotations; its presence is what
     *                         recognises the layout
     */
    SplitFolderLayout(String name, String annotationFolder) {
        this.name = name;
        this.annotationFolder = annotationFolder;
    }

    /** Pairs the images of one part with their annotations, sorted by id; every image has L >= 1 annotations. */
    abstract List<SampleFiles> scanPart(Part part, GroupNamer groups);

    /** How files are named inside a part, for messages, e.g. "images/&lt;id&gt;.png and lesions/&lt;id&gt;_l&lt;k&gt;.png". */
    abstract String fileNaming();

    /** The folder that holds the split folders, or images/ and annotations; the root unless a layout nests it. */
    Path dataRoot(Path root) {
        return root;
    }

    /**
     * The folder of split {@code s} below {@code data}: {@code data/train} and so on, unless a layout's data ships
     * its splits in other folders.
     */
    Path splitFolder(Path data, Split s) {
        return data.resolve(s.folder());
    }

    /** The group pattern used when {@code --group-regex} is not given; empty = each image is its own group. */
    Optional<Pattern> defaultGroup() {
        return Optional.empty();
    }

    final String annotationFolder() {
        return annotationFolder;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public boolean recognises(Path root) {
        return hasAnnotationFolder(dataRoot(root));
    }

    /** Whether {@code dir} or one of its split folders holds this layout's annotation folder. */
    final boolean hasAnnotationFolder(Path dir) {
        return Files.isDirectory(dir.resolve(annotationFolder)) || Arrays.stream(Split.values())
                .anyMatch(s -> Files.isDirectory(splitFolder(dir, s).resolve(annotationFolder)));
    }

    @Override
    public String expected(Path root) {
        Path data = dataRoot(root);
        return data.resolve("{train,val,test}") + "/" + fileNaming() + ", or without split folders "
                + data + "/" + fileNaming();
    }

    @Override
    public final Map<Split, List<SampleFiles>> scan(Path root, DataOptions opts) {
        Path data = dataRoot(root);
        GroupNamer groups = new GroupNamer(opts.groupPattern(), defaultGroup());
        List<Split> present = Arrays.stream(Split.values())
                .filter(s -> Files.isDirectory(splitFolder(data, s))).toList();
        if (present.isEmpty()) {
            List<SampleFiles> all = scanPart(new Part(root, data, Optional.empty()), groups);
            return GroupSplitter.split(all, SampleFiles::group, opts.valFraction(), opts.testFraction(),
                    opts.splitSeed(), "data folder " + data);
        }
        checkSplitFolders(data, present);
        Map<Split, List<SampleFiles>> out = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            out.put(s, scanPart(new Part(root, splitFolder(data, s), Optional.of(s)), groups));
        }
        return out;
    }

    /** Split folders must be all there, and not mixed with unsplit images: either would hide data silently. */
    private void checkSplitFolders(Path data, List<Split> present) {
        if (present.size() < Split.values().length) {
            List<Split> missing = Arrays.stream(Split.values()).filter(s -> !present.contains(s)).toList();
            throw new InputException("data folder " + data + " has " + folders(present) + " but no "
                    + folders(missing) + ": expected "
                    + missing.stream().map(s -> splitFolder(data, s).toString()).collect(Collectors.joining(" and "))
                    + " (or no split folders at all, to split the images by --val-fraction and --test-fraction)");
        }
        if (Files.isDirectory(data.resolve("images"))) {
            throw new InputException("data folder " + data + " has both split folders (train/, val/, test/) and "
                    + data.resolve("images") + ": keep one arrangement");
        }
    }

    private static String folders(List<Split> splits) {
        return splits.stream().map(s -> s.folder() + "/").collect(Collectors.joining(", "));
    }
}
