package dev.penumbra.tune;

import dev.penumbra.InputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The points of a grid: every combination of the values given per setting, in the order given. */
public final class Grid {

    private Grid() {
    }

    /**
     * @param specs e.g. ["dropout=0.3,0.5,0.7", "lr=1e-4,3e-4"]
     * @return one map per point, settings in the order given
     */
    public static List<Map<String, Double>> parse(List<String> specs, String model) {
        if (specs == null || specs.isEmpty()) {
            throw new InputException("--grid: give at least one setting, e.g. --grid dropout=0.3,0.5,0.7");
        }
        Map<String, List<Double>> axes = new LinkedHashMap<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new InputException("--grid '" + spec + "': expected NAME=V1,V2,... e.g. dropout=0.3,0.5");
            }
            String p = GridParameter.parse(spec.substring(0, eq), model);
            if (axes.containsKey(p)) {
                throw new InputException("--grid " + p + " is given twice; list all its values in one option");
            }
            List<Double> values = new ArrayList<>();
            for (String v : spec.substring(eq + 1).split(",")) {
                try {
                    double x = GridParameter.check(p, model, Double.parseDouble(v.trim()));
                    if (values.contains(x)) {
                        throw new InputException("--grid " + p + ": value " + v.trim() + " is listed twice");
                    }
                    values.add(x);
                } catch (NumberFormatException e) {
                    throw new InputException("--grid " + p + ": '" + v.trim() + "' is not a number");
                }
            }
            axes.put(p, values);
        }
        List<Map<String, Double>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<Double>> axis : axes.entrySet()) {
            List<Map<String, Double>> next = new ArrayList<>();
            for (Map<String, Double> point : points) {
                for (double v : axis.getValue()) {
                    Map<String, Double> p = new LinkedHashMap<>(point);
                    p.put(axis.getKey(), v);
                    next.add(p);
                }
            }
            points = next;
        }
        return points;
    }

    /** A folder-safe name of a point, e.g. "dropout-0.3_lr-0.0001". */
    public static String name(Map<String, Double> point) {
        List<String> parts = new ArrayList<>();
        point.forEach((k, v) -> parts.add(k + "-" + String.format(Locale.ROOT, "%s", v)));
        return String.join("_", parts);
    }
}
