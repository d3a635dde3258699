package dev.penumbra.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What {@code penumbra data check} reports about a dataset: per split, how many images of which sizes and
 * channels, how many annotators, how often they agree on whether there is a lesion, how much of a mask is
 * foreground, and how many groups (patients) the images come from. Serialises with Jackson as it is; {@link #toText()} gives a table for a terminal.
 *
 * @param layout the layout's short name
 * @param root   the data folder
 * @param splits train, val and test, in that order
 */
public record DatasetSummary(String layout, String root, List<SplitSummary> splits) {

    public DatasetSummary {
        splits = List.copyOf(splits);
    }

    /**
     * One split.
     *
     * @param split          {@code train}, {@code val} or {@code test}
     * @param images         number of images
     * @param channels       channels C of the split's images (0 for an empty split)
     * @param sizes          image size "HxW" in pixels -> number of images, most common first
     * @param annotators     annotations per image L -> number of images, by L
     * @param lesionVotes    number of annotators whose mask is not blank -> number of images, by that number
     * @param allAgree       fraction of images whose annotators agree on lesion presence: all masks blank or all
     *                       not blank (1 for images with one annotator)
     * @param splitVotes     fraction of images where some masks are blank and some are not ({@code 1 - allAgree})
     * @param allBlank       fraction of images whose masks are all blank
     * @param meanForeground foreground pixels / all pixels, averaged over every mask of the split
     * @param fullMasks      masks that are foreground everywhere (a single non-zero level): often an inverted mask
     * @param groups         distinct groups (patients) of the split's images; as many as images when the data has
     *                       no groups
     */
    public record SplitSummary(String split, int images, int channels, Map<String, Integer> sizes,
                               Map<Integer, Integer> annotators, Map<Integer, Integer> lesionVotes,
                               double allAgree, double splitVotes, double allBlank, double meanForeground,
                               int fullMasks, int groups) {

        public SplitSummary {
            sizes = Collections.unmodifiableMap(new LinkedHashMap<>(sizes));
            annotators = Collections.unmodifiableMap(new TreeMap<>(annotators));
            lesionVotes = Collections.unmodifiableMap(new TreeMap<>(lesionVotes));
        }
    }

    /** Summarises a dataset in memory. */
    public static DatasetSummary summarise(Dataset dataset) {
        Map<Split, Tally> tallies = tallies();
        dataset.splits().forEach((split, samples) -> samples.forEach(tallies.get(split)::add));
        return of(dataset.layout(), dataset.root(), tallies);
    }

    /**
     * Reads and summarises a dataset one sample at a time, holding none: for {@code data check} on data whose
     * native-size images would not fit in memory together. Validates exactly as {@link DatasetReader#read}.
     */
    public static DatasetSummary summarise(Path root, DataOptions opts) {
        DatasetFiles files = DatasetReader.scan(root, opts);
        Map<Split, Tally> tallies = tallies();
        DatasetReader.load(files, opts, (split, sample) -> tallies.get(split).add(sample));
        return of(files.layout(), files.root(), tallies);
    }

    /**
     * The summary as an aligned table, one row per split, fractions in percent. The agreement columns ("all agree",
     * "split votes") appear only when some image has two or more annotators; with one annotator per image the table
     * says so instead, and "all blank" is headed "blank masks".
     */
    public String toText() {
        boolean several = multipleAnnotators();
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("split", "images", "channels", "sizes (images)",
                "annotators (images)"));
        header.addAll(several ? List.of("all agree", "split votes", "all blank") : List.of("blank masks"));
        header.addAll(List.of("mean foreground", "full masks", "groups"));
        rows.add(header.toArray(String[]::new));
        for (SplitSummary s : splits) {
            List<String> row = new ArrayList<>(List.of(s.split(), Integer.toString(s.images()),
                    Integer.toString(s.channels()), counts(s.sizes(), 3), counts(s.annotators(), 3)));
            if (several) {
                row.addAll(List.of(percent(s.allAgree()), percent(s.splitVotes())));
            }
            row.addAll(List.of(percent(s.allBlank()), percent(s.meanForeground()), Integer.toString(s.fullMasks()),
                    Integer.toString(s.groups())));
            rows.add(row.toArray(String[]::new));
        }
        String note = several ? "" : "\none annotator per image: no annotator agreement to report\n";
        return "layout  " + layout + "\nroot    " + root + "\n\n" + table(rows, Set.of(0, 3, 4)) + note;
    }

    /** Whether some image of some split has two or more annotators. */
    public boolean multipleAnnotators() {
        return splits.stream().anyMatch(s -> s.annotators().keySet().stream().anyMatch(l -> l >= 2));
    }

    private static Map<Split, Tally> tallies() {
        Map<Split, Tally> tallies = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            tallies.put(s, new Tally());
        }
        return tallies;
    }

    private static DatasetSummary of(String layout, Path root, Map<Split, Tally> tallies) {
        List<SplitSummary> splits = new ArrayList<>();
        tallies.forEach((split, tally) -> splits.add(tally.summary(split.folder())));
        return new DatasetSummary(layout, root.toString(), splits);
    }

    /** "8x8 (3), 12x10 (1)", the first {@code shown} entries and "+N more". */
    private static String counts(Map<?, Integer> counts, int shown) {
        String head = counts.entrySet().stream().limit(shown).map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
        return counts.size() > shown ? head + ", +" + (counts.size() - shown) + " more" : head;
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    /** Columns padded to their widest cell: the text columns {@code left} left-aligned, numbers right-aligned. */
    private static String table(List<String[]> rows, Set<Integer> left) {
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.length; c++) {
                cells.add(String.format(Locale.ROOT, "%" + (left.contains(c) ? "-" : "") + width[c] + "s", row[c]));
            }
            out.append(String.join("  ", cells).stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** Running counts for one split. */
    private static final class Tally {
        private int images;
        private int channels;
        private final Map<String, Integer> sizes = new LinkedHashMap<>();
        private final Map<Integer, Integer> annotators = new TreeMap<>();
        private final Map<Integer, Integer> votes = new TreeMap<>();
        private int agree;
        private int blank;
        private int masks;
        private double foreground;
        private int full;
        private final Set<String> groups = new HashSet<>();

        void add(Sample s) {
            images++;
            groups.add(s.group());
            channels = s.image().channels();
            sizes.merge(s.image().height() + "x" + s.image().width(), 1, Integer::sum);
            annotators.merge(s.annotators(), 1, Integer::sum);
            int marked = 0;
            for (Mask m : s.masks()) {
                int fg = m.foreground();
                int pixels = m.height() * m.width();
                marked += fg > 0 ? 1 : 0;
                full += fg == pixels ? 1 : 0;
                foreground += (double) fg / pixels;
                masks++;
            }
            votes.merge(marked, 1, Integer::sum);
            agree += marked == 0 || marked == s.annotators() ? 1 : 0;
            blank += marked == 0 ? 1 : 0;
        }

        SplitSummary summary(String split) {
            Map<String, Integer> bySize = sizes.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
            return new SplitSummary(split, images, channels, bySize, annotators, votes, fraction(agree),
                    fraction(images - agree), fraction(blank), masks == 0 ? 0 : foreground / masks, full, groups.size());
        }

        private double fraction(int count) {
            return images == 0 ? 0 : (double) count / images;
        }
    }
}
