package dev.penumbra.train;

import ai.djl.ndarray.NDManager;
import dev.penumbra.io.Json;
import dev.penumbra.model.ProbabilisticSegmenter;

import java.nio.file.Path;

/**
 * Writes a run's checkpoints: the best weights ({@link TrainingLoop#BEST}) whenever an epoch has the lowest
 * validation loss so far, and the last weights with the optimiser state ({@link TrainingLoop#LAST}) together with
 * the loop's {@link TrainingState} ({@link TrainingLoop#STATE}) whenever the loop persists; {@link #restore} reads
 * them back for {@code --resume}.
 */
public final class Checkpointing implements TrainingListener {

    @Override
    public void onEpoch(TrainingContext context, EpochRecord record) {
        if (record.best()) {
            Checkpoint.save(context.runDir().resolve(TrainingLoop.BEST), context.model().block(), null);
        }
    }

    @Override
    public void onPersist(TrainingContext context, java.util.List<EpochRecord> records) {
        Path runDir = context.runDir();
        Checkpoint.save(runDir.resolve(TrainingLoop.LAST), context.model().block(), context.optimiser());
        Json.write(runDir.resolve(TrainingLoop.STATE), context.state());
    }

    /**
     * Loads the last checkpoint of {@code runDir} into the initialised {@code model} and {@code optimiser}.
     *
     * @return the state the run was persisted in
     */
    public static TrainingState restore(Path runDir, ProbabilisticSegmenter model, Adam optimiser, NDManager root) {
        TrainingState state = Json.readFile(runDir.resolve(TrainingLoop.STATE), TrainingState.class,
                "the state of a training run", "penumbra train");
        Checkpoint.load(runDir.resolve(TrainingLoop.LAST), model.block(), optimiser, root);
        // loaded arrays replace the initialised ones and do not carry the gradient flag
        for (var p : model.block().getParameters()) {
            if (p.getValue().requiresGradient()) {
                p.getValue().getArray().setRequiresGradient(true);
            }
        }
        return state;
    }
}
