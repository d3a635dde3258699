package dev.penumbra.model;

import java.util.Map;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.penumbra.nn.UNetConfig;

/**
 * The deterministic U-Net: one softmax output, so every "sample" is the same coherent argmax mask.
 * Trained on the annotator drawn for each image at each step.
 */
public final class SoftmaxUNet extends SingleUNet {

    /** @param classWeights C weights for the cross-entropy, or null */
    public SoftmaxUNet(UNetConfig config, float[] classWeights) {
        super("softmax", config.withDropout(0), classWeights);
    }

    @Override
    public int distinctSamples() {
        return 1;
    }

    @Override
    public NDArray sampleProbabilities(ParameterStore ps, NDArray images, int n) {
        NDArray probs = net.forward(ps, new NDList(images), false).singletonOrThrow().softmax(1);
        Shape s = probs.getShape();
        return probs.expandDims(0).broadcast(new Shape(n, s.get(0), s.get(1), s.get(2), s.get(3)));
    }

    /** The softmax U-Net has no settings of its own. */
    public record Settings() implements ModelSettings {
    }

    /** Registers the softmax U-Net: the paper's optimiser settings per preset. */
    public static final class Factory extends AbstractModelFactory<Settings> {

        public Factory() {
            super("softmax", "deterministic softmax U-Net: one coherent argmax mask", Settings.class, Map.of(
                    "lidc", new ModelDefaults<>(1e-4f, 60, 10, new Settings()),
                    "isic", new ModelDefaults<>(1e-4f, 150, 10, new Settings()),
                    "demo", new ModelDefaults<>(2e-3f, 30, 0, new Settings())));
        }

        @Override
        public ProbabilisticSegmenter create(UNetConfig backbone, float[] classWeights, Settings settings) {
            return new SoftmaxUNet(backbone, classWeights);
        }
    }
}
