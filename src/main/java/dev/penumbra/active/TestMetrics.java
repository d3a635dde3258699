package dev.penumbra.active;

import ai.djl.ndarray.NDManager;
import dev.penumbra.config.Seeds;
import dev.penumbra.data.Mask;
import dev.penumbra.data.Sample;
import dev.penumbra.metric.Annotators;
import dev.penumbra.metric.Ged;
import dev.penumbra.metric.MeanPrediction;
import dev.penumbra.metric.Overlap;
import dev.penumbra.metric.SoftDice;
import dev.penumbra.model.Batch;
import dev.penumbra.model.SampledPrediction;
import dev.penumbra.train.TrainedModel;

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

    static Values compute(TrainedModel trained, List<Sample> test, int n, int batchSize, long seed,
                          Ged.Estimator estimator) {
        Random draws = Seeds.ACTIVE_TEST_GED_DRAWS.random(seed);
        int classes = trained.model().classes();
        double loss = 0;
        double ged = 0;
        double dice = 0;
        double entropy = 0;
        for (int from = 0; from < test.size(); from += batchSize) {
            List<Sample> part = test.subList(from, Math.min(test.size(), from + batchSize));
            try (NDManager sub = trained.manager().newSubManager()) {
                Batch batch = new Batch(sub, part, new int[part.size()]);
                SampledPrediction p = SampledPrediction.draw(trained.model(), trained.parameters(), batch.images(), n);
                float[] mean = p.mean().toFloatArray();
                float[] ent = p.entropy().toFloatArray();
                long[] masks = p.masks().toLongArray();
                for (int b = 0; b < part.size(); b++) {
                    Sample s = part.get(b);
                    int pixels = s.image().height() * s.image().width();
                    loss += crossEntropy(mean, b, classes, pixels, s.masks());
                    List<byte[]> drawn = new ArrayList<>(n);
                    for (int k = 0; k < n; k++) {
                        drawn.add(Overlap.foreground(masks, (k * part.size() + b) * pixels, pixels));
                    }
                    ged += Ged.compute(drawn, s.masks().stream().map(Mask::pixels).toList(), estimator, draws)
                            .ged();
                    double sumEntropy = 0;
                    for (int i = 0; i < pixels; i++) {
                        sumEntropy += ent[b * pixels + i];
                    }
                    dice += SoftDice.of(MeanPrediction.foreground(mean, b, classes, pixels),
                            Annotators.share(s.masks()));
                    entropy += sumEntropy / pixels;
                }
            }
        }
        int m = test.size();
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
