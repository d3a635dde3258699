package dev.penumbra.model;

import ai.djl.nn.Block;

/**
 * What every model holds: its registered name, its network (the block the trainer initialises, updates and saves),
 * the number of classes C it predicts and the cross-entropy's class weights.
 *
 * @param <B> the network's type, which the model's loss and sampling call into
 */
abstract class AbstractSegmenter<B extends Block> implements ProbabilisticSegmenter {

    /** The model's network. */
    final B net;
    private final String name;
    private final int classes;
    private final float[] classWeights;

    /**
     * @param name         the model's registered name
     * @param net          its network
     * @param classes      C, the classes of the network's output
     * @param classWeights C weights for the cross-entropy, or null (copied)
     */
    AbstractSegmenter(String name, B net, int classes, float[] classWeights) {
        this.name = name;
        this.net = net;
        this.classes = classes;
        this.classWeights = classWeights == null ? null : classWeights.clone();
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Block block() {
        return net;
    }

    @Override
    public final int classes() {
        return classes;
    }

    /** C weights for the cross-entropy, or null for 1 each; not to be changed. */
    final float[] classWeights() {
        return classWeights;
    }
}
