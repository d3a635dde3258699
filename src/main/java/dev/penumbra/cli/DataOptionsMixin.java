package dev.penumbra.cli;

import dev.penumbra.data.DataOptions;
import dev.penumbra.data.ResizePolicy;
import picocli.CommandLine.Option;

import java.util.Optional;
import java.util.OptionalDouble;

/** How a dataset folder is read: layout, size and resize policy, mask threshold and the split of unsplit data. */
public final class DataOptionsMixin {

    @Option(names = "--layout", paramLabel = "NAME", completionCandidates = LayoutNames.class, description = "Dataset layout: ${COMPLETION-CANDIDATES} (default: detected).")
    String layout;

    @Option(names = "--size", paramLabel = "PX", description = "Resize images (bilinear) and masks (nearest) to PX x PX (default: the preset's; 0 = keep).")
    Integer size;

    @Option(names = "--resize", paramLabel = "squash|pad|crop", defaultValue = "squash", description = "How --size makes a non-square image square: squash (scale each axis; default), pad (to a square with black, masks background) or crop (the centred square).")
    String resize;

    @Option(names = "--mask-threshold", paramLabel = "T", description = "Masks with more than two values: foreground where level > T * max level, T in (0, 1).")
    Double maskThreshold;

    @Option(names = "--split-seed", paramLabel = "SEED", defaultValue = "" + DataOptions.DEFAULT_SPLIT_SEED, description = "Seed of the group-wise split of data without split folders (default: ${DEFAULT-VALUE}).")
    long splitSeed;

    @Option(names = "--val-fraction", paramLabel = "F", defaultValue = "" + DataOptions.DEFAULT_FRACTION, description = "Share of groups for validation when splitting (default: ${DEFAULT-VALUE}).")
    double valFraction;

    @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "" + DataOptions.DEFAULT_FRACTION, description = "Share of groups for test when splitting (default: ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(names = "--classes", paramLabel = "C", defaultValue = "2", description = "Segmentation classes: 2 = binary masks (default); more = masks of class indices 0..C-1.")
    int classes;

    @Option(names = "--group-regex", paramLabel = "REGEX", description = "Group (patient) of an image id: the first capturing group of REGEX (LIDC default: ^(LIDC-IDRI-\\d+)).")
    String groupRegex;

    /** The options with {@code defaultSize} used when {@code --size} is not given. */
    public DataOptions build(int defaultSize) {
        return new DataOptions(Optional.ofNullable(layout), size == null ? defaultSize : size,
                maskThreshold == null ? OptionalDouble.empty() : OptionalDouble.of(maskThreshold), splitSeed,
                valFraction, testFraction, Optional.ofNullable(groupRegex), classes, ResizePolicy.parse(resize));
    }

    /** Registered layout names, for help and completion. */
    static final class LayoutNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return dev.penumbra.data.layout.DatasetLayouts.names().iterator();
        }
    }
}
