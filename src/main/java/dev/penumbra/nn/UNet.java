package dev.penumbra.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.List;

/**
 * The U-Net backbone of all four models (PROTOCOL.md): one encoder block per filter level (2x2 average pooling before
 * every block but the first), one decoder block per level but the deepest (bilinear x2 upsampling with aligned
 * corners of the deeper map, concatenated with the skip), then optionally channel dropout and a 1x1 convolution to
 * the C classes. Without a head it returns the last decoder's features (the Probabilistic U-Net's fcomb input).
 */
public final class UNet extends AbstractBlock {

    private final UNetConfig config;
    private final boolean withHead;
    private final List<ConvBlock> encoders = new ArrayList<>();
    private final List<ConvBlock> decoders = new ArrayList<>();
    private final ChannelDropout headDropout;
    private final Block head;

    public UNet(UNetConfig config, boolean withHead) {
        this.config = config;
        this.withHead = withHead;
        List<Integer> f = config.filters();
        for (int i = 0; i < f.size(); i++) {
            encoders.add(addChildBlock("enc" + i, block(f.get(i), i == 0 ? config.firstBlockDropout()
                    : config.dropout())));
        }
        // decoders[j] produces the level-j resolution; built deepest-last so names read enc0.. dec0..
        for (int j = 0; j < f.size() - 1; j++) {
            decoders.add(addChildBlock("dec" + j, block(f.get(j), config.dropout())));
        }
        if (withHead) {
            headDropout = addChildBlock("headDropout", new ChannelDropout(config.dropout()));
            head = addChildBlock("head", ConvBlock.conv(config.classes(), 1));
        } else {
            headDropout = null;
            head = null;
        }
        // He initialisation for the ReLU convolutions (PyTorch's kaiming family), zero biases.
        setInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
                XavierInitializer.FactorType.IN, 2), Parameter.Type.WEIGHT);
    }

    private ConvBlock block(int filters, double dropout) {
        return new ConvBlock(filters, config.convsPerBlock(), config.batchNorm(), dropout, config.residual());
    }

    public UNetConfig config() {
        return config;
    }

    /** Encoder block {@code level} (0 = the block that sees the input image), for tests and diagnostics. */
    public ConvBlock encoder(int level) {
        return encoders.get(level);
    }

    /**
     * @param ps     the parameters; a {@link PrecisionStore} computes the network in its precision
     * @param inputs one array, N x C_in x H x W float32, H and W divisible by {@link UNetConfig#sizeDivisor()}
     * @return N x C x H x W class logits (with head) or N x filters[0] x H x W features (without), float32
     */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        List<NDArray> skips = new ArrayList<>();
        NDArray x = PrecisionStore.toCompute(ps, inputs.singletonOrThrow());
        for (int i = 0; i < encoders.size(); i++) {
            if (i > 0) {
                x = Pool.avgPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, true);
            }
            x = encoders.get(i).forward(ps, new NDList(x), training).singletonOrThrow();
            skips.add(x);
        }
        for (int j = decoders.size() - 1; j >= 0; j--) {
            NDArray up = BilinearUpsample.upsample2x(ps, x);
            x = decoders.get(j).forward(ps, new NDList(up.concat(skips.get(j), 1)), training).singletonOrThrow();
        }
        if (!withHead) {
            return new NDList(PrecisionStore.toFloat32(ps, x));
        }
        x = headDropout.forward(ps, new NDList(x), training).singletonOrThrow();
        return new NDList(PrecisionStore.toFloat32(ps, ConvBlock.convolve(ps, head, x, training)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return Shapes.outputWithChannels(inputShapes, withHead ? config.classes() : config.filters().get(0));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        long n = in.get(0);
        long h = in.get(2);
        long w = in.get(3);
        List<Integer> f = config.filters();
        long channels = in.get(1);
        for (int i = 0; i < encoders.size(); i++) {
            encoders.get(i).initialize(manager, dataType, new Shape(n, channels, h >> i, w >> i));
            channels = f.get(i);
        }
        for (int j = decoders.size() - 1; j >= 0; j--) {
            decoders.get(j).initialize(manager, dataType, new Shape(n, channels + f.get(j), h >> j, w >> j));
            channels = f.get(j);
        }
        if (withHead) {
            Shape features = new Shape(n, channels, h, w);
            headDropout.initialize(manager, dataType, features);
            head.initialize(manager, dataType, features);
        }
    }
}
