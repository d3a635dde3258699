package dev.penumbra.evaluate;

import dev.penumbra.config.Seeds;
import dev.penumbra.metric.Ged;

import java.util.List;
import java.util.Random;

/**
 * One image scored against its oracle annotators (see {@link dev.penumbra.data.Oracle}), which answer what the four
 * annotators cannot: how far the model's samples are from the true annotator distribution, and how far a perfect
 * model would be.
 *
 * <p>The n oracle draws are split into halves A (the first n / 2) and B (the rest). With the paper estimator (k
 * samples, the references re-drawn with replacement to k), the model's GED is the mean of GED(samples, A) and
 * GED(samples, B), and the floor is the mean of GED(first k of A, B) and GED(first k of B, A): the score of k
 * samples from the true distribution, measured against a reference set of the same size. The paper estimator is
 * biased upwards (pairs i = j enter the diversity terms), so the floor is above 0; a model that samples the true
 * distribution scores the floor in expectation, and the ratio ged / floor says how many times worse a model is.
 *
 * @param ged   the model's GED@k against the oracle halves
 * @param floor the GED@k of oracle draws against the other half
 */
public record OracleScores(double ged, double floor) {

    /** Oracle draws needed for samples of {@code k}: two halves of at least k each. */
    public static int drawsNeeded(int k) {
        return 2 * k;
    }

    /**
     * @param samples the model's k sample masks of one image (H x W, row-major)
     * @param draws   the image's oracle draws, at least {@link #drawsNeeded 2k}
     * @param seed    seeds the re-drawing of the references; give every model the same seed per image
     * @throws IllegalArgumentException with fewer than 2k draws
     */
    public static OracleScores of(List<byte[]> samples, List<byte[]> draws, long seed) {
        int k = samples.size();
        if (draws.size() < drawsNeeded(k)) {
            throw new IllegalArgumentException(draws.size() + " oracle draws cannot score " + k + " samples: need "
                    + drawsNeeded(k));
        }
        List<byte[]> a = draws.subList(0, draws.size() / 2);
        List<byte[]> b = draws.subList(draws.size() / 2, draws.size());
        Random model = new Random(seed);
        double ged = (paper(samples, a, model) + paper(samples, b, model)) / 2;
        Random perfect = Seeds.ORACLE_FLOOR.random(seed);
        double floor = (paper(a.subList(0, k), b, perfect) + paper(b.subList(0, k), a, perfect)) / 2;
        return new OracleScores(ged, floor);
    }

    private static double paper(List<byte[]> samples, List<byte[]> references, Random rng) {
        return Ged.compute(samples, references, Ged.Estimator.PAPER, rng).ged();
    }
}
