package dev.penumbra.model;

import java.util.Map;
import java.util.List;
import dev.penumbra.config.Preset;
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
        super("mcdropout", requireDropout(config), classWeights);
    }

    private static UNetConfig requireDropout(UNetConfig config) {
        if (config.dropout() <= 0) {
            throw new InputException("mcdropout needs --dropout in (0, 1), got " + config.dropout()
                    + "; the paper uses 0.5");
        }
        return config;
    }

    @Override
    public NDArray sampleProbabilities(ParameterStore ps, NDArray images, int n) {
        Shape s = images.getShape();
        NDArray repeated = Sampling.repeat(images, n);
        NDArray probs = Sampling.chunked(x -> net.forward(ps, x, false).singletonOrThrow().softmax(1), repeated);
        return probs.reshape(n, s.get(0), classes(), s.get(2), s.get(3));
    }

    /**
     * @param dropout      channel-dropout probability p in (0, 1) in every block and before the head (0.5 in the
     *                     paper)
     * @param inputDropout whether the first block's dropout acts on the input image itself, as published
     */
    public record Settings(double dropout, boolean inputDropout) implements ModelSettings {

        public Settings {
            if (!(dropout > 0 && dropout < 1)) {
                throw new InputException("mcdropout needs --dropout in (0, 1), got " + dropout
                        + "; the paper uses 0.5");
            }
        }
    }

    /**
     * Registers MC-Dropout. LIDC keeps the input image (measured: see {@link Preset#LIDC}); ISIC keeps the
     * published block; the demo uses p = 0.1 without input dropout (see {@link Preset#DEMO}).
     */
    public static final class Factory extends AbstractModelFactory<Settings> {

        public Factory() {
            super("mcdropout", "MC-Dropout U-Net: a sample is one forward pass with dropout on", Settings.class,
                    Map.of("lidc", new ModelDefaults<>(1e-4f, 100, 10, new Settings(0.5, false)),
                            "isic", new ModelDefaults<>(1e-5f, 700, 100, new Settings(0.5, true)),
                            "demo", new ModelDefaults<>(2e-3f, 30, 0, new Settings(0.1, false))));
        }

        @Override
        public List<ModelOption<Settings, ?>> options() {
            return List.of(
                    ModelOption.real("dropout", "P", "channel-dropout probability in (0, 1)", Settings::dropout,
                            (s, p) -> new Settings(p, s.inputDropout()), true),
                    ModelOption.flag("input-dropout", "drop channels of the input image in the first block, as"
                            + " the published code does; --no-input-dropout drops only features",
                            Settings::inputDropout, (s, on) -> new Settings(s.dropout(), on)));
        }

        @Override
        public ProbabilisticSegmenter create(UNetConfig backbone, float[] classWeights, Settings settings) {
            return new McDropoutUNet(backbone.withDropout(settings.dropout(), settings.inputDropout()),
                    classWeights);
        }
    }
}
