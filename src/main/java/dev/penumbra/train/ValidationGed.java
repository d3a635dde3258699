package dev.penumbra.train;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.penumbra.config.Seeds;
import dev.penumbra.data.Mask;
import dev.penumbra.data.Sample;
import dev.penumbra.metric.Ged;
import dev.penumbra.model.ProbabilisticSegmenter;
import dev.penumbra.model.Sampler;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The mean GED@16 over a validation set (paper estimator unless the run's settings name another), the paper's
 * criterion for choosing dropout p and beta, and the mean sample diversity of the same samples (E[1 - IoU] between
 * samples, pairs i = j included except with the unbiased estimator). Sampling ({@link Seeds#VALIDATION_GED_SAMPLING})
 * and the annotation draws ({@link Seeds#VALIDATION_GED_DRAWS}) are seeded from the run seed, so epochs and runs
 * compare.
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

    /**
     * The mean validation GED@16 of a trained run, seeded from its training seed (the paper's tuning criterion), in
     * the precision the run trained in (as its validation GEDs during training).
     */
    public static double of(TrainedModel trained, List<Sample> val) {
        TrainSettings t = trained.spec().training();
        return new ValidationGed(trained.model(), t.seed(), t.gedEstimator()).mean(val,
                trained.parameters(t.precision()),
                trained.manager(), trained.spec().training().batchSize()).ged();
    }

    Scores mean(List<Sample> val, ParameterStore ps, NDManager root, int batchSize) {
        Sampler sampler = new Sampler(model, ps, root, batchSize, Seeds.VALIDATION_GED_SAMPLING.of(seed));
        Random rng = Seeds.VALIDATION_GED_DRAWS.random(seed);
        int n = Sampler.DEFAULT_SAMPLES;
        List<Ged.Result> results = new ArrayList<>(val.size());
        sampler.sample(val, n, (part, prediction) -> {
            long[] labels = prediction.masks().toLongArray();
            int pixels = part.get(0).image().height() * part.get(0).image().width();
            for (int b = 0; b < part.size(); b++) {
                List<byte[]> annotations = part.get(b).masks().stream().map(Mask::pixels).toList();
                results.add(Ged.compute(Sampler.foregroundMasks(labels, b, part.size(), pixels, n), annotations,
                        estimator, rng));
            }
        });
        double sum = 0;
        double diversity = 0;
        for (Ged.Result r : results) {
            sum += r.ged();
            diversity += r.sampleDiversity();
        }
        return new Scores(sum / val.size(), diversity / val.size());
    }
}
