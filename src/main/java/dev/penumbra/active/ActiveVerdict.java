package dev.penumbra.active;

import dev.penumbra.evaluate.Verdict.Answer;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Did uncertainty-based picking beat random? Per strategy other than random, generated from the experiment's
 * numbers: the paired difference, seed by seed, of the final round's test loss (strategy minus random; the same
 * seed starts both from the same images), with the Student t 95% interval of its mean across seeds.
 * <ul>
 *   <li>yes: the interval lies below 0 (the strategy's models end with a lower test loss);</li>
 *   <li>no: it lies above 0 (random is better, as the paper found);</li>
 *   <li>no evidence either way: it holds 0;</li>
 *   <li>not enough evidence: fewer than two seeds, which give no interval.</li>
 * </ul>
 */
public final class ActiveVerdict {

    /** The strategy every other is compared with. */
    public static final String BASELINE = "random";

    /**
     * One strategy's answer.
     *
     * @param strategy the acquisition compared with random
     * @param answer   what the criteria give
     * @param because  one sentence citing the numbers
     */
    public record Finding(String strategy, Answer answer, String because) {
    }

    private ActiveVerdict() {
    }

    public static List<Finding> of(ActiveResult result) {
        List<Finding> out = new ArrayList<>();
        if (!result.settings().strategies().contains(BASELINE)) {
            return out;
        }
        Map<Long, Double> baseline = finalLoss(result, BASELINE);
        for (String strategy : result.settings().strategies()) {
            if (!strategy.equals(BASELINE)) {
                out.add(compare(strategy, finalLoss(result, strategy), baseline));
            }
        }
        return out;
    }

    static Finding compare(String strategy, Map<Long, Double> mine, Map<Long, Double> random) {
        SummaryStatistics d = new SummaryStatistics();
        mine.forEach((seed, loss) -> {
            Double r = random.get(seed);
            if (r != null && Double.isFinite(loss) && Double.isFinite(r)) {
                d.addValue(loss - r);
            }
        });
        int n = (int) d.getN();
        if (n < 2) {
            return new Finding(strategy, Answer.NOT_ENOUGH_EVIDENCE, String.format(Locale.ROOT, "%d seed%s with"
                    + " both strategies%s: one paired difference has no interval; run --seeds 3 or more.", n,
                    n == 1 ? "" : "s", n == 1 ? String.format(Locale.ROOT, " (difference of the final test loss"
                    + " %.4f nats per pixel)", d.getMean()) : ""));
        }
        double half = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975) * d.getStandardDeviation()
                / Math.sqrt(n);
        double low = d.getMean() - half;
        double high = d.getMean() + half;
        String numbers = String.format(Locale.ROOT, "final test loss of %s minus random, paired by seed: %.4f"
                + " [%.4f, %.4f] nats per pixel (t interval, %d seeds).", strategy, d.getMean(), low, high, n);
        if (high < 0) {
            return new Finding(strategy, Answer.YES, "Its models end with a lower test loss than random picks: "
                    + numbers);
        }
        if (low > 0) {
            return new Finding(strategy, Answer.NO, "Random picks end with the lower test loss, as the paper found: "
                    + numbers);
        }
        return new Finding(strategy, Answer.NO_EVIDENCE, "The interval holds 0: " + numbers);
    }

    /** The last round's test loss by seed. */
    private static Map<Long, Double> finalLoss(ActiveResult result, String strategy) {
        Map<Long, Double> out = new TreeMap<>();
        int last = result.settings().rounds();
        for (RoundManifest m : result.rounds()) {
            if (m.strategy().equals(strategy) && m.round() == last) {
                out.put(m.seed(), m.metrics().testLoss());
            }
        }
        return out;
    }
}
