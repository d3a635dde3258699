package dev.penumbra.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.PairList;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Our Adam against {@code torch.optim.Adam} (lr 0.01, betas (0.9, 0.999), eps 1e-8, weight_decay 0, amsgrad off:
 * the rule and defaults ours implements) on one 2 x 3 float32 parameter with fixed gradients per step. The numbers
 * come from {@code src/test/resources/dev/penumbra/train/adam_reference.py}, run as
 * <pre>
 *   /usr/bin/python3 src/test/resources/dev/penumbra/train/adam_reference.py   # Debian python3-torch 1.13.0
 * </pre>
 * whose docstring says what each gradient exercises (eps where it matters, a zero gradient after non-zero ones, one
 * zero from the start).
 */
class AdamTest {

    private static final float LR = 0.01f;
    private static final float[] START = {0.5f, -1.25f, 2.0f, 0.0f, 3.0f, -0.75f};
    private static final float[][] GRADIENTS = {
        {0.3f, -2.0f, 1e3f, 1e-8f, 0.0f, -0.05f},
        {-0.1f, -1.5f, 8e2f, 1e-8f, 0.0f, 0.2f},
        {0.25f, 0.5f, -1e3f, 1e-8f, 0.0f, 0.0f},
        {0.0f, 1.0f, 5e2f, 1e-8f, 0.0f, 0.0f},
        {-0.4f, 0.75f, 1e-3f, 1e-8f, 0.0f, -0.3f},
    };
    /** The parameter after each step, as adam_reference.py prints it. */
    private static final double[][] TORCH = {
        {0.49000001, -1.24000001, 1.99000001, -0.00499999942, 3, -0.74000001},
        {0.485997826, -1.2301743, 1.98011875, -0.00999999885, 3, -0.745595038},
        {0.479607731, -1.22398055, 1.9780339, -0.0149999987, 3, -0.749920011},
        {0.47437337, -1.2213825, 1.97469103, -0.0199999996, 3, -0.753462791},
        {0.475080609, -1.22070777, 1.97186553, -0.0249999985, 3, -0.750658989},
    };
    /** float32 rounding: the two compute the same rule in a different order (a few ulps of values near 1). */
    private static final double TOLERANCE = 1e-6;

    @Test
    void fiveStepsMatchTorchOptimAdam() {
        try (NDManager manager = NDManager.newBaseManager()) {
            PairList<String, Parameter> params = parameter(manager);
            Adam adam = new Adam(LR);
            for (int step = 0; step < GRADIENTS.length; step++) {
                stepWith(adam, params, GRADIENTS[step], manager);
                assertClose(params.get(0).getValue().getArray().toFloatArray(), TORCH[step], step + 1);
            }
            assertThat(adam.steps()).isEqualTo(GRADIENTS.length);
        }
    }

    @Test
    void aRestoredOptimiserContinuesTheSameTrajectory() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            PairList<String, Parameter> params = parameter(manager);
            Adam first = new Adam(LR);
            stepWith(first, params, GRADIENTS[0], manager);
            stepWith(first, params, GRADIENTS[1], manager);
            ByteArrayOutputStream saved = new ByteArrayOutputStream();
            first.save(new DataOutputStream(saved), params);
            Adam restored = new Adam(LR);
            restored.load(new DataInputStream(new ByteArrayInputStream(saved.toByteArray())), params, manager);
            for (int step = 2; step < GRADIENTS.length; step++) {
                stepWith(restored, params, GRADIENTS[step], manager);
            }
            assertClose(params.get(0).getValue().getArray().toFloatArray(), TORCH[GRADIENTS.length - 1],
                    GRADIENTS.length);
        }
    }

    @Test
    void aFrozenParameterIsLeftAlone() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray frozen = manager.create(new float[] {1f, 2f});
            Parameter p = Parameter.builder().setName("frozen").setType(Parameter.Type.WEIGHT)
                    .optArray(frozen).optRequiresGrad(false).build();
            PairList<String, Parameter> params = new PairList<>();
            params.add("frozen", p);
            new Adam(LR).step(params, manager);
            assertThat(p.getArray().toFloatArray()).containsExactly(1f, 2f);
        }
    }

    private static PairList<String, Parameter> parameter(NDManager manager) {
        NDArray w = manager.create(START, new Shape(2, 3));
        w.setRequiresGradient(true);
        PairList<String, Parameter> params = new PairList<>();
        params.add("w", Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).optArray(w).build());
        return params;
    }

    /** Gives the parameter exactly {@code gradient} (the derivative of sum(w * g)), then steps. */
    private static void stepWith(Adam adam, PairList<String, Parameter> params, float[] gradient,
                                 NDManager manager) {
        NDArray w = params.get(0).getValue().getArray();
        try (NDManager sub = manager.newSubManager();
             GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray g = sub.create(gradient, w.getShape());
            collector.backward(w.mul(g).sum());
        }
        adam.step(params, manager);
    }

    private static void assertClose(float[] actual, double[] expected, int step) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual[i]).as("step %d, element %d", step, i).isCloseTo(expected[i],
                    within(TOLERANCE));
        }
    }
}
