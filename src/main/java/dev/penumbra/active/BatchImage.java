package dev.penumbra.active;

import dev.penumbra.data.Sample;
import dev.penumbra.model.Sampler;

import java.util.ArrayList;
import java.util.List;

/**
 * One image of a sampled batch and where its values lie in the batch's arrays: the view that the pool's scores and
 * the test metrics both take of a batch.
 *
 * @param sample the image
 * @param index  b, its index among the batch's B images
 * @param batch  B
 * @param pixels H * W
 */
record BatchImage(Sample sample, int index, int batch, int pixels) {

    /** The images of one batch, in the batch's order. */
    static List<BatchImage> of(List<Sample> batch) {
        List<BatchImage> out = new ArrayList<>(batch.size());
        for (int b = 0; b < batch.size(); b++) {
            Sample s = batch.get(b);
            out.add(new BatchImage(s, b, batch.size(), s.image().height() * s.image().width()));
        }
        return out;
    }

    /** The sum of this image's H x W values of a B x H x W map, added in pixel order. */
    double sum(float[] map) {
        double sum = 0;
        for (int i = 0; i < pixels; i++) {
            sum += map[index * pixels + i];
        }
        return sum;
    }

    /** This image's first {@code count} sample masks (0/1, H x W) of the batch's n x B x H x W class indices. */
    List<byte[]> masks(long[] masks, int count) {
        return Sampler.foregroundMasks(masks, index, batch, pixels, count);
    }
}
