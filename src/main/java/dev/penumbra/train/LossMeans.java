package dev.penumbra.train;

import dev.penumbra.model.Loss;

import java.util.LinkedHashMap;
import java.util.Map;

/** Weighted running means of a loss and its named terms, over the steps of an epoch or the batches of a set. */
final class LossMeans {

    private double total;
    private final Map<String, Double> terms = new LinkedHashMap<>();
    private double weight;

    /** @param w the weight of these values (1 per training step, the batch size for validation) */
    void add(Loss.Values v, double w) {
        total += v.total() * w;
        v.terms().forEach((name, value) -> terms.merge(name, value * w, Double::sum));
        weight += w;
    }

    /** The means; NaN (and no terms) when nothing was added. */
    Loss.Values mean() {
        Map<String, Double> means = new LinkedHashMap<>();
        terms.forEach((name, sum) -> means.put(name, sum / weight));
        return new Loss.Values(weight == 0 ? Double.NaN : total / weight, means);
    }
}
