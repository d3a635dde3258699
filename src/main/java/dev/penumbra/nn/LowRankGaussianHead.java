package dev.penumbra.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;

/**
 * The Stochastic Segmentation Network's heads: three 1x1 convolutions of the U-Net's last features giving the mean
 * of the logits, the R columns of their low-rank covariance factor and the log of their diagonal variance, which
 * becomes exp(.) + epsilon (as both of the authors' implementations do).
 *
 * <p>Initialisation: the mean head is He-initialised like the U-Net's convolutions; the factor and log-diagonal
 * heads start with zero weights (all biases start at zero), so training starts from P = 0 and D = 1 + epsilon:
 * independent unit noise on every logit, which makes no coherent sample, and P grows only where the labels ask for
 * coherent variation. The authors' LIDC code He-initialises all three heads (he_normal), their BraTS code uses
 * PyTorch's default; with all three He-initialised the demo run (see {@code StochasticSegmentationNetwork.Factory})
 * began with a large P shared by the flat background and ended with samples that turned the whole image to
 * foreground.
 */
public final class LowRankGaussianHead extends AbstractBlock {

    private final int classes;
    private final int rank;
    private final float epsilon;
    private final Block mean;
    private final Block factor;
    private final Block logDiag;

    /**
     * @param classes C
     * @param rank    R, columns of the covariance factor
     * @param epsilon added to the diagonal variance so that it stays positive
     */
    public LowRankGaussianHead(int classes, int rank, double epsilon) {
        this.classes = classes;
        this.rank = rank;
        this.epsilon = (float) epsilon;
        this.mean = addChildBlock("mean", ConvBlock.conv(classes, 1));
        this.factor = addChildBlock("factor", ConvBlock.conv(classes * rank, 1));
        this.logDiag = addChildBlock("logDiag", ConvBlock.conv(classes, 1));
        setInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
                XavierInitializer.FactorType.IN, 2), Parameter.Type.WEIGHT);
        this.factor.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
        this.logDiag.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
    }

    /**
     * @param inputs features B x F x H x W
     * @return mean B x C x H x W, factor B x R x C x H x W and diagonal variance B x C x H x W (see
     *         {@link LowRankGaussian})
     */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray f = inputs.singletonOrThrow();
        Shape s = f.getShape();
        NDArray mu = mean.forward(ps, inputs, training).singletonOrThrow();
        NDArray p = factor.forward(ps, inputs, training).singletonOrThrow()
                .reshape(s.get(0), rank, classes, s.get(2), s.get(3));
        NDArray d = logDiag.forward(ps, inputs, training).singletonOrThrow().exp().add(epsilon);
        return new NDList(mu, p, d);
    }

    /** The three outputs of {@link #forwardInternal} as a distribution. */
    public static LowRankGaussian gaussian(NDList outputs) {
        return new LowRankGaussian(outputs.get(0), outputs.get(1), outputs.get(2));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        Shape map = Shapes.withChannels(s, classes);
        return new Shape[] {map, new Shape(s.get(0), rank, classes, s.get(2), s.get(3)), map};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        mean.initialize(manager, dataType, inputShapes);
        factor.initialize(manager, dataType, inputShapes);
        logDiag.initialize(manager, dataType, inputShapes);
    }
}
