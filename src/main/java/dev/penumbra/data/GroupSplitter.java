package dev.penumbra.data;

import dev.penumbra.InputException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Splits items into train, validation and test by group (patient), so that no group straddles two splits: the
 * paper's LIDC split is patient-wise, and images of one patient in both train and test would leak.
 *
 * <p>The sorted distinct groups are shuffled with {@link Random} seeded by the split seed (a Fisher-Yates shuffle
 * written out here, so the result depends only on the seed and the group names, not on the JDK or the file
 * system's listing order). The first {@code round(testFraction * G)} groups go to test, the next
 * {@code round(valFraction * G)} to validation, the rest to train; each split gets at least one group.
 */
public final class GroupSplitter {

    private GroupSplitter() {
    }

    /**
     * @param items        the items, in the order each split should keep (e.g. sorted by id)
     * @param groupOf      the group of an item
     * @param valFraction  fraction of groups for validation, in (0, 1)
     * @param testFraction fraction of groups for test, in (0, 1)
     * @param seed         the split seed
     * @param where        the data folder, for the message when there are too few groups
     * @return the items of each split, every split non-empty, in input order
     * @throws InputException when there are fewer than 3 groups
     */
    public static <T> Map<Split, List<T>> split(List<T> items, Function<T, String> groupOf, double valFraction,
                                                double testFraction, long seed, String where) {
        List<String> groups = new ArrayList<>(new TreeSet<>(items.stream().map(groupOf).toList()));
        int g = groups.size();
        if (g < 3) {
            throw new InputException("cannot split " + where + " into train, val and test: it has " + items.size()
                    + " image(s) in " + g + " group(s) (patients), and a group-wise split needs at least 3 groups;"
                    + " add images, or make train/, val/ and test/ folders");
        }
        shuffle(groups, new Random(seed));
        int nTest = Math.max(1, (int) Math.round(testFraction * g));
        int nVal = Math.max(1, (int) Math.round(valFraction * g));
        while (g - nTest - nVal < 1) { // rounding up both may leave train empty: take from the larger one
            if (nTest >= nVal) {
                nTest--;
            } else {
                nVal--;
            }
        }
        Map<String, Split> splitOf = new HashMap<>();
        for (int i = 0; i < g; i++) {
            splitOf.put(groups.get(i), i < nTest ? Split.TEST : i < nTest + nVal ? Split.VAL : Split.TRAIN);
        }
        Map<Split, List<T>> out = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            out.put(s, new ArrayList<>());
        }
        for (T item : items) {
            out.get(splitOf.get(groupOf.apply(item))).add(item);
        }
        return out;
    }

    private static void shuffle(List<String> list, Random random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            list.set(j, list.set(i, list.get(j)));
        }
    }
}
