package dev.penumbra.data;

import java.nio.file.Path;

/**
 * An image without annotations, ready for a model: what {@code predict --images} predicts.
 *
 * @param id     the file name without its extension; the image's outputs go to {@code OUT/<id>/}
 * @param file   the file it was read from
 * @param height the file's own height in pixels, to which its outputs are resized back
 * @param width  the file's own width in pixels
 * @param image  C x H x W in [0, 1], resized (bilinear, as training images are) to the model's H x W
 */
public record UnannotatedImage(String id, Path file, int height, int width, Image image) {
}
