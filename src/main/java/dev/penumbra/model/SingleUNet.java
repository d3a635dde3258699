package dev.penumbra.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.penumbra.nn.UNet;
import dev.penumbra.nn.UNetConfig;

/**
 * The part shared by the models that are one U-Net with a head (the softmax U-Net and MC-Dropout): the network and
 * the cross-entropy against the annotator drawn for each image. They differ only in how they sample.
 */
abstract class SingleUNet implements ProbabilisticSegmenter {

    final UNet unet;
    private final float[] classWeights;

    /** @param classWeights C weights for the cross-entropy, or null */
    SingleUNet(UNetConfig config, float[] classWeights) {
        this.unet = new UNet(config, true);
        this.classWeights = classWeights == null ? null : classWeights.clone();
    }

    @Override
    public Block block() {
        return unet;
    }

    @Override
    public int classes() {
        return unet.config().classes();
    }

    @Override
    public Loss loss(ParameterStore ps, Batch batch, boolean training) {
        NDArray logits = unet.forward(ps, new NDList(batch.images()), training).singletonOrThrow();
        return Loss.of(CrossEntropy.loss(logits, batch.drawnLabels(), classWeights));
    }
}
