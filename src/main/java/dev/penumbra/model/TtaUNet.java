package dev.penumbra.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.penumbra.config.Preset;
import dev.penumbra.nn.UNetConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-time augmentation (TTA): the softmax U-Net, trained exactly as {@link SoftmaxUNet} (same network, same
 * cross-entropy against the annotator drawn per image, same optimiser schedule per preset), sampled under random
 * symmetries of the image. Sample i draws one transform t_i uniformly from a fixed group, runs the network on
 * t_i(x) and maps the class probabilities back to the input's frame: p_i = t_i^-1(softmax(f(t_i(x)))). The spread of
 * the p_i is how much the prediction depends on the view of the image.
 *
 * <p><b>Which transforms.</b> The exactly invertible part of the training augmentation: mirrors and quarter turns
 * ({@link Dihedral}), which move pixels without interpolation, so the inverse is exact and needs no resampling of
 * the probabilities. With {@link Settings#rotations()} the group is all eight symmetries of the square; without, the
 * four flips (identity, left-right, top-bottom, half turn). Quarter turns map only a square frame onto itself: on a
 * <b>non-square</b> image this model uses the four flips whatever the setting (the training augmentation turns
 * such an image inside its own frame and cuts the corners off, which no test-time transform can undo). The
 * affine part of the training augmentation (other angles, shifts with zero fill, scale, shear) is left out for the
 * same reason: its inverse resamples and loses the border.
 *
 * <p><b>Definitions this follows.</b> MONAI's {@code TestTimeAugmentation} (after Wang et al., Neurocomputing 2019)
 * runs the same image through the network under independent realisations of the random, invertible training
 * transforms, inverts each output into the original frame and summarises the stack (mean, mode, standard
 * deviation); here each of the n samples is one such realisation. The ValUES framework (Kahl et al., ICLR 2024)
 * enumerates every flip combination (in 2-D the horizontal flip, in 3-D all axis flips) on the clean image and on
 * one Gaussian-noise copy, flips each softmax back and treats the set as samples for predictive entropy, expected
 * entropy and mutual information. This model draws at random like MONAI, so n is free and the samples are i.i.d.
 * like the other models', and draws from the flip (and quarter-turn) group like ValUES; it adds no noise copy,
 * because noise is not part of Penumbra's training augmentation.
 *
 * <p><b>Randomness.</b> The transforms are drawn with {@link NDManager#randomInteger}, so they follow DJL's engine
 * seed like every other random choice at sampling time (the ensemble's member picks, MC-Dropout's masks). Each
 * distinct transform drawn runs the network once on the whole batch, so n samples cost at most 8 forward passes.
 */
public final class TtaUNet extends SingleUNet {

    private final boolean rotations;

    /**
     * @param classWeights C weights for the cross-entropy, or null
     * @param rotations    whether square images are also sampled under quarter turns and diagonal mirrors
     */
    public TtaUNet(UNetConfig config, float[] classWeights, boolean rotations) {
        super("tta", config.withDropout(0), classWeights);
        this.rotations = rotations;
    }

    /** 8 with rotations (on square images; non-square images get 4), else 4. */
    @Override
    public int distinctSamples() {
        return rotations ? 8 : 4;
    }

    /**
     * @param images B x C_in x H x W, floats in [0, 1]
     * @return n x B x C x H x W class probabilities, sample i under the transform drawn for it, mapped back
     */
    @Override
    public NDArray sampleProbabilities(ParameterStore ps, NDArray images, int n) {
        return sample(ps, images, draw(images.getManager(), images.getShape(), n));
    }

    /**
     * Draws the transforms of n samples uniformly from the group that fits the image frame (see
     * {@link Dihedral#group}), through DJL's engine random generator.
     *
     * @param imageShape B x C_in x H x W
     */
    List<Dihedral> draw(NDManager manager, Shape imageShape, int n) {
        List<Dihedral> group = Dihedral.group(rotations, imageShape.get(2), imageShape.get(3));
        long[] picks = manager.randomInteger(0, group.size(), new Shape(n), DataType.INT64).toLongArray();
        List<Dihedral> drawn = new ArrayList<>(n);
        for (long k : picks) {
            drawn.add(group.get((int) k));
        }
        return drawn;
    }

    /**
     * The samples under given transforms; the network runs once per distinct transform.
     *
     * @param images B x C_in x H x W
     * @param drawn  the transform of each sample, n in all; transforms that swap axes need H = W
     * @return n x B x C x H x W
     */
    NDArray sample(ParameterStore ps, NDArray images, List<Dihedral> drawn) {
        Map<Dihedral, Integer> slot = new LinkedHashMap<>();
        NDList distinct = new NDList();
        long[] index = new long[drawn.size()];
        for (int i = 0; i < drawn.size(); i++) {
            Dihedral t = drawn.get(i);
            Integer s = slot.get(t);
            if (s == null) {
                s = distinct.size();
                slot.put(t, s);
                distinct.add(predictUnder(ps, images, t));
            }
            index[i] = s;
        }
        NDArray stacked = NDArrays.stack(distinct); // K x B x C x H x W, K distinct transforms
        return stacked.get(images.getManager().create(index));
    }

    /** @return B x C x H x W: t^-1(softmax(f(t(images)))) */
    private NDArray predictUnder(ParameterStore ps, NDArray images, Dihedral t) {
        Shape s = images.getShape();
        if (t.swapsAxes() && s.get(2) != s.get(3)) {
            throw new IllegalArgumentException(t + " needs a square image, got " + s.get(2) + "x" + s.get(3));
        }
        NDArray probs = Sampling.chunked(x -> net.forward(ps, x, false).singletonOrThrow().softmax(1),
                t.apply(images));
        return t.invert(probs);
    }

    /**
     * @param rotations whether square images are also sampled under quarter turns and diagonal mirrors (8
     *                  transforms instead of the 4 flips); the default follows the preset's training augmentation
     */
    public record Settings(boolean rotations) implements ModelSettings {
    }

    /**
     * Registers TTA: the softmax U-Net's optimiser schedule per preset (taken from {@link SoftmaxUNet.Factory}, so
     * the two stay trained alike), rotations on where the preset's training augmentation turns images by 90 degrees
     * or more (lidc and isic, the paper's +-180) and off where it only flips them (demo).
     */
    public static final class Factory extends AbstractModelFactory<Settings> {

        /** Turns this large are inside the training augmentation, so quarter turns are too. */
        private static final double QUARTER_TURN_DEG = 90;

        private final SoftmaxUNet.Factory softmax = new SoftmaxUNet.Factory();

        public Factory() {
            super("tta", "test-time augmentation of the softmax U-Net: a sample is its prediction under a random"
                    + " flip or quarter turn, mapped back", Settings.class, Map.of());
        }

        @Override
        public ModelDefaults<Settings> defaults(Preset preset) {
            ModelDefaults<SoftmaxUNet.Settings> schedule = softmax.defaults(preset);
            boolean rotations = preset.augmentation().maxRotationDeg() >= QUARTER_TURN_DEG;
            return new ModelDefaults<>(schedule.learningRate(), schedule.maxEpochs(), schedule.patience(),
                    new Settings(rotations));
        }

        @Override
        public List<ModelOption<Settings, ?>> options() {
            return List.of(ModelOption.flag("rotations", "sample square images also under quarter turns and"
                    + " diagonal mirrors (8 transforms); --no-rotations keeps the 4 flips, as non-square images"
                    + " always do", Settings::rotations, (s, on) -> new Settings(on)));
        }

        @Override
        public ProbabilisticSegmenter create(UNetConfig backbone, float[] classWeights, Settings settings) {
            return new TtaUNet(backbone, classWeights, settings.rotations());
        }
    }
}
