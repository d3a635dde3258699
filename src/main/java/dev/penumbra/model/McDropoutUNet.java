package dev.penumbra.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.penumbra.InputException;
import dev.penumbra.nn.UNetConfig;

/**
 * MC-Dropout: the U-Net with channel dropout p in every block and before the head, kept on when sampling while
 * batch norm uses its running statistics (an inference-mode forward whose dropout ignores the mode). Each sample is
 * one stochastic forward pass; the n passes run as batches of n x B images, in chunks that bound memory.
 */
public final class McDropoutUNet extends SingleUNet {

    public McDropoutUNet(UNetConfig config, float[] classWeights) {
        super(requireDropout(config), classWeights);
    }

    private static UNetConfig requireDropout(UNetConfig config) {
        if (config.dropout() <= 0) {
            throw new InputException("mcdropout needs --dropout in (0, 1), got " + config.dropout()
                    + "; the paper uses 0.5");
        }
        return config;
    }

    @Override
    public String name() {
        return "mcdropout";
    }

    @Override
    public int distinctSamples() {
        return UNBOUNDED;
    }

    @Override
    public NDArray sampleProbabilities(ParameterStore ps, NDArray images, int n) {
        Shape s = images.getShape();
        NDArray repeated = Sampling.repeat(images, n);
        NDArray probs = Sampling.chunked(x -> unet.forward(ps, x, false).singletonOrThrow().softmax(1), repeated);
        return probs.reshape(n, s.get(0), classes(), s.get(2), s.get(3));
    }
}
