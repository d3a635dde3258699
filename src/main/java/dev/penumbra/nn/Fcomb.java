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
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.List;

/**
 * The Probabilistic U-Net's "fcomb": the latent sample z is broadcast over the image, concatenated with the
 * U-Net's last features, and mapped to class logits by 3 x (1x1 convolution + ReLU) and a final 1x1 convolution.
 */
public final class Fcomb extends AbstractBlock {

    private static final int HIDDEN_LAYERS = 3;

    private final List<Block> hidden = new ArrayList<>();
    private final Block out;
    private final int width;
    private final int classes;

    /**
     * @param features  channels of the U-Net features F
     * @param latentDim dimensions of z
     * @param classes   output classes C
     */
    public Fcomb(int features, int latentDim, int classes) {
        this.width = features + latentDim;
        this.classes = classes;
        for (int i = 0; i < HIDDEN_LAYERS; i++) {
            hidden.add(addChildBlock("conv" + i, ConvBlock.conv(width, 1)));
        }
        out = addChildBlock("out", ConvBlock.conv(classes, 1));
        setInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
                XavierInitializer.FactorType.IN, 2), Parameter.Type.WEIGHT);
    }

    /**
     * @param inputs U-Net features N x F x H x W and latent samples N x latentDim
     * @return N x C x H x W class logits
     */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray features = inputs.get(0);
        NDArray z = inputs.get(1);
        Shape f = features.getShape();
        NDArray tiled = z.reshape(z.getShape().get(0), z.getShape().get(1), 1, 1)
                .broadcast(Shapes.withChannels(f, z.getShape().get(1)));
        NDArray x = features.concat(tiled, 1);
        for (Block conv : hidden) {
            x = Activation.relu(conv.forward(ps, new NDList(x), training).singletonOrThrow());
        }
        return out.forward(ps, new NDList(x), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return Shapes.outputWithChannels(inputShapes, classes);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape f = inputShapes[0];
        Shape in = Shapes.withChannels(f, width);
        for (Block conv : hidden) {
            conv.initialize(manager, dataType, in);
        }
        out.initialize(manager, dataType, in);
    }
}
