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
    public static List<Map<GridParameter, Double>> parse(List<String> specs, String model) {
        if (specs == null || specs.isEmpty()) {
            throw new InputException("--grid: give at least one setting, e.g. --grid dropout=0.3,0.5,0.7");
        }
        Map<GridParameter, List<Double>> axes = new LinkedHashMap<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new InputException("--grid '" + spec + "': expected NAME=V1,V2,... e.g. dropout=0.3,0.5");
            }
            GridParameter p = GridParameter.parse(spec.substring(0, eq), model);
            if (axes.containsKey(p)) {
                throw new InputException("--grid " + p.key() + " is given twice; list all its values in one option");
            }
            List<Double> values = new ArrayList<>();
            for (String v : spec.substring(eq + 1).split(",")) {
                try {
                    double x = p.check(Double.parseDouble(v.trim()));
                    if (values.contains(x)) {
                        throw new InputException("--grid " + p.key() + ": value " + v.trim() + " is listed twice");
                    }
                    values.add(x);
                } catch (NumberFormatException e) {
                    throw new InputException("--grid " + p.key() + ": '" + v.trim() + "' is not a number");
                }
            }
            axes.put(p, values);
        }
        List<Map<GridParameter, Double>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<GridParameter, List<Double>> axis : axes.entrySet()) {
            List<Map<GridParameter, Double>> next = new ArrayList<>();
            for (Map<GridParameter, Double> point : points) {
                for (double v : axis.getValue()) {
                    Map<GridParameter, Double> p = new LinkedHashMap<>(point);
                    p.put(axis.getKey(), v);
                    next.add(p);
                }
            }
            points = next;
        }
        return points;
    }

    /** A folder-safe name of a point, e.g. "dropout-0.3_lr-0.0001". */
    public static String name(Map<GridParameter, Double> point) {
        List<String> parts = new ArrayList<>();
        point.forEach((k, v) -> parts.add(k.key() + "-" + String.format(Locale.ROOT, "%s", v)));
        return String.join("_", parts);
    }
}
