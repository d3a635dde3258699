package dev.penumbra.train;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.penumbra.model.ModelRegistry;
import dev.penumbra.model.ProbabilisticSegmenter;
import dev.penumbra.model.Sampler;
import dev.penumbra.nn.Precision;
import dev.penumbra.nn.PrecisionStore;

import java.nio.file.Path;

/**
 * A model rebuilt from its run folder with the best checkpoint loaded; close it to free its tensors.
 *
 * @param spec       the run's settings, as its folder holds them
 * @param model      the model with the checkpoint's weights
 * @param manager    owns the weights; closed by {@link #close()}
 * @param parameters the weights' store for forward passes outside training, in fp32
 * @param bf16       the same weights for forward passes in bf16: each converted on first use and kept for every later
 *                   sampler of this model
 */
public record TrainedModel(RunSpec spec, ProbabilisticSegmenter model, NDManager manager, ParameterStore parameters,
                           ParameterStore bf16) implements AutoCloseable {

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
            return new TrainedModel(spec, model, manager, new ParameterStore(manager, false),
                    PrecisionStore.of(manager, Precision.BF16, true));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The parameters for forward passes in {@code precision}. */
    public ParameterStore parameters(Precision precision) {
        return precision == Precision.FP32 ? parameters : bf16;
    }

    /**
     * A sampler of this model in fp32, seeding the engine now.
     *
     * @param seed the value of an engine stream of {@link dev.penumbra.config.Seeds}
     */
    public Sampler sampler(int batchSize, long seed) {
        return sampler(batchSize, seed, Precision.FP32);
    }

    /**
     * A sampler of this model whose networks compute in {@code precision}, seeding the engine now.
     *
     * @param seed the value of an engine stream of {@link dev.penumbra.config.Seeds}
     */
    public Sampler sampler(int batchSize, long seed, Precision precision) {
        return new Sampler(model, parameters(precision), manager, batchSize, seed);
    }

    @Override
    public void close() {
        manager.close();
    }
}
