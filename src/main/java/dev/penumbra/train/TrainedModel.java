package dev.penumbra.train;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.penumbra.model.ModelRegistry;
import dev.penumbra.model.ProbabilisticSegmenter;
import dev.penumbra.model.Sampler;

import java.nio.file.Path;

/**
 * A model rebuilt from its run folder with the best checkpoint loaded; close it to free its tensors.
 *
 * @param spec       the run's settings, as its folder holds them
 * @param model      the model with the checkpoint's weights
 * @param manager    owns the weights; closed by {@link #close()}
 * @param parameters the weights' store for forward passes outside training
 */
public record TrainedModel(RunSpec spec, ProbabilisticSegmenter model, NDManager manager, ParameterStore parameters)
        implements AutoCloseable {

    /** Loads {@code runDir}'s best checkpoint (clear errors for a missing folder, spec or checkpoint). */
    public static TrainedModel load(Path runDir, Device device) {
        return load(runDir, device, TrainingLoop.BEST);
    }

    /**
     * Loads one checkpoint of {@code runDir}, e.g. {@link TrainingLoop#LAST} for a run trained for a fixed number of
     * steps without model selection.
     */
    public static TrainedModel load(Path runDir, Device device, String checkpoint) {
        RunSpec spec = TrainRun.readSpec(runDir);
        ProbabilisticSegmenter model = ModelRegistry.create(spec.model(), spec.settings());
        NDManager manager = NDManager.newBaseManager(device);
        try {
            model.block().initialize(manager, DataType.FLOAT32, new Shape(1, spec.channels(), spec.height(),
                    spec.width()));
            Checkpoint.load(runDir.resolve(checkpoint), model.block(), null, manager);
            return new TrainedModel(spec, model, manager, new ParameterStore(manager, false));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * A sampler of this model, seeding the engine now.
     *
     * @param seed the value of an engine stream of {@link dev.penumbra.config.Seeds}
     */
    public Sampler sampler(int batchSize, long seed) {
        return new Sampler(model, parameters, manager, batchSize, seed);
    }

    @Override
    public void close() {
        manager.close();
    }
}
