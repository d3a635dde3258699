package dev.penumbra.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.penumbra.data.Image;
import dev.penumbra.data.Mask;
import dev.penumbra.data.Sample;

import java.util.List;

/**
 * One training or validation batch: the images as a tensor and the annotations, from which a model takes the
 * labels it trains on (the annotator drawn for each image, or a fixed annotator for an ensemble member).
 */
public final class Batch {

    private final NDManager manager;
    private final List<Sample> samples;
    private final int[] drawnAnnotator;
    private final NDArray images;

    /**
     * @param manager        owns every array of this batch; close it after the step
     * @param samples        the B samples, all of one shape
     * @param drawnAnnotator for each sample, the annotator the loop drew for this step
     */
    public Batch(NDManager manager, List<Sample> samples, int[] drawnAnnotator) {
        if (samples.isEmpty() || drawnAnnotator.length != samples.size()) {
            throw new IllegalArgumentException("a batch needs one drawn annotator per sample");
        }
        this.manager = manager;
        this.samples = List.copyOf(samples);
        this.drawnAnnotator = drawnAnnotator.clone();
        this.images = stack(manager, samples.stream().map(Sample::image).toList());
    }

    /** @return B x C_in x H x W, floats in [0, 1] */
    public NDArray images() {
        return images;
    }

    public int size() {
        return samples.size();
    }

    /** The smallest number of annotators among the batch's images. */
    public int minAnnotators() {
        return samples.stream().mapToInt(Sample::annotators).min().orElse(0);
    }

    public NDManager manager() {
        return manager;
    }

    /** @return B x 1 x H x W int64 class indices, from the annotator drawn for each image */
    public NDArray drawnLabels() {
        return labels(drawnAnnotator, 0);
    }

    /**
     * Labels of one annotator per image; images with fewer annotators use annotator {@code a mod L}.
     *
     * @return B x 1 x H x W int64 class indices
     */
    public NDArray labelsOf(int annotator) {
        return labels(null, annotator);
    }

    private NDArray labels(int[] perImage, int fixed) {
        Sample first = samples.get(0);
        int h = first.image().height();
        int w = first.image().width();
        long[] out = new long[samples.size() * h * w];
        for (int b = 0; b < samples.size(); b++) {
            List<Mask> masks = samples.get(b).masks();
            int a = perImage != null ? perImage[b] : fixed % masks.size();
            byte[] px = masks.get(a).pixels();
            for (int i = 0; i < px.length; i++) {
                out[b * h * w + i] = px[i];
            }
        }
        return manager.create(out, new Shape(samples.size(), 1, h, w));
    }

    /**
     * @param images B images of one shape, C x H x W each
     * @return B x C x H x W float32
     */
    public static NDArray stack(NDManager manager, List<Image> images) {
        Image first = images.get(0);
        int n = first.size();
        float[] data = new float[images.size() * n];
        for (int b = 0; b < images.size(); b++) {
            Image im = images.get(b);
            if (im.size() != n) {
                throw new IllegalArgumentException("batch images differ in shape: " + first + " vs " + im);
            }
            im.copyTo(data, b * n);
        }
        return manager.create(data, new Shape(images.size(), first.channels(), first.height(), first.width()))
                .toType(DataType.FLOAT32, false);
    }
}
