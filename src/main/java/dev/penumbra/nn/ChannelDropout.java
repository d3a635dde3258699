package dev.penumbra.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Dropout2d: zeroes whole channels with probability p and scales the rest by 1 / (1 - p).
 *
 * <p>It is applied whether or not the forward pass is a training pass. DJL's {@code Dropout} and {@code BatchNorm}
 * read one {@code training} flag, so Monte-Carlo dropout with batch norm in inference mode needs a dropout that
 * ignores the flag: the model runs inference forwards (running batch-norm statistics, untouched) and still samples.
 * With p = 0 it is the identity. It sits inside the convolutional trunk: its input is in the precision of the
 * parameter store it is given, and so is its mask.
 */
public final class ChannelDropout extends AbstractBlock {

    private final float p;

    /** @param p probability of dropping a channel, in [0, 1) */
    public ChannelDropout(double p) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
        }
        this.p = (float) p;
    }

    public float probability() {
        return p;
    }

    /** @return the input (N x C x H x W) with whole channels dropped */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        if (p == 0f) {
            return new NDList(x);
        }
        Shape s = x.getShape();
        NDArray keep = x.getManager().randomUniform(0f, 1f, new Shape(s.get(0), s.get(1), 1, 1), DataType.FLOAT32)
                .gte(p).toType(DataType.FLOAT32, false).div(1f - p);
        return new NDList(x.mul(PrecisionStore.toCompute(ps, keep)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
