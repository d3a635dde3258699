package dev.penumbra.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.penumbra.config.Seeds;
import dev.penumbra.data.Sample;
import dev.penumbra.model.Batch;
import dev.penumbra.model.Loss;
import dev.penumbra.model.ProbabilisticSegmenter;
import dev.penumbra.model.TestModels;
import dev.penumbra.nn.UNetConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link TrainingLoop#gradientStep} closes the forward pass's arrays before the backward pass, to free what autograd
 * does not keep. That must change no number: every model, trained a few steps that way and the way it was (every
 * intermediate held until the step's manager closes), gives bit-identical losses, loss terms and weights. Both runs
 * are in one process from the same seeds, so the comparison holds on any CPU (the numbers themselves differ
 * between CPUs).
 */
class GradientStepTest {

    private static final int STEPS = 3;
    private static final long SEED = 11;

    @ParameterizedTest
    @MethodSource("dev.penumbra.model.TestModels#names")
    void closingTheForwardPassEarlyGivesTheSameLossesAndWeights(String name) {
        Run kept = train(name, false);
        Run closed = train(name, true);
        assertThat(kept.losses).as("%s: a finite loss at every step, so that every step updates", name)
                .allMatch(v -> v.total() < DivergenceCheck.EXPLODED);
        assertThat(closed.losses).as("%s: losses and terms of each step", name).isEqualTo(kept.losses);
        assertThat(closed.weights.keySet()).isEqualTo(kept.weights.keySet());
        kept.weights.forEach((param, values) -> assertThat(closed.weights.get(param))
                .as("%s: parameter %s after %d steps, bit for bit", name, param, STEPS).isEqualTo(values));
    }

    /** Losses of each step and every parameter (batch-norm statistics included) at the end. */
    private record Run(List<Loss.Values> losses, Map<String, float[]> weights) {
    }

    private static Run train(String name, boolean closeForward) {
        UNetConfig c = new UNetConfig(1, 2, List.of(4, 8, 16, 32), 3, true, 0.5, false);
        ProbabilisticSegmenter model = TestModels.create(name, c);
        List<Sample> data = CheckpointAndResumeTest.blobs(4, 5);
        int[] drawn = {0, 1, 1, 0};
        try (NDManager root = NDManager.newBaseManager()) {
            Seeds.WEIGHTS.seedEngine(SEED);
            model.block().initialize(root, DataType.FLOAT32, new Shape(1, 1, 32, 32));
            ParameterStore ps = new ParameterStore(root, false);
            Adam adam = new Adam(1e-3f);
            Seeds.TRAINING_DROPOUT.seedEngine(SEED, 1);
            List<Loss.Values> losses = new ArrayList<>();
            for (int step = 0; step < STEPS; step++) {
                try (NDManager sub = root.newSubManager()) {
                    Batch batch = new Batch(sub, data, drawn);
                    losses.add(closeForward ? TrainingLoop.gradientStep(model, batch, ps, adam, root)
                            : keepingEveryArray(model, batch, ps, adam, root));
                    assertThat(batch.images().getManager()).as("the images go back to the batch").isSameAs(sub);
                }
            }
            Map<String, float[]> weights = new LinkedHashMap<>();
            for (Pair<String, Parameter> p : model.block().getParameters()) {
                weights.put(p.getKey(), p.getValue().getArray().toFloatArray());
            }
            return new Run(losses, weights);
        }
    }

    /** The step as it was before the forward pass got its own manager. */
    private static Loss.Values keepingEveryArray(ProbabilisticSegmenter model, Batch batch, ParameterStore ps,
                                                 Adam adam, NDManager root) {
        Loss.Values value;
        boolean usable;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            Loss loss = model.loss(ps, batch, true);
            value = loss.values();
            usable = Double.isFinite(value.total()) && value.total() <= DivergenceCheck.EXPLODED;
            if (usable) {
                collector.backward(loss.total());
            }
        }
        if (usable) {
            adam.step(model.block().getParameters(), root);
        }
        return value;
    }
}
