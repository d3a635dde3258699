package dev.penumbra.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.penumbra.data.Mask;
import dev.penumbra.data.Sample;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelBehaviourTest {

    @Test
    void mcSamplingLeavesBatchNormStatisticsUntouched() {
        ProbabilisticSegmenter model = ModelContractTest.create("mcdropout", 2);
        try (NDManager m = NDManager.newBaseManager()) {
            model.block().initialize(m, DataType.FLOAT32, new Shape(1, 1, 32, 32));
            ParameterStore ps = new ParameterStore(m, false);
            // one training forward so the running statistics are not at their initial values
            model.loss(ps, new Batch(m, TinySamples.squares(4, 32, 1, 3), new int[4]), true);
            List<float[]> before = runningStats(model);
            assertThat(before).isNotEmpty();
            NDArray probs = model.sampleProbabilities(ps, m.randomUniform(0f, 1f, new Shape(4, 1, 32, 32)), 8);
            assertThat(probs.getShape().get(0)).isEqualTo(8);
            List<float[]> after = runningStats(model);
            for (int i = 0; i < before.size(); i++) {
                assertThat(after.get(i)).containsExactly(before.get(i));
            }
        }
    }

    private static List<float[]> runningStats(ProbabilisticSegmenter model) {
        List<float[]> stats = new ArrayList<>();
        for (Pair<String, Parameter> p : model.block().getParameters()) {
            Parameter.Type type = p.getValue().getType();
            if (type == Parameter.Type.RUNNING_MEAN || type == Parameter.Type.RUNNING_VAR) {
                stats.add(p.getValue().getArray().toFloatArray());
            }
        }
        return stats;
    }

    @Test
    void ensembleMemberLearnsItsOwnAnnotatorWhenThereAreEnough() {
        Ensemble model = (Ensemble) ModelContractTest.create("ensemble", 2);
        try (NDManager m = NDManager.newBaseManager()) {
            model.block().initialize(m, DataType.FLOAT32, new Shape(1, 1, 32, 32));
            ParameterStore ps = new ParameterStore(m, false);
            List<Sample> samples = distinctAnnotators(2, 32);
            Batch batch = new Batch(m, samples, new int[] {0, 0});
            double expected = 0;
            List<ai.djl.nn.Block> members = new ArrayList<>(model.block().getChildren().values());
            for (int i = 0; i < 4; i++) {
                NDArray logits = members.get(i).forward(ps, new NDList(batch.images()), false).singletonOrThrow();
                expected += CrossEntropy.loss(logits, batch.labelsOf(i), null).getFloat() / 4;
            }
            assertThat(model.loss(ps, batch, false).total().getFloat()).isCloseTo((float) expected, within(1e-5f));
            // and not the loss against the drawn annotator 0 for everyone
            double drawnOnly = 0;
            for (int i = 0; i < 4; i++) {
                NDArray logits = members.get(i).forward(ps, new NDList(batch.images()), false).singletonOrThrow();
                drawnOnly += CrossEntropy.loss(logits, batch.drawnLabels(), null).getFloat() / 4;
            }
            assertThat(Math.abs(drawnOnly - expected)).isGreaterThan(1e-4);
        }
    }

    /** Four annotators who mark different quarters of the image. */
    private static List<Sample> distinctAnnotators(int count, int size) {
        List<Sample> out = new ArrayList<>();
        for (Sample s : TinySamples.squares(count, size, 1, 9)) {
            List<Mask> masks = new ArrayList<>();
            for (int a = 0; a < 4; a++) {
                Mask mask = Mask.blank(size, size);
                for (int y = 0; y < size / 2; y++) {
                    for (int x = 0; x < size / 2; x++) {
                        mask.set(y + (a / 2) * size / 2, x + (a % 2) * size / 2, (byte) 1);
                    }
                }
                masks.add(mask);
            }
            out.add(new Sample(s.id(), s.group(), s.image(), masks));
        }
        return out;
    }

    @Test
    void probabilisticUNetReusesFeaturesAndVariesOnlyThroughTheLatent() {
        ProbabilisticSegmenter model = ModelContractTest.create("punet", 2);
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            model.block().initialize(m, DataType.FLOAT32, new Shape(1, 1, 32, 32));
            ParameterStore ps = new ParameterStore(m, false);
            NDArray images = m.randomUniform(0f, 1f, new Shape(2, 1, 32, 32));
            Engine.getInstance().setRandomSeed(42);
            float[] a = model.sampleProbabilities(ps, images, 4).toFloatArray();
            Engine.getInstance().setRandomSeed(42);
            float[] b = model.sampleProbabilities(ps, images, 4).toFloatArray();
            assertThat(a).containsExactly(b);
        }
    }
}
