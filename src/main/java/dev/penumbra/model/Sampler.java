package dev.penumbra.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.penumbra.config.Seeds;
import dev.penumbra.data.Image;
import dev.penumbra.data.Sample;
import dev.penumbra.metric.Overlap;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Draws n samples of every image of a list from a trained model, a batch of images per call of the model's own
 * sampling path ({@link ProbabilisticSegmenter#sampleProbabilities}): the one sampling loop of evaluation,
 * prediction, the validation GED and active learning.
 *
 * <p>A sampler takes its seed explicitly: constructing it seeds the engine's generator (see {@link Seeds}), from
 * which dropout and latent samples draw, and its batches continue that one stream in order, across calls of
 * {@link #sample}. Construct it where the stream should start.
 */
public final class Sampler {

    /** Samples per image wherever a count is not given: the paper's 16. */
    public static final int DEFAULT_SAMPLES = 16;

    private final ProbabilisticSegmenter model;
    private final ParameterStore parameters;
    private final NDManager manager;
    private final int batchSize;

    /** What is done with the samples of one batch, while its arrays live (they are freed when it returns). */
    @FunctionalInterface
    public interface BatchConsumer {
        /**
         * @param images     the batch's B images, in the order given
         * @param prediction n x B x C x H x W sampled class probabilities and what derives from them
         */
        void accept(List<Sample> images, SampledPrediction prediction);
    }

    /**
     * @param manager   the manager of the model's parameters; each batch's arrays live in a sub-manager of it
     * @param batchSize images per call of the model
     * @param seed      the value of an engine stream of {@link Seeds}, e.g.
     *                  {@code Seeds.EVALUATION_SAMPLING.of(evaluationSeed)}; applied now
     */
    public Sampler(ProbabilisticSegmenter model, ParameterStore parameters, NDManager manager, int batchSize,
                   long seed) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("a sampler needs at least 1 image per batch, got " + batchSize);
        }
        this.model = model;
        this.parameters = parameters;
        this.manager = manager;
        this.batchSize = batchSize;
        Seeds.applyEngineSeed(seed);
    }

    public ProbabilisticSegmenter model() {
        return model;
    }

    /** Draws {@code n} samples of each of {@code images} (all of one shape), batch by batch, in order. */
    public void sample(List<Sample> images, int n, BatchConsumer each) {
        sample(images, Sample::image, n, each::accept);
    }

    /**
     * Draws {@code n} samples of the image of each of {@code items} (images of one shape, e.g. images without
     * annotations), batch by batch, in order: the same stream as {@link #sample(List, int, BatchConsumer)}.
     *
     * @param imageOf the C x H x W image of an item
     * @param each    receives the batch's B items and their n x B x C x H x W samples, while the arrays live
     */
    public <T> void sample(List<T> items, Function<T, Image> imageOf, int n,
                           BiConsumer<List<T>, SampledPrediction> each) {
        for (int from = 0; from < items.size(); from += batchSize) {
            List<T> part = items.subList(from, Math.min(items.size(), from + batchSize));
            try (NDManager sub = manager.newSubManager()) {
                NDArray images = Batch.stack(sub, part.stream().map(imageOf).toList());
                each.accept(part, SampledPrediction.draw(model, parameters, images, n));
            }
        }
    }

    /**
     * The first {@code count} sample masks of one image of a batch, as foreground masks.
     *
     * @param masks  n x B x 1 x H x W class indices ({@link SampledPrediction#masks()} as one array)
     * @param b      the image's index in the batch
     * @param batch  B
     * @param pixels H x W
     * @return {@code count} masks of H x W, row-major, 1 where the sample's class is not background
     */
    public static List<byte[]> foregroundMasks(long[] masks, int b, int batch, int pixels, int count) {
        List<byte[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(Overlap.foreground(masks, (i * batch + b) * pixels, pixels));
        }
        return out;
    }
}
