package dev.penumbra.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.penumbra.config.Preset;
import dev.penumbra.io.Json;
import dev.penumbra.nn.UNetConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Test-time augmentation: the softmax U-Net's predictions under the drawn flips and turns, mapped back. */
class TtaUNetTest {

    private static final UNetConfig TINY = new UNetConfig(1, 2, List.of(4, 8, 16, 32), 3, true, 0, false);
    private static final Set<Dihedral> FLIPS =
            EnumSet.of(Dihedral.IDENTITY, Dihedral.FLIP_LR, Dihedral.FLIP_UD, Dihedral.ROTATE_180);

    private static TtaUNet initialised(NDManager m, boolean rotations) {
        TtaUNet model = new TtaUNet(TINY, null, rotations);
        model.block().initialize(m, DataType.FLOAT32, new Shape(1, 1, 32, 32));
        return model;
    }

    /** A softmax U-Net with the parameters (and batch-norm statistics) of {@code tta}. */
    private static SoftmaxUNet sameWeights(NDManager m, TtaUNet tta) throws Exception {
        SoftmaxUNet softmax = new SoftmaxUNet(TINY, null);
        softmax.block().initialize(m, DataType.FLOAT32, new Shape(1, 1, 32, 32));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        tta.block().saveParameters(new DataOutputStream(bytes));
        softmax.block().loadParameters(m, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        return softmax;
    }

    /** The softmax U-Net's B x C x H x W prediction for {@code t(images)}, moved back by t's inverse. */
    private static NDArray softmaxUnder(SoftmaxUNet softmax, ParameterStore ps, NDArray images, Dihedral t) {
        NDArray probs = softmax.sampleProbabilities(ps, TtaPixels.move(images, t), 1).get(0);
        return TtaPixels.move(probs, TtaPixels.inverse(t));
    }

    @Test
    void samplesAreTheSoftmaxUNetsPredictionsUnderTheDrawnTransformsMappedBack() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            TtaUNet tta = initialised(m, true);
            SoftmaxUNet softmax = sameWeights(m, tta);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray images = m.randomUniform(0f, 1f, new Shape(3, 1, 32, 32));
            List<Dihedral> drawn = tta.draw(m, images.getShape(), 12);
            assertThat(EnumSet.copyOf(drawn)).as("12 draws from 8 reach more than one transform").hasSizeGreaterThan(1);
            NDArray samples = tta.sample(ps, images, drawn);
            assertThat(samples.getShape()).isEqualTo(new Shape(12, 3, 2, 32, 32));
            List<NDArray> expected = new ArrayList<>();
            for (int i = 0; i < drawn.size(); i++) {
                NDArray own = softmaxUnder(softmax, ps, images, drawn.get(i));
                assertThat(samples.get(i).toFloatArray()).as("sample %d under %s", i, drawn.get(i))
                        .containsExactly(own.toFloatArray(), within(1e-5f));
                expected.add(own);
            }
            NDArray mean = NDArrays.stack(new NDList(expected)).mean(new int[] {0});
            assertThat(samples.mean(new int[] {0}).toFloatArray()).containsExactly(mean.toFloatArray(), within(1e-5f));
        }
    }

    @Test
    void theDrawFollowsTheEngineSeedAndReachesEveryTransform() {
        try (NDManager m = NDManager.newBaseManager()) {
            TtaUNet tta = initialised(m, true);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray images = m.randomUniform(0f, 1f, new Shape(2, 1, 32, 32));
            Engine.getInstance().setRandomSeed(21);
            List<Dihedral> drawn = tta.draw(m, images.getShape(), 64);
            Engine.getInstance().setRandomSeed(21);
            NDArray probs = tta.sampleProbabilities(ps, images, 64);
            assertThat(Arrays.equals(probs.toFloatArray(), tta.sample(ps, images, drawn).toFloatArray()))
                    .as("the same seed draws the same transforms").isTrue();
            assertThat(EnumSet.copyOf(drawn)).containsExactlyInAnyOrder(Dihedral.values());
            Engine.getInstance().setRandomSeed(22);
            assertThat(tta.draw(m, images.getShape(), 64)).isNotEqualTo(drawn);
        }
    }

    /**
     * Every sample is the same when the input looks the same under every transform, provided the network is
     * equivariant: here every kernel is averaged over the eight symmetries, so f(t(x)) = t(f(x)). (For a network
     * without that symmetry the samples of a symmetric input differ, since sample t is then t^-1(f(x)); that weaker
     * fact is checked too.)
     */
    @Test
    void anInputSymmetricUnderEveryTransformGivesTheSameSample() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            TtaUNet tta = initialised(m, true);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray disc = radial(m, 32);
            for (Dihedral t : Dihedral.values()) {
                assertThat(TtaPixels.move(disc, t).toFloatArray()).containsExactly(disc.toFloatArray());
            }
            List<Dihedral> all = List.of(Dihedral.values());
            NDArray plain = tta.sample(ps, disc, all);
            for (int i = 1; i < all.size(); i++) {
                NDArray movedBack = TtaPixels.move(plain.get(0), TtaPixels.inverse(all.get(i)));
                assertThat(plain.get(i).toFloatArray()).as("%s", all.get(i))
                        .containsExactly(movedBack.toFloatArray(), within(1e-6f));
            }
            symmetriseKernels(tta);
            NDArray samples = tta.sample(ps, disc, all);
            for (int i = 1; i < all.size(); i++) {
                assertThat(samples.get(i).toFloatArray()).as("%s", all.get(i))
                        .containsExactly(samples.get(0).toFloatArray(), within(1e-5f));
            }
        }
    }

    /** With an equivariant network, mapping back undoes the transform exactly, for any input. */
    @Test
    void anEquivariantNetworkGivesTheSameSampleUnderEveryTransformOfAnyInput() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(6);
            TtaUNet tta = initialised(m, true);
            symmetriseKernels(tta);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray images = m.randomUniform(0f, 1f, new Shape(2, 1, 32, 32));
            List<Dihedral> all = List.of(Dihedral.values());
            NDArray samples = tta.sample(ps, images, all);
            for (int i = 1; i < all.size(); i++) {
                assertThat(samples.get(i).toFloatArray()).as("%s", all.get(i))
                        .containsExactly(samples.get(0).toFloatArray(), within(1e-5f));
            }
            // and the samples still depend on the input: the two images are not predicted alike
            assertThat(samples.get(0).get(0).toFloatArray()).isNotEqualTo(samples.get(0).get(1).toFloatArray());
        }
    }

    @Test
    void nonSquareImagesAreSampledUnderTheFourFlipsOnly() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(8);
            TtaUNet tta = initialised(m, true);
            SoftmaxUNet softmax = sameWeights(m, tta);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray images = m.randomUniform(0f, 1f, new Shape(2, 1, 32, 48));
            List<Dihedral> drawn = tta.draw(m, images.getShape(), 40);
            assertThat(EnumSet.copyOf(drawn)).isEqualTo(FLIPS);
            NDArray probs = tta.sampleProbabilities(ps, images, 10);
            assertThat(probs.getShape()).isEqualTo(new Shape(10, 2, 2, 32, 48));
            List<float[]> flipped = new ArrayList<>();
            for (Dihedral t : FLIPS) {
                flipped.add(softmaxUnder(softmax, ps, images, t).toFloatArray());
            }
            for (int i = 0; i < 10; i++) {
                float[] sample = probs.get(i).toFloatArray();
                double nearest = flipped.stream().mapToDouble(f -> maxAbsDifference(sample, f)).min().orElseThrow();
                assertThat(nearest).as("sample %d against the nearest of the four flips' predictions", i)
                        .isLessThan(1e-5);
            }
        }
    }

    @Test
    void itTrainsExactlyLikeTheSoftmaxUNet() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            TtaUNet tta = initialised(m, true);
            SoftmaxUNet softmax = sameWeights(m, tta);
            ParameterStore ps = new ParameterStore(m, false);
            Batch batch = new Batch(m, TinySamples.squares(4, 32, 3, 4), new int[] {0, 2, 1, 0});
            assertThat(tta.loss(ps, batch, false).total().getFloat())
                    .isEqualTo(softmax.loss(ps, batch, false).total().getFloat());
        }
        TtaUNet.Factory tta = new TtaUNet.Factory();
        SoftmaxUNet.Factory softmax = new SoftmaxUNet.Factory();
        for (Preset p : Preset.all()) {
            ModelDefaults<TtaUNet.Settings> own = tta.defaults(p);
            ModelDefaults<SoftmaxUNet.Settings> base = softmax.defaults(p);
            assertThat(own.learningRate()).as(p.name()).isEqualTo(base.learningRate());
            assertThat(own.maxEpochs()).as(p.name()).isEqualTo(base.maxEpochs());
            assertThat(own.patience()).as(p.name()).isEqualTo(base.patience());
        }
    }

    @Test
    void rotationsFollowThePresetsAugmentationAndSetTheDistinctSamples() throws Exception {
        TtaUNet.Factory f = new TtaUNet.Factory();
        assertThat(f.defaults(Preset.LIDC).settings().rotations()).isTrue();
        assertThat(f.defaults(Preset.ISIC).settings().rotations()).isTrue();
        assertThat(f.defaults(Preset.DEMO).settings().rotations()).as("the demo trains with flips only").isFalse();
        assertThat(new TtaUNet(TINY, null, true).distinctSamples()).isEqualTo(8);
        assertThat(new TtaUNet(TINY, null, false).distinctSamples()).isEqualTo(4);
        // more than one distinct sample: active learning's BALD (mutual information) is defined for it
        for (Preset p : Preset.all()) {
            assertThat(f.create(TINY, null, f.defaults(p).settings()).distinctSamples()).isGreaterThan(1);
        }
        assertThat(f.with(new TtaUNet.Settings(true), java.util.Map.of("rotations", false)).rotations()).isFalse();
        String json = Json.MAPPER.writeValueAsString(new TtaUNet.Settings(false));
        assertThat(Json.MAPPER.readTree(json).get("name").asText()).isEqualTo("tta");
        assertThat(Json.MAPPER.readTree(json).get("rotations").asBoolean(true)).isFalse();
        assertThat(Json.MAPPER.readValue(json, ModelSettings.class)).isEqualTo(new TtaUNet.Settings(false));
    }

    private static double maxAbsDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    /** A 1 x 1 x n x n bump that depends only on the distance to the centre: the same under all eight symmetries. */
    private static NDArray radial(NDManager m, int n) {
        float[] v = new float[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int dy = 2 * y - (n - 1);
                int dx = 2 * x - (n - 1);
                v[y * n + x] = (float) Math.exp(-(dy * dy + dx * dx) / 400.0);
            }
        }
        return m.create(v, new Shape(1, 1, n, n));
    }

    /**
     * Replaces every k x k kernel (k > 1) by its mean over the eight symmetries, which makes the U-Net equivariant:
     * zero padding, 2 x 2 average pooling of even sizes, aligned-corner upsampling, batch norm and ReLU all commute
     * with flips and transposes.
     */
    private static void symmetriseKernels(TtaUNet tta) {
        for (Pair<String, Parameter> p : tta.block().getParameters()) {
            NDArray w = p.getValue().getArray();
            Shape s = w.getShape();
            if (p.getValue().getType() != Parameter.Type.WEIGHT || s.dimension() != 4 || s.get(2) != s.get(3)
                    || s.get(2) == 1) {
                continue;
            }
            NDArray sum = w.zerosLike();
            for (Dihedral t : Dihedral.values()) {
                sum = sum.add(TtaPixels.move(w, t));
            }
            w.set(FloatBuffer.wrap(sum.div(8).toFloatArray()));
        }
    }
}
