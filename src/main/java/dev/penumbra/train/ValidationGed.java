package dev.penumbra.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.penumbra.config.Seeds;
import dev.penumbra.data.Mask;
import dev.penumbra.data.Sample;
import dev.penumbra.metric.Ged;
import dev.penumbra.metric.Overlap;
import dev.penumbra.model.Batch;
import dev.penumbra.model.ProbabilisticSegmenter;
import dev.penumbra.model.SampledPrediction;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The mean GED@16 over a validation set (paper estimator unless the run's settings name another), the paper's
 * criterion for choosing dropout p and beta, and the mean sample diversity of the same samples (E[1 - IoU] between
 * samples, pairs i = j included except with the unbiased estimator). Sampling and the annotation draws are seeded from the run seed, so epochs and runs compare.
 */
public final class ValidationGed {

    private final ProbabilisticSegmenter model;
    private final long seed;
    private final Ged.Estimator estimator;

    ValidationGed(ProbabilisticSegmenter model, long seed, Ged.Estimator estimator) {
        this.model = model;
        this.seed = seed;
        this.estimator = estimator;
    }

    /**
     * Means over the validation images.
     *
     * @param ged       mean GED@16 with the run's estimator
     * @param diversity mean sample diversity of the same 16 samples
     */
    record Scores(double ged, double diversity) {
    }

    /** The mean validation GED@16 of a trained run, seeded from its training seed (the paper's tuning criterion). */
    public static double of(TrainedModel trained, List<Sample> val) {
        TrainSettings t = trained.spec().training();
        return new ValidationGed(trained.model(), t.seed(), t.gedEstimator()).mean(val, trained.parameters(),
                trained.manager(), trained.spec().training().batchSize()).ged();
    }

    Scores mean(List<Sample> val, ParameterStore ps, NDManager root, int batchSize) {
        Seeds.VALIDATION_GED_SAMPLING.seedEngine(seed);
        Random rng = Seeds.VALIDATION_GED_DRAWS.random(seed);
        int n = TrainSettings.GED_SAMPLES;
        double sum = 0;
        double diversity = 0;
        for (int from = 0; from < val.size(); from += batchSize) {
            List<Sample> part = val.subList(from, Math.min(val.size(), from + batchSize));
            try (NDManager sub = root.newSubManager()) {
                Batch batch = new Batch(sub, part, new int[part.size()]);
                NDArray masks = SampledPrediction.draw(model, ps, batch.images(), n).masks();
                long[] labels = masks.toLongArray(); // n x B x 1 x H x W
                int pixels = part.get(0).image().height() * part.get(0).image().width();
                for (int b = 0; b < part.size(); b++) {
                    List<byte[]> samples = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        samples.add(Overlap.foreground(labels, (i * part.size() + b) * pixels, pixels));
                    }
                    List<byte[]> annotations = part.get(b).masks().stream().map(Mask::pixels).toList();
                    Ged.Result r = Ged.compute(samples, annotations, estimator, rng);
                    sum += r.ged();
                    diversity += r.sampleDiversity();
                }
            }
        }
        return new Scores(sum / val.size(), diversity / val.size());
    }
}
