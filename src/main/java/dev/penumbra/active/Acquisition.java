package dev.penumbra.active;

import java.util.List;
import java.util.Random;

/** Chooses which unlabelled images to annotate next. */
public interface Acquisition {

    /** The name users give on the command line. */
    String name();

    /** One line for the README and the help. */
    String description();

    /** Whether the function needs a model with more than one distinct sample (mutual information does). */
    default boolean needsSampleVariety() {
        return false;
    }

    /**
     * @param candidates the unlabelled images, in a fixed order
     * @param labelled   embeddings of the images already labelled (for functions that avoid near-duplicates)
     * @param k          images to pick, at most {@code candidates.size()}
     * @param rng        seeded randomness for functions that draw
     * @return k distinct ids of candidates, in the order picked
     */
    List<String> select(List<PoolImage> candidates, List<float[]> labelled, int k, Random rng);
}
