package dev.penumbra.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.penumbra.data.Mask;
import dev.penumbra.data.Split;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The simulated annotators: how they decide, and that p(a|x) is the expectation of their process. */
class SyntheticAnnotatorsTest {

    @Test
    void markProbabilityRisesWithContrastAndIsCertainForClearBlobs() {
        double previous = 0;
        for (double c = 0; c <= 0.6; c += 0.01) {
            double p = Annotators.markProbability(c);
            assertThat(p).as("contrast %.2f", c).isGreaterThanOrEqualTo(previous).isBetween(0.0, 1.0);
            previous = p;
        }
        assertThat(Annotators.markProbability(Blob.FAINTEST_CONTRAST)).isLessThanOrEqualTo(0.5);
        assertThat(Annotators.markProbability(Blob.CLEAR_CONTRAST)).isEqualTo(1.0);
    }

    @Test
    void drawnDecisionsMarkFaintBlobsLessOftenThanClearOnes() {
        SplittableRandom rng = new SplittableRandom(11);
        int draws = 20_000;
        int faint = 0;
        int clear = 0;
        for (int i = 0; i < draws; i++) {
            faint += Annotators.marks(0.06, rng) ? 1 : 0;
            clear += Annotators.marks(0.35, rng) ? 1 : 0;
        }
        double expected = Annotators.markProbability(0.06);
        // 5 binomial standard deviations: a false alarm about once in 3 million runs
        double tolerance = 5 * Math.sqrt(expected * (1 - expected) / draws);
        assertThat(faint / (double) draws).isCloseTo(expected, within(tolerance));
        assertThat(clear).isEqualTo(draws);
    }

    @Test
    void generatedCropsMarkFaintBlobsLessOftenThanClearOnes() {
        int[] faint = new int[2]; // {marked, asked}
        int[] clear = new int[2];
        for (int i = 0; i < 600; i++) {
            LidcScene scene = LidcScene.generate("x", "x", 64, new SplittableRandom(Seeds.forImage(3, Split.TRAIN, i)));
            if (scene.blobs().size() != 1) {
                continue; // with one blob a non-blank mask means exactly that the annotator marked it
            }
            double contrast = scene.blobs().get(0).contrast();
            int[] tally = contrast < 0.12 ? faint : contrast >= Blob.CLEAR_CONTRAST ? clear : null;
            if (tally == null) {
                continue;
            }
            for (Mask m : scene.sample().masks()) {
                tally[0] += m.isBlank() ? 0 : 1;
                tally[1]++;
            }
        }
        assertThat(faint[1]).isGreaterThan(200);
        assertThat(clear[1]).isGreaterThan(200);
        assertThat(clear[0]).as("clear blobs are always marked").isEqualTo(clear[1]);
        assertThat(faint[0] / (double) faint[1]).as("share of faint blobs marked").isLessThan(0.4);
    }

    @Test
    void truthIsTheExpectationOfManyAnnotators() {
        List<Blob> blobs = List.of(
                new Blob(14, 16, 7, 5, 0.3, 0.2, 0.1),   // faint: marked now and then
                new Blob(20, 19, 6, 6, 0.0, 0.15, 0.4)); // clear, overlapping the faint one
        Annotators annotators = new Annotators(blobs, 32);
        float[] truth = annotators.expected();

        SplittableRandom rng = new SplittableRandom(5);
        int draws = 4000;
        double[] mean = new double[truth.length];
        for (int d = 0; d < draws; d++) {
            byte[] mask = annotators.draw(rng).pixels();
            for (int i = 0; i < mean.length; i++) {
                mean[i] += mask[i] / (double) draws;
            }
        }
        int strictlyBetween = 0;
        for (int i = 0; i < truth.length; i++) {
            // standard error at most 0.008; 0.04 is 5 of them
            assertThat(mean[i]).as("pixel " + i).isCloseTo(truth[i], within(0.04));
            strictlyBetween += truth[i] > 0 && truth[i] < 1 ? 1 : 0;
        }
        assertThat(strictlyBetween).isGreaterThan(50);
    }

    @Test
    void truthIsExactlyZeroAndOneWhereTheProcessIsCertain() {
        Annotators annotators = new Annotators(List.of(new Blob(16, 16, 6, 6, 0, 0.15, 0.4)), 32);
        float[] truth = annotators.expected();

        assertThat(truth[16 * 32 + 16]).as("centre of a clear blob").isEqualTo(1f);
        assertThat(truth[0]).as("far corner").isEqualTo(0f);
        float smallestPositive = 1f;
        for (float p : truth) {
            if (p > 0) {
                smallestPositive = Math.min(smallestPositive, p);
            }
        }
        // far from 0 in a 16-bit file: a pixel some annotator may mark never reads as p = 0
        assertThat(smallestPositive).isGreaterThan(100f / 65535f);
    }
}
