package dev.penumbra.model;

import java.util.List;
import dev.penumbra.config.Preset;
import dev.penumbra.InputException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.penumbra.nn.DiagonalGaussian;
import dev.penumbra.nn.Fcomb;
import dev.penumbra.nn.GaussianEncoder;
import dev.penumbra.nn.Shapes;
import dev.penumbra.nn.UNet;
import dev.penumbra.nn.UNetConfig;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Probabilistic U-Net (Kohl et al. 2018): a U-Net without head, a prior net p(z|x) and a posterior net
 * q(z|x, y) giving axis-aligned Gaussians over a low-dimensional latent z, and fcomb, which combines z with the
 * U-Net's last features. Training: cross-entropy with z drawn (reparameterised) from the posterior, plus
 * beta * KL(q || p). Sampling: U-Net features and prior are computed once per image; only fcomb runs per sample.
 *
 * <p>The published code computes KL(prior || posterior); we follow the paper and Kohl et al. with KL(q || p).
 * Validation loss uses z from the prior for the reconstruction term, as published. The loss reports its two
 * terms apart ({@link Loss#RECONSTRUCTION}, {@link Loss#KL}); KL is in nats per image, before beta.
 */
public final class ProbabilisticUNet extends AbstractSegmenter<ProbabilisticUNet.Net> {

    /** The published weight of the KL term. */
    public static final double PAPER_BETA = 0.0005;

    private final float beta;

    public ProbabilisticUNet(UNetConfig config, int latentDim, double beta, float[] classWeights) {
        super("punet", new Net(config.withDropout(0), latentDim), config.classes(), classWeights);
        this.beta = (float) beta;
    }

    @Override
    public Loss loss(ParameterStore ps, Batch batch, boolean training) {
        NDArray x = batch.images();
        NDArray labels = batch.drawnLabels();
        NDArray features = net.unet.forward(ps, new NDList(x), training).singletonOrThrow();
        DiagonalGaussian prior = gaussian(net.prior.forward(ps, new NDList(x), training));
        NDArray onehot = labels.squeeze(1).oneHot(classes(), DataType.FLOAT32).transpose(0, 3, 1, 2);
        DiagonalGaussian posterior = gaussian(net.posterior.forward(ps, new NDList(x.concat(onehot, 1)), training));
        NDArray z = training ? posterior.sample() : prior.sample();
        NDArray logits = net.fcomb.forward(ps, new NDList(features, z), training).singletonOrThrow();
        NDArray kl = posterior.klDivergence(prior).mean();
        NDArray reconstruction = CrossEntropy.loss(logits, labels, classWeights());
        Map<String, NDArray> terms = new LinkedHashMap<>();
        terms.put(Loss.RECONSTRUCTION, reconstruction);
        terms.put(Loss.KL, kl);
        return new Loss(reconstruction.add(kl.mul(beta)), terms);
    }

    @Override
    public NDArray sampleProbabilities(ParameterStore ps, NDArray images, int n) {
        Shape s = images.getShape();
        NDArray features = net.unet.forward(ps, new NDList(images), false).singletonOrThrow();
        DiagonalGaussian prior = gaussian(net.prior.forward(ps, new NDList(images), false));
        DiagonalGaussian repeated = new DiagonalGaussian(Sampling.repeat(prior.mu(), n),
                Sampling.repeat(prior.logSigma(), n));
        NDArray probs = Sampling.chunked(in -> net.fcomb.forward(ps, in, false).singletonOrThrow().softmax(1),
                Sampling.repeat(features, n), repeated.sample());
        return probs.reshape(n, s.get(0), classes(), s.get(2), s.get(3));
    }

    private static DiagonalGaussian gaussian(NDList muAndLogSigma) {
        return new DiagonalGaussian(muAndLogSigma.get(0), muAndLogSigma.get(1));
    }

    /** The four parts as one block, so that the training loop sees every parameter. */
    static final class Net extends AbstractBlock {

        final UNetConfig config;
        final UNet unet;
        final GaussianEncoder prior;
        final GaussianEncoder posterior;
        final Fcomb fcomb;

        Net(UNetConfig config, int latentDim) {
            this.config = config;
            this.unet = addChildBlock("unet", new UNet(config, false));
            this.prior = addChildBlock("prior", new GaussianEncoder(config, latentDim));
            this.posterior = addChildBlock("posterior", new GaussianEncoder(config, latentDim));
            this.fcomb = addChildBlock("fcomb", new Fcomb(config.filters().get(0), latentDim, config.classes()));
        }

        /** One sample per image with z from the prior: B x C x H x W logits. */
        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                         PairList<String, Object> params) {
            NDArray features = unet.forward(ps, inputs, training).singletonOrThrow();
            NDList p = prior.forward(ps, inputs, training);
            NDArray z = new DiagonalGaussian(p.get(0), p.get(1)).sample();
            return fcomb.forward(ps, new NDList(features, z), training);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return Shapes.outputWithChannels(inputShapes, config.classes());
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            Shape x = inputShapes[0];
            unet.initialize(manager, dataType, x);
            prior.initialize(manager, dataType, x);
            posterior.initialize(manager, dataType, Shapes.withChannels(x, x.get(1) + config.classes()));
            Shape features = unet.getOutputShapes(new Shape[] {x})[0];
            fcomb.initialize(manager, dataType, features, prior.getOutputShapes(new Shape[] {x})[0]);
        }
    }

    /**
     * @param latentDim latent dimensions (6 in the paper)
     * @param beta      weight of the KL term ({@value #PAPER_BETA} in the paper)
     */
    public record Settings(int latentDim, double beta) implements ModelSettings {

        public Settings {
            InputException.atLeast("--latent-dim", latentDim, 1);
            if (!(beta >= 0 && Double.isFinite(beta))) {
                throw new InputException("--beta must be at least 0, got " + beta);
            }
        }
    }

    /** Registers the Probabilistic U-Net; the demo's lr and beta are explained at {@link Preset#DEMO}. */
    public static final class Factory extends AbstractModelFactory<Settings> {

        public Factory() {
            super("punet", "Probabilistic U-Net (Kohl et al. 2018): a sample is fcomb with z from the prior",
                    Settings.class, Map.of(
                            "lidc", new ModelDefaults<>(1e-4f, 200, 10, new Settings(6, PAPER_BETA)),
                            "isic", new ModelDefaults<>(1e-5f, 1000, 100, new Settings(6, PAPER_BETA)),
                            "demo", new ModelDefaults<>(1e-3f, 30, 0, new Settings(6, 0.05))));
        }

        @Override
        public List<ModelOption<Settings, ?>> options() {
            return List.of(
                    ModelOption.count("latent-dim", "D", "latent dimensions", Settings::latentDim,
                            (s, d) -> new Settings(d, s.beta()), false),
                    ModelOption.real("beta", "B", "weight of the KL term", Settings::beta,
                            (s, b) -> new Settings(s.latentDim(), b), true));
        }

        @Override
        public ProbabilisticSegmenter create(UNetConfig backbone, float[] classWeights, Settings settings) {
            return new ProbabilisticUNet(backbone, settings.latentDim(), settings.beta(), classWeights);
        }
    }
}
