package dev.penumbra.active;

import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/** Picks the k candidates with the highest score (ties: smaller id first). */
final class Ranked implements Acquisition {

    private final String name;
    private final String description;
    private final ToDoubleFunction<PoolImage> score;
    private final boolean needsVariety;

    Ranked(String name, String description, ToDoubleFunction<PoolImage> score, boolean needsVariety) {
        this.name = name;
        this.description = description;
        this.score = score;
        this.needsVariety = needsVariety;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean needsSampleVariety() {
        return needsVariety;
    }

    double score(PoolImage image) {
        return score.applyAsDouble(image);
    }

    @Override
    public List<String> select(List<PoolImage> candidates, List<float[]> labelled, int k, Random rng) {
        return ranking(candidates).stream().limit(k).map(PoolImage::id).toList();
    }

    /** The candidates from the highest score to the lowest. */
    List<PoolImage> ranking(List<PoolImage> candidates) {
        return candidates.stream().sorted(Comparator.comparingDouble((PoolImage p) -> -score(p))
                .thenComparing(PoolImage::id)).toList();
    }
}
