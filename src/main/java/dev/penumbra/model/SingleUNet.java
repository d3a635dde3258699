package dev.penumbra.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import dev.penumbra.nn.UNet;
import dev.penumbra.nn.UNetConfig;

/**
 * The part shared by the models that are one U-Net with a head (the softmax U-Net and MC-Dropout): the network and
 * the cross-entropy against the annotator drawn for each image. They differ only in how they sample.
 */
abstract class SingleUNet extends AbstractSegmenter<UNet> {

    /**
     * @param name         the model's registered name
     * @param classWeights C weights for the cross-entropy, or null
     */
    SingleUNet(String name, UNetConfig config, float[] classWeights) {
        super(name, new UNet(config, true), config.classes(), classWeights);
    }

    @Override
    public Loss loss(ParameterStore ps, Batch batch, boolean training) {
        NDArray logits = net.forward(ps, new NDList(batch.images()), training).singletonOrThrow();
        return Loss.of(CrossEntropy.loss(logits, batch.drawnLabels(), classWeights()));
    }
}
