package dev.penumbra.stats;

import dev.penumbra.InputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks two samples out of a long table: the values in {@code valueColumn} of the rows whose {@code groupColumn}
 * equals {@code a}, and of those where it equals {@code b}; other rows are ignored. For a paired test the rows are
 * matched by a pair id column (e.g. the image id), which must hold each id exactly once per group. Messages name the
 * options of {@code penumbra stats ttest} (--value, --group, --a, --b, --pair).
 *
 * @param valueColumn the measured values, any unit
 * @param groupColumn the label of the group (e.g. the model) of each row
 * @param a the label of the first sample
 * @param b the label of the second sample
 */
public record TwoGroups(String valueColumn, String groupColumn, String a, String b) {

    private static final int SHOWN = 10;

    /** @throws InputException if a and b are the same group */
    public TwoGroups {
        if (a.equals(b)) {
            throw new InputException("--a and --b are both '" + a + "'; name two different groups");
        }
    }

    /** Two samples, in table order, or matched pair by pair when paired. */
    public record Samples(double[] a, double[] b) {
    }

    /** @return the values of group a and of group b, in the order of the table */
    public Samples unpaired(CsvTable table) {
        double[] values = table.numbers(valueColumn, "--value");
        String[] groups = table.strings(groupColumn, "--group");
        return new Samples(pick(values, rows(groups, a, "--a")), pick(values, rows(groups, b, "--b")));
    }

    /** @return the values of group a and of group b, matched by the ids in {@code pairColumn}, in order of a */
    public Samples paired(CsvTable table, String pairColumn) {
        double[] values = table.numbers(valueColumn, "--value");
        String[] groups = table.strings(groupColumn, "--group");
        String[] ids = table.strings(pairColumn, "--pair");
        Map<String, List<Integer>> inA = byId(ids, rows(groups, a, "--a"));
        Map<String, List<Integer>> inB = byId(ids, rows(groups, b, "--b"));
        List<String> problems = new ArrayList<>();
        problems.addAll(missing(inA, inB, b));
        problems.addAll(missing(inB, inA, a));
        problems.addAll(repeated(inA, a));
        problems.addAll(repeated(inB, b));
        if (!problems.isEmpty()) {
            throw new InputException("--pair " + pairColumn + ": each id must appear exactly once with group '" + a
                    + "' and once with group '" + b + "'; " + String.join("; ", problems));
        }
        double[] x = new double[inA.size()];
        double[] y = new double[inA.size()];
        int i = 0;
        for (String id : inA.keySet()) {
            x[i] = values[inA.get(id).get(0)];
            y[i++] = values[inB.get(id).get(0)];
        }
        return new Samples(x, y);
    }

    private int[] rows(String[] groups, String label, String option) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < groups.length; i++) {
            if (groups[i].equals(label)) {
                rows.add(i);
            }
        }
        if (rows.isEmpty()) {
            throw new InputException(option + " " + label + ": no rows with group == " + label + " in column '"
                    + groupColumn + "'; values are: " + list(new LinkedHashSet<>(List.of(groups))));
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double[] pick(double[] values, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    private static Map<String, List<Integer>> byId(String[] ids, int[] rows) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        for (int row : rows) {
            out.computeIfAbsent(ids[row], k -> new ArrayList<>()).add(row);
        }
        return out;
    }

    private static List<String> missing(Map<String, List<Integer>> from, Map<String, List<Integer>> in,
            String group) {
        Set<String> absent = new LinkedHashSet<>(from.keySet());
        absent.removeAll(in.keySet());
        return absent.isEmpty() ? List.of() : List.of("missing from group '" + group + "': " + list(absent));
    }

    private static List<String> repeated(Map<String, List<Integer>> rows, String group) {
        Set<String> twice = new LinkedHashSet<>();
        rows.forEach((id, r) -> {
            if (r.size() > 1) {
                twice.add(id);
            }
        });
        return twice.isEmpty() ? List.of() : List.of("more than once in group '" + group + "': " + list(twice));
    }

    private static String list(Set<String> items) {
        List<String> shown = items.stream().limit(SHOWN).toList();
        String more = items.size() > SHOWN ? " and " + (items.size() - SHOWN) + " more" : "";
        return String.join(", ", shown) + more;
    }
}
