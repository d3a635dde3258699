package dev.penumbra.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.penumbra.InputException;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How to read a dataset: which layout, at what size, how to binarise masks and how to split data that has no
 * split folders. Every value is checked when the record is made, so an invalid set of options cannot exist; the
 * messages name the options as the command line spells them.
 *
 * @param layout        the layout to use (a name of {@link dev.penumbra.data.layout.DatasetLayouts}); empty = detect it
 * @param size          side in pixels of the square every image and mask is resized to; 0 = keep the native size
 * @param maskThreshold when present, a mask level is foreground when it exceeds this fraction (in (0, 1)) of the
 *                      mask's full-scale level (see {@link MaskReader}), and masks may have any number of levels;
 *                      when empty, masks must have at most two levels
 * @param splitSeed     seed of the group-wise split made for data without split folders
 * @param valFraction   fraction of the groups (patients) put in the validation split, in (0, 1)
 * @param testFraction  fraction of the groups put in the test split, in (0, 1); with valFraction below 1 in sum
 * @param groupRegex    regular expression whose first capturing group, found in an image id, names the image's
 *                      group (patient); empty = the layout's default (LIDC: {@code ^(LIDC-IDRI-\d+)}), else the id
 * @param classes       segmentation classes C; 2 = binary masks (binarised as above); above 2, every mask holds class
 *                      indices 0 .. C - 1 (0 = background) and is read as it is
 * @param resize        how a non-square image becomes {@code size x size} ({@code --resize}, see {@link ResizePolicy});
 *                      {@link ResizePolicy#SQUASH} unless given; only {@code squash} is allowed with {@code size} 0
 */
public record DataOptions(Optional<String> layout, int size, OptionalDouble maskThreshold, long splitSeed,
                          double valFraction, double testFraction, Optional<String> groupRegex, int classes,
                          ResizePolicy resize) {

    /** Seed of the group-wise split when none is given. */
    public static final long DEFAULT_SPLIT_SEED = 42;
    /** Fraction of groups for validation and for test when none is given (the paper's 722 / 144 / 144 patients). */
    public static final double DEFAULT_FRACTION = 0.15;

    /** The largest {@code --size}: 4096 pixels a side (the paper trains at 128; a U-Net at 4096 needs tens of GB). */
    public static final int MAX_SIZE = 4096;

    public DataOptions {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(maskThreshold, "maskThreshold");
        Objects.requireNonNull(groupRegex, "groupRegex");
        Objects.requireNonNull(resize, "resize");
        if (size < 0 || size > MAX_SIZE) {
            throw new InputException("--size must be 0 (keep the native size) or a number of pixels from 1 to "
                    + MAX_SIZE + ", got " + size);
        }
        if (maskThreshold.isPresent() && !inOpenUnit(maskThreshold.getAsDouble())) {
            throw new InputException("--mask-threshold must be a fraction of the maximum mask level in (0, 1), e.g. 0.5, got "
                    + fmt(maskThreshold.getAsDouble()));
        }
        checkFraction("--val-fraction", valFraction);
        checkFraction("--test-fraction", testFraction);
        if (!(valFraction + testFraction < 1)) {
            throw new InputException("--val-fraction + --test-fraction must be below 1 so that training keeps some images, got "
                    + fmt(valFraction) + " + " + fmt(testFraction) + " = " + fmt(valFraction + testFraction));
        }
        groupRegex.ifPresent(DataOptions::compileGroupRegex);
        if (classes < 2 || classes > 255) {
            throw new InputException("--classes must be between 2 (binary) and 255, got " + classes);
        }
        if (classes > 2 && maskThreshold.isPresent()) {
            throw new InputException("--mask-threshold binarises masks and cannot be used with --classes " + classes
                    + " (class-index masks)");
        }
        if (resize != ResizePolicy.SQUASH && size == 0) {
            throw new InputException("--resize " + resize.option() + " makes images square at --size, but --size is 0"
                    + " (keep the native size): give --size PX, or leave --resize out");
        }
    }

    /** The options with {@link ResizePolicy#SQUASH}, as every run made before {@code --resize} existed. */
    public DataOptions(Optional<String> layout, int size, OptionalDouble maskThreshold, long splitSeed,
                       double valFraction, double testFraction, Optional<String> groupRegex, int classes) {
        this(layout, size, maskThreshold, splitSeed, valFraction, testFraction, groupRegex, classes,
                ResizePolicy.SQUASH);
    }

    /**
     * No layout forced, native size, no mask threshold, seed 42, 15% validation, 15% test, no group regex, binary,
     * squash.
     */
    public static DataOptions defaults() {
        return new DataOptions(Optional.empty(), 0, OptionalDouble.empty(), DEFAULT_SPLIT_SEED,
                DEFAULT_FRACTION, DEFAULT_FRACTION, Optional.empty(), 2);
    }

    /** @param name a layout name, or null to detect the layout */
    public DataOptions withLayout(String name) {
        return new DataOptions(Optional.ofNullable(name), size, maskThreshold, splitSeed, valFraction, testFraction,
                groupRegex, classes, resize);
    }

    public DataOptions withSize(int newSize) {
        return new DataOptions(layout, newSize, maskThreshold, splitSeed, valFraction, testFraction,
                groupRegex, classes, resize);
    }

    public DataOptions withMaskThreshold(OptionalDouble threshold) {
        return new DataOptions(layout, size, threshold, splitSeed, valFraction, testFraction,
                groupRegex, classes, resize);
    }

    public DataOptions withMaskThreshold(double threshold) {
        return withMaskThreshold(OptionalDouble.of(threshold));
    }

    public DataOptions withSplitSeed(long seed) {
        return new DataOptions(layout, size, maskThreshold, seed, valFraction, testFraction,
                groupRegex, classes, resize);
    }

    public DataOptions withValFraction(double fraction) {
        return withFractions(fraction, testFraction);
    }

    public DataOptions withTestFraction(double fraction) {
        return withFractions(valFraction, fraction);
    }

    /** Sets both fractions at once, so that no intermediate pair has to be valid on its own. */
    public DataOptions withFractions(double val, double test) {
        return new DataOptions(layout, size, maskThreshold, splitSeed, val, test, groupRegex, classes, resize);
    }

    /** @param regex a regular expression with a capturing group, or null for the layout's default */
    public DataOptions withGroupRegex(String regex) {
        return new DataOptions(layout, size, maskThreshold, splitSeed, valFraction, testFraction,
                Optional.ofNullable(regex), classes, resize);
    }

    public DataOptions withClasses(int c) {
        return new DataOptions(layout, size, maskThreshold, splitSeed, valFraction, testFraction, groupRegex, c,
                resize);
    }

    public DataOptions withResize(ResizePolicy policy) {
        return new DataOptions(layout, size, maskThreshold, splitSeed, valFraction, testFraction, groupRegex, classes,
                policy);
    }

    /** The compiled {@link #groupRegex()}, if any. */
    public Optional<Pattern> groupPattern() {
        return groupRegex.map(DataOptions::compileGroupRegex);
    }

    /** The JSON form (e.g. in a run's {@code run.json}): absent values are null, since Jackson has no Optional support here. */
    @JsonValue
    Stored stored() {
        return new Stored(layout.orElse(null), size, maskThreshold.isPresent() ? maskThreshold.getAsDouble() : null,
                splitSeed, valFraction, testFraction, groupRegex.orElse(null), classes, resize.option());
    }

    /**
     * Reads the JSON form; a missing value takes its default, so older files still load (a run from before
     * {@code resize} existed squashed its images, the default).
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static DataOptions fromStored(Stored s) {
        DataOptions d = defaults();
        return new DataOptions(Optional.ofNullable(s.layout()), s.size() == null ? d.size() : s.size(),
                s.maskThreshold() == null ? OptionalDouble.empty() : OptionalDouble.of(s.maskThreshold()),
                s.splitSeed() == null ? d.splitSeed() : s.splitSeed(),
                s.valFraction() == null ? d.valFraction() : s.valFraction(),
                s.testFraction() == null ? d.testFraction() : s.testFraction(), Optional.ofNullable(s.groupRegex()),
                s.classes() == null ? d.classes() : s.classes(),
                s.resize() == null ? d.resize() : ResizePolicy.parse(s.resize()));
    }

    /** {@link DataOptions} with nulls for absent values: its JSON form. */
    record Stored(String layout, Integer size, Double maskThreshold, Long splitSeed, Double valFraction,
                  Double testFraction, String groupRegex, Integer classes, String resize) {
    }

    private static Pattern compileGroupRegex(String regex) {
        Pattern p;
        try {
            p = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new InputException("--group-regex '" + regex + "' is not a valid regular expression: "
                    + e.getDescription() + " near index " + e.getIndex());
        }
        if (p.matcher("").groupCount() < 1) {
            throw new InputException("--group-regex '" + regex + "' has no capturing group: put the part of the image id"
                    + " that names the group (patient) in parentheses, e.g. '^(LIDC-IDRI-\\d+)'");
        }
        return p;
    }

    private static void checkFraction(String option, double value) {
        if (!inOpenUnit(value)) {
            throw new InputException(option + " must be a fraction in (0, 1), e.g. 0.15, got " + fmt(value));
        }
    }

    private static boolean inOpenUnit(double v) {
        return v > 0 && v < 1; // false for NaN too
    }

    /** Six significant digits, so that 0.15 + 0.9 reads 1.05 and not 1.0500000000000000444. */
    private static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
