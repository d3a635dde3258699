package dev.penumbra.study;

import java.nio.file.Path;

/**
 * One independent piece of a study: a model's training, or one active-learning run of a model, strategy and seed.
 * Each writes only into its own folder of the study.
 *
 * @param id       e.g. "train/softmax" or "active/mcdropout/random/seed_1"
 * @param model    registry name of the model
 * @param strategy acquisition function, or null for a training
 * @param seed     active-learning seed, or 0 for a training
 */
public record StudyUnit(String id, String model, String strategy, long seed) {

    static StudyUnit training(String model) {
        return new StudyUnit("train/" + model, model, null, 0);
    }

    static StudyUnit active(String model, String strategy, long seed) {
        return new StudyUnit("active/" + model + "/" + strategy + "/seed_" + seed, model, strategy, seed);
    }

    public boolean isTraining() {
        return strategy == null;
    }

    /** The folder the unit writes into, inside the study. */
    public Path folder(Path study) {
        return study.resolve(id);
    }
}
