package dev.penumbra.nn;


import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.List;

/**
 * One U-Net block: [batch norm] -> channel dropout (p) -> n x (3x3 convolution, padding 1, ReLU), with an optional
 * residual skip (1x1 projection of the block input added to the output). Pooling and upsampling are the U-Net's.
 */
public final class ConvBlock extends AbstractBlock {

    private final int filters;
    private final Block norm;
    private final ChannelDropout dropout;
    private final List<Block> convs = new ArrayList<>();
    private final Block projection;

    public ConvBlock(int filters, int convolutions, boolean batchNorm, double dropoutP, boolean residual) {
        this.filters = filters;
        this.norm = batchNorm ? addChildBlock("norm", BatchNorm.builder().build()) : null;
        this.dropout = addChildBlock("dropout", new ChannelDropout(dropoutP));
        for (int i = 0; i < convolutions; i++) {
            convs.add(addChildBlock("conv" + i, conv(filters, 3)));
        }
        this.projection = residual ? addChildBlock("projection", conv(filters, 1)) : null;
    }

    static Conv2d conv(int filters, int kernel) {
        return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel))
                .optPadding(new Shape(kernel / 2, kernel / 2)).build();
    }

    /**
     * @return N x filters x H x W for an input of N x C x H x W
     */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList h = inputs;
        if (norm != null) {
            h = norm.forward(ps, h, training);
        }
        h = dropout.forward(ps, h, training);
        NDList out = h;
        for (Block conv : convs) {
            out = new NDList(Activation.relu(convolve(ps, conv, out.singletonOrThrow(), training)));
        }
        if (projection != null) {
            out = new NDList(out.singletonOrThrow().add(convolve(ps, projection, h.singletonOrThrow(), training)));
        }
        return out;
    }

    /**
     * A convolution of {@link #conv}'s kind (stride 1, padding k / 2) in the precision of {@code ps}: the block's
     * own forward in fp32; in bf16 the same convolution of bf16 {@code x} with the weight and bias converted.
     *
     * @param x N x C x H x W, in the precision of {@code ps}
     * @return N x filters x H x W, in the precision of {@code ps}
     */
    static NDArray convolve(ParameterStore ps, Block conv, NDArray x, boolean training) {
        if (!(ps instanceof PrecisionStore store) || PrecisionStore.precision(ps) == Precision.FP32) {
            return conv.forward(ps, new NDList(x), training).singletonOrThrow();
        }
        NDArray weight = store.computeValue(conv.getParameters().get("weight"), x.getManager(), training);
        NDArray bias = store.computeValue(conv.getParameters().get("bias"), x.getManager(), training);
        long k = weight.getShape().get(2);
        return Conv2d.conv2d(x, weight, bias, new Shape(1, 1), new Shape(k / 2, k / 2)).singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return Shapes.outputWithChannels(inputShapes, filters);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] shape = inputShapes;
        if (norm != null) {
            norm.initialize(manager, dataType, shape);
        }
        dropout.initialize(manager, dataType, shape);
        Shape[] blockInput = shape;
        for (Block conv : convs) {
            conv.initialize(manager, dataType, shape);
            shape = conv.getOutputShapes(shape);
        }
        if (projection != null) {
            projection.initialize(manager, dataType, blockInput);
        }
    }

    /** The dropout of this block, for tests and for models that need to know whether they sample. */
    public ChannelDropout dropout() {
        return dropout;
    }

}
