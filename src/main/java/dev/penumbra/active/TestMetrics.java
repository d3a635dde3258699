package dev.penumbra.active;

import dev.penumbra.config.Seeds;
import dev.penumbra.data.Mask;
import dev.penumbra.data.Sample;
import dev.penumbra.metric.Annotators;
import dev.penumbra.metric.Ged;
import dev.penumbra.metric.MeanPrediction;
import dev.penumbra.metric.SoftDice;
import dev.penumbra.model.Sampler;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The test-split numbers of a round's model: test loss, GED, soft Dice and entropy, from one set of samples. */
final class TestMetrics {

    /** Probabilities are clamped to this before the logarithm of the test loss. */
    static final double MIN_PROBABILITY = 1e-7;

    /** Test loss, GED, soft Dice and mean entropy. */
    record Values(double testLoss, double ged, double softDice, double meanEntropy) {
    }

    private TestMetrics() {
    }

    /**
     * Measures {@code test} with {@code n} samples per image from {@code sampler}.
     *
     * @param seed the round's training seed, which seeds the GED's annotation re-draws
     */
    static Values compute(Sampler sampler, List<Sample> test, int n, long seed, Ged.Estimator estimator) {
        Random draws = Seeds.ACTIVE_TEST_GED_DRAWS.random(seed);
        int classes = sampler.model().classes();
        List<Values> images = new ArrayList<>(test.size());
        sampler.sample(test, n, (part, p) -> {
            float[] mean = p.mean().toFloatArray();
            float[] ent = p.entropy().toFloatArray();
            long[] masks = p.masks().toLongArray();
            for (BatchImage image : BatchImage.of(part)) {
                Sample s = image.sample();
                int b = image.index();
                int pixels = image.pixels();
                double loss = crossEntropy(mean, b, classes, pixels, s.masks());
                double ged = Ged.compute(image.masks(masks, n), s.masks().stream().map(Mask::pixels).toList(),
                        estimator, draws).ged();
                double dice = SoftDice.of(MeanPrediction.foreground(mean, b, classes, pixels),
                        Annotators.share(s.masks()));
                images.add(new Values(loss, ged, dice, image.sum(ent) / pixels));
            }
        });
        return mean(images);
    }

    /** The means over the images, summed in image order. */
    private static Values mean(List<Values> images) {
        double loss = 0;
        double ged = 0;
        double dice = 0;
        double entropy = 0;
        for (Values v : images) {
            loss += v.testLoss();
            ged += v.ged();
            dice += v.softDice();
            entropy += v.meanEntropy();
        }
        int m = images.size();
        return new Values(loss / m, ged / m, dice / m, entropy / m);
    }

    /** Mean over annotators and pixels of -ln p_mean(annotated class), nats. */
    static double crossEntropy(float[] mean, int b, int classes, int pixels, List<Mask> masks) {
        double sum = 0;
        for (Mask m : masks) {
            byte[] labels = m.pixels();
            for (int i = 0; i < pixels; i++) {
                double p = mean[(b * classes + labels[i]) * pixels + i];
                sum -= Math.log(Math.max(MIN_PROBABILITY, p));
            }
        }
        return sum / ((double) masks.size() * pixels);
    }
}
