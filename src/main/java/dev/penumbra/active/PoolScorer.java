package dev.penumbra.active;

import dev.penumbra.data.Image;
import dev.penumbra.data.Sample;
import dev.penumbra.metric.MeanPrediction;
import dev.penumbra.model.Sampler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores the unlabelled pool with the current model: n samples per image from a {@link Sampler}, reduced to the per-image sums the acquisition functions rank by. Also keeps each image's first sample masks
 * for the figure of selected images.
 */
final class PoolScorer {

    /** Sample masks kept per image for the figures. */
    static final int KEPT_SAMPLES = 4;

    /** The scores, and the first sample masks of every image (0/1, H x W). */
    record Scored(List<PoolImage> images, Map<String, List<byte[]>> samples) {
    }

    private PoolScorer() {
    }

    /** Scores {@code pool} with {@code n} samples per image, continuing {@code sampler}'s stream. */
    static Scored score(Sampler sampler, List<Sample> pool, int n) {
        List<PoolImage> images = new ArrayList<>(pool.size());
        Map<String, List<byte[]>> kept = new LinkedHashMap<>();
        int classes = sampler.model().classes();
        sampler.sample(pool, n, (part, p) -> {
            float[] entropy = p.entropy().toFloatArray();
            float[] mutual = p.mutualInformation().toFloatArray();
            float[] mean = p.mean().toFloatArray();
            long[] masks = p.masks().toLongArray();
            for (BatchImage image : BatchImage.of(part)) {
                Sample s = image.sample();
                int foreground = 0;
                for (boolean f : MeanPrediction.predicted(mean, image.index(), classes, image.pixels())) {
                    foreground += f ? 1 : 0;
                }
                images.add(new PoolImage(s.id(), image.sum(entropy), image.sum(mutual), foreground, image.pixels(),
                        embedding(s.image())));
                kept.put(s.id(), image.masks(masks, Math.min(n, KEPT_SAMPLES)));
            }
        });
        return new Scored(images, kept);
    }

    /** The image's channels averaged over an 8 x 8 grid of cells: 64 * C values in [0, 1]. */
    static float[] embedding(Image image) {
        int g = 8;
        int h = image.height();
        int w = image.width();
        float[] e = new float[g * g * image.channels()];
        int[] counts = new int[g * g];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                counts[(y * g / h) * g + x * g / w]++;
            }
        }
        for (int c = 0; c < image.channels(); c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    e[c * g * g + (y * g / h) * g + x * g / w] += image.get(c, y, x);
                }
            }
            for (int i = 0; i < g * g; i++) {
                e[c * g * g + i] /= Math.max(1, counts[i]);
            }
        }
        return e;
    }
}
