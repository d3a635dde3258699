package dev.penumbra.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.List;

/**
 * The prior or posterior net of the Probabilistic U-Net: an encoder like the U-Net's (one block per filter level,
 * 2x2 average pooling before all but the first), flattened, then fully connected 1032 -> 256 -> 64 units with
 * LeakyReLU, and two linear heads for the mean and the log standard deviation of an axis-aligned Gaussian.
 */
public final class GaussianEncoder extends AbstractBlock {

    /** Widths of the fully connected layers, as published. */
    static final int[] HIDDEN = {1032, 256, 64};
    private static final float LEAKY_SLOPE = 0.01f;

    private final List<ConvBlock> encoders = new ArrayList<>();
    private final List<Block> hidden = new ArrayList<>();
    private final Block mu;
    private final Block logSigma;
    private final int latentDim;

    /** @param config filters, convolutions, batch norm and dropout of the encoder blocks (its head is unused) */
    public GaussianEncoder(UNetConfig config, int latentDim) {
        this.latentDim = latentDim;
        for (int i = 0; i < config.levels(); i++) {
            encoders.add(addChildBlock("enc" + i, new ConvBlock(config.filters().get(i), config.convsPerBlock(),
                    config.batchNorm(), config.dropout(), config.residual())));
        }
        for (int i = 0; i < HIDDEN.length; i++) {
            hidden.add(addChildBlock("fc" + i, Linear.builder().setUnits(HIDDEN[i]).build()));
        }
        mu = addChildBlock("mu", Linear.builder().setUnits(latentDim).build());
        logSigma = addChildBlock("logSigma", Linear.builder().setUnits(latentDim).build());
        for (ConvBlock e : encoders) {
            e.setInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
                    XavierInitializer.FactorType.IN, 2), Parameter.Type.WEIGHT);
        }
        // PyTorch's default for linear layers, uniform in +-1/sqrt(fan_in), as in the published model. He
        // initialisation of the wide first layer (filters x H/8 x W/8 inputs) makes log sigma, and with it the KL
        // term, explode in the first steps.
        XavierInitializer torchDefault = new XavierInitializer(XavierInitializer.RandomType.UNIFORM,
                XavierInitializer.FactorType.IN, 1);
        for (Block fc : hidden) {
            fc.setInitializer(torchDefault, Parameter.Type.WEIGHT);
        }
        mu.setInitializer(torchDefault, Parameter.Type.WEIGHT);
        logSigma.setInitializer(torchDefault, Parameter.Type.WEIGHT);
    }

    /**
     * @param inputs one array, B x C x H x W float32; the convolutional encoder computes in the precision of ps
     * @return mean and log standard deviation, each B x latentDim, float32
     */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = PrecisionStore.toCompute(ps, inputs.singletonOrThrow());
        for (int i = 0; i < encoders.size(); i++) {
            if (i > 0) {
                x = Pool.avgPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, true);
            }
            x = encoders.get(i).forward(ps, new NDList(x), training).singletonOrThrow();
        }
        // the fully connected layers and the Gaussian's parameters are float32 in every precision
        x = PrecisionStore.toFloat32(ps, x).reshape(x.getShape().get(0), -1);
        for (Block fc : hidden) {
            x = Activation.leakyRelu(fc.forward(ps, new NDList(x), training).singletonOrThrow(), LEAKY_SLOPE);
        }
        NDList h = new NDList(x);
        return new NDList(mu.forward(ps, h, training).singletonOrThrow(),
                logSigma.forward(ps, h, training).singletonOrThrow());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long b = inputShapes[0].get(0);
        return new Shape[] {new Shape(b, latentDim), new Shape(b, latentDim)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = inputShapes[0];
        long b = s.get(0);
        long channels = s.get(1);
        long h = s.get(2);
        long w = s.get(3);
        for (int i = 0; i < encoders.size(); i++) {
            Shape in = new Shape(b, channels, h >> i, w >> i);
            encoders.get(i).initialize(manager, dataType, in);
            channels = encoders.get(i).getOutputShapes(new Shape[] {in})[0].get(1);
        }
        int last = encoders.size() - 1;
        Shape flat = new Shape(b, channels * (h >> last) * (w >> last));
        for (Block fc : hidden) {
            fc.initialize(manager, dataType, flat);
            flat = fc.getOutputShapes(new Shape[] {flat})[0];
        }
        mu.initialize(manager, dataType, flat);
        logSigma.initialize(manager, dataType, flat);
    }
}
