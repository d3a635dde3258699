package dev.penumbra.active;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Uniformly random images, without replacement (the published loop drew with replacement). */
final class RandomAcquisition implements Acquisition {

    @Override
    public String name() {
        return "random";
    }

    @Override
    public String description() {
        return "uniformly random unlabelled images, without replacement (the paper's baseline)";
    }

    @Override
    public List<String> select(List<PoolImage> candidates, List<float[]> labelled, int k, Random rng) {
        List<String> ids = new ArrayList<>(candidates.stream().map(PoolImage::id).toList());
        Collections.shuffle(ids, rng);
        return List.copyOf(ids.subList(0, k));
    }
}
