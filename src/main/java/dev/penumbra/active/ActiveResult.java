package dev.penumbra.active;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * A finished active-learning experiment: its settings and every round's manifest.
 *
 * @param settings the experiment
 * @param data     the dataset as given
 * @param out      the experiment's folder
 * @param rounds   manifests of every strategy, seed and round
 */
public record ActiveResult(ActiveSettings settings, String data, java.nio.file.Path out, List<RoundManifest> rounds) {

    /** Mean and sample standard deviation across seeds of one metric at one labelled count. */
    public record Point(int labelled, double mean, double sd, int seeds) {
    }

    /** Per strategy, the metric's mean and sd across seeds at every labelled count (NaN values left out). */
    public Map<String, List<Point>> curve(ToDoubleFunction<RoundMetrics> metric) {
        Map<String, List<Point>> out = new LinkedHashMap<>();
        for (String strategy : settings.strategies()) {
            Map<Integer, SummaryStatistics> byCount = new TreeMap<>();
            for (RoundManifest m : rounds) {
                double v = metric.applyAsDouble(m.metrics());
                if (m.strategy().equals(strategy) && !Double.isNaN(v)) {
                    byCount.computeIfAbsent(m.metrics().labelled(), k -> new SummaryStatistics()).addValue(v);
                }
            }
            List<Point> points = new ArrayList<>();
            byCount.forEach((k, s) -> points.add(new Point(k, s.getMean(),
                    s.getN() > 1 ? s.getStandardDeviation() : 0, (int) s.getN())));
            out.put(strategy, points);
        }
        return out;
    }
}
