package dev.penumbra.nn;

import ai.djl.ndarray.types.Shape;

/** Shapes of image batches, B x C x H x W. */
public final class Shapes {

    private Shapes() {
    }

    /**
     * @param images   B x C x H x W
     * @param channels C', the new channel count
     * @return B x C' x H x W
     */
    public static Shape withChannels(Shape images, long channels) {
        return new Shape(images.get(0), channels, images.get(2), images.get(3));
    }

    /** {@link #withChannels} as the one-element array that {@code getOutputShapes} returns. */
    public static Shape[] outputWithChannels(Shape[] inputShapes, long channels) {
        return new Shape[] {withChannels(inputShapes[0], channels)};
    }
}
