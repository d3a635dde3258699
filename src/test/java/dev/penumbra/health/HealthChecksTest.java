package dev.penumbra.health;

import dev.penumbra.model.Loss;
import dev.penumbra.train.EpochRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every health check fires on a constructed case and stays quiet on a healthy model. */
class HealthChecksTest {

    /** A model that finds 80% of the unanimous pixels, samples diversely, on 40 images, trained for 10 epochs. */
    private static Evidence healthy() {
        return new Evidence(true, 1000, 800, 50000, 500, 0.02, 0.021, 0.3, 0.25, 40, 30, 35, 0.05,
                epochs(10, 5, 0.05, 0.07), 5);
    }

    private static List<EpochRecord> epochs(int n, int best, double train, double val) {
        List<EpochRecord> r = new ArrayList<>();
        for (int e = 1; e <= n; e++) {
            r.add(new EpochRecord(e, 10L * e, train, val, Double.NaN, e == best, e));
        }
        return r;
    }

    private static List<String> names(Evidence e) {
        return HealthChecks.check(e).stream().map(HealthFlag::name).toList();
    }

    @Test
    void healthyModelRaisesNoFlag() {
        assertThat(HealthChecks.check(healthy())).isEmpty();
    }

    @Test
    void noForegroundFiresWhenUnanimousPixelsAreMissed() {
        Evidence h = healthy();
        Evidence missed = new Evidence(h.sampling(), 1000, 50, 50000, 0, 0.001, h.annotatedForeground(), h.sampleDiversity(),
                h.annotatorDiversity(), h.images(), h.correctnessImages(), h.agreementImages(), h.emptySamples(), h.epochs(),
                h.bestEpoch());
        List<HealthFlag> flags = HealthChecks.check(missed);
        assertThat(flags).extracting(HealthFlag::name).containsExactly("no_foreground");
        assertThat(flags.get(0).value()).isEqualTo(0.05);
        assertThat(flags.get(0).threshold()).isEqualTo(HealthThresholds.MIN_UNANIMOUS_SENSITIVITY);
        // just above the threshold: quiet
        Evidence enough = new Evidence(h.sampling(), 1000, 100, 50000, 0, 0.001, h.annotatedForeground(),
                h.sampleDiversity(), h.annotatorDiversity(), h.images(), h.correctnessImages(),
                h.agreementImages(), h.emptySamples(), h.epochs(), h.bestEpoch());
        assertThat(names(enough)).isEmpty();
    }

    @Test
    void noForegroundFiresWhenNothingIsPredictedAnywhere() {
        Evidence h = healthy();
        // no pixel is unanimous (annotators always disagree), but the model predicts nothing at all
        Evidence empty = new Evidence(h.sampling(), 0, 0, 50000, 0, 0.0, 0.01, h.sampleDiversity(), h.annotatorDiversity(),
                h.images(), h.correctnessImages(), h.agreementImages(), h.emptySamples(), h.epochs(), h.bestEpoch());
        assertThat(names(empty)).containsExactly("no_foreground");
        // data without any annotated foreground says nothing about finding lesions
        Evidence nothingToFind = new Evidence(h.sampling(), 0, 0, 50000, 0, 0.0, 0.0, h.sampleDiversity(),
                h.annotatorDiversity(), h.images(), h.correctnessImages(), h.agreementImages(), h.emptySamples(), h.epochs(),
                h.bestEpoch());
        assertThat(names(nothingToFind)).isEmpty();
    }

    @Test
    void foregroundEverywhereFiresWhenMostBackgroundIsMarked() {
        Evidence h = healthy();
        Evidence everywhere = new Evidence(h.sampling(), 1000, 1000, 50000, 40000, 0.8, h.annotatedForeground(),
                h.sampleDiversity(), h.annotatorDiversity(), h.images(), h.correctnessImages(), h.agreementImages(),
                h.emptySamples(), h.epochs(), h.bestEpoch());
        List<HealthFlag> flags = HealthChecks.check(everywhere);
        assertThat(flags).extracting(HealthFlag::name).containsExactly("foreground_everywhere");
        assertThat(flags.get(0).value()).isEqualTo(0.8);
    }

    @Test
    void noDiversityFiresForIdenticalSamplesWhileAnnotatorsDisagree() {
        Evidence h = healthy();
        Evidence alike = new Evidence(true, h.unanimousPixels(), h.unanimousFound(),
                h.unanimousBackground(), h.unanimousMarked(), h.predictedForeground(),
                h.annotatedForeground(), 0.001, 0.25, h.images(), h.correctnessImages(), h.agreementImages(),
                h.emptySamples(), h.epochs(), h.bestEpoch());
        assertThat(names(alike)).containsExactly("no_diversity");
        // the deterministic U-Net is not a sampling model: one sample is what it is
        Evidence deterministic = new Evidence(false, h.unanimousPixels(), h.unanimousFound(),
                h.unanimousBackground(), h.unanimousMarked(),
                h.predictedForeground(), h.annotatedForeground(), 0.0, 0.25, h.images(), h.correctnessImages(),
                h.agreementImages(), h.emptySamples(), h.epochs(), h.bestEpoch());
        assertThat(names(deterministic)).isEmpty();
        // annotators who agree need no diverse samples
        Evidence agreeing = new Evidence(true, h.unanimousPixels(), h.unanimousFound(),
                h.unanimousBackground(), h.unanimousMarked(), h.predictedForeground(),
                h.annotatedForeground(), 0.001, 0.01, h.images(), h.correctnessImages(), h.agreementImages(),
                h.emptySamples(), h.epochs(), h.bestEpoch());
        assertThat(names(agreeing)).isEmpty();
    }

    @Test
    void fewImagesFlagsEachStatisticThatRestsOnTooFewImages() {
        Evidence h = healthy();
        Evidence few = new Evidence(h.sampling(), h.unanimousPixels(), h.unanimousFound(),
                h.unanimousBackground(), h.unanimousMarked(), h.predictedForeground(),
                h.annotatedForeground(), h.sampleDiversity(), h.annotatorDiversity(), 9, 4, 9, h.emptySamples(), h.epochs(),
                h.bestEpoch());
        List<HealthFlag> flags = HealthChecks.check(few);
        assertThat(flags).extracting(HealthFlag::name).containsExactly("few_images_ttest",
                "few_images_rmcorr_correctness", "few_images_rmcorr_agreement");
        assertThat(flags.get(1).value()).isEqualTo(4);
        assertThat(flags.get(1).threshold()).isEqualTo(HealthThresholds.MIN_IMAGES);
        // one annotator: no agreement correlation, so no flag for it
        Evidence single = new Evidence(h.sampling(), h.unanimousPixels(), h.unanimousFound(),
                h.unanimousBackground(), h.unanimousMarked(),
                h.predictedForeground(), h.annotatedForeground(), h.sampleDiversity(), h.annotatorDiversity(),
                h.images(), h.correctnessImages(), -1, h.emptySamples(), h.epochs(), h.bestEpoch());
        assertThat(names(single)).isEmpty();
    }

    @Test
    void stoppedAtOnceFiresWhenTheFirstEpochStayedBest() {
        Evidence h = healthy();
        Evidence once = new Evidence(h.sampling(), h.unanimousPixels(), h.unanimousFound(),
                h.unanimousBackground(), h.unanimousMarked(), h.predictedForeground(),
                h.annotatedForeground(), h.sampleDiversity(), h.annotatorDiversity(), h.images(),
                h.correctnessImages(), h.agreementImages(), h.emptySamples(), epochs(10, 1, 0.05, 0.07), 1);
        assertThat(names(once)).containsExactly("stopped_at_once");
        // a one-epoch run has nothing to improve on
        Evidence short1 = new Evidence(h.sampling(), h.unanimousPixels(), h.unanimousFound(),
                h.unanimousBackground(), h.unanimousMarked(),
                h.predictedForeground(), h.annotatedForeground(), h.sampleDiversity(), h.annotatorDiversity(),
                h.images(), h.correctnessImages(), h.agreementImages(), h.emptySamples(), epochs(1, 1, 0.05, 0.07), 1);
        assertThat(names(short1)).isEmpty();
    }

    @Test
    void validationGapFiresWhenValidationLossIsFarAboveTraining() {
        Evidence h = healthy();
        Evidence gap = new Evidence(h.sampling(), h.unanimousPixels(), h.unanimousFound(),
                h.unanimousBackground(), h.unanimousMarked(), h.predictedForeground(),
                h.annotatedForeground(), h.sampleDiversity(), h.annotatorDiversity(), h.images(),
                h.correctnessImages(), h.agreementImages(), h.emptySamples(), epochs(10, 5, 0.04, 0.5), 5);
        List<HealthFlag> flags = HealthChecks.check(gap);
        assertThat(flags).extracting(HealthFlag::name).containsExactly("validation_gap");
        assertThat(flags.get(0).value()).isCloseTo(12.5, org.assertj.core.data.Offset.offset(1e-9));
        // three times a tiny loss is no real gap
        Evidence tiny = new Evidence(h.sampling(), h.unanimousPixels(), h.unanimousFound(),
                h.unanimousBackground(), h.unanimousMarked(), h.predictedForeground(),
                h.annotatedForeground(), h.sampleDiversity(), h.annotatorDiversity(), h.images(),
                h.correctnessImages(), h.agreementImages(), h.emptySamples(), epochs(10, 5, 0.01, 0.05), 5);
        assertThat(names(tiny)).isEmpty();
    }

    /** Prob. U-Net epochs whose validation KL term is {@code kl} nats in every epoch. */
    private static List<EpochRecord> punetEpochs(int n, int best, double kl) {
        List<EpochRecord> r = new ArrayList<>();
        for (int e = 1; e <= n; e++) {
            java.util.Map<String, Double> terms = java.util.Map.of(Loss.RECONSTRUCTION, 0.05, Loss.KL, kl);
            r.add(new EpochRecord(e, 10L * e, 0.05, 0.07, Double.NaN, Double.NaN, terms, terms, e == best, e));
        }
        return r;
    }

    private static Evidence withEpochs(List<EpochRecord> epochs, int best) {
        Evidence h = healthy();
        return new Evidence(h.sampling(), h.unanimousPixels(), h.unanimousFound(), h.unanimousBackground(),
                h.unanimousMarked(), h.predictedForeground(), h.annotatedForeground(), h.sampleDiversity(),
                h.annotatorDiversity(), h.images(), h.correctnessImages(), h.agreementImages(), h.emptySamples(), epochs, best);
    }

    @Test
    void klCollapsedFiresWhenThePosteriorEqualsThePriorAtTheEvaluatedEpoch() {
        List<HealthFlag> flags = HealthChecks.check(withEpochs(punetEpochs(10, 5, 0.002), 5));
        assertThat(flags).extracting(HealthFlag::name).containsExactly("kl_collapsed");
        assertThat(flags.get(0).value()).isEqualTo(0.002);
        assertThat(flags.get(0).threshold()).isEqualTo(HealthThresholds.MIN_KL);
        // a KL of the demo's size, and models whose loss has no KL term, stay quiet
        assertThat(names(withEpochs(punetEpochs(10, 5, 0.1), 5))).isEmpty();
        assertThat(names(withEpochs(epochs(10, 5, 0.05, 0.07), 5))).isEmpty();
        // one annotation per image: nothing for the latent to encode, so a KL near 0 is no fault
        Evidence h = withEpochs(punetEpochs(10, 5, 0.002), 5);
        Evidence single = new Evidence(h.sampling(), h.unanimousPixels(), h.unanimousFound(), h.unanimousBackground(),
                h.unanimousMarked(), h.predictedForeground(), h.annotatedForeground(), h.sampleDiversity(), 0.0,
                h.images(), h.correctnessImages(), -1, h.emptySamples(), h.epochs(), h.bestEpoch());
        assertThat(names(single)).isEmpty();
    }

    @Test
    void klCollapsedLooksOnlyAtTheEvaluatedEpoch() {
        // collapsed early, recovered by the best epoch: the checkpoint evaluated is healthy
        List<EpochRecord> epochs = new ArrayList<>(punetEpochs(10, 8, 0.001));
        EpochRecord best = epochs.get(7);
        java.util.Map<String, Double> recovered = java.util.Map.of(Loss.RECONSTRUCTION, 0.05, Loss.KL, 0.5);
        epochs.set(7, new EpochRecord(best.epoch(), best.step(), best.trainLoss(), best.validationLoss(),
                Double.NaN, Double.NaN, recovered, recovered, true, best.seconds()));
        assertThat(names(withEpochs(epochs, 8))).isEmpty();
    }

    @Test
    void emptySamplesFiresWhenManySamplesMissAClearLesion() {
        Evidence h = healthy();
        Evidence blank = new Evidence(h.sampling(), h.unanimousPixels(), h.unanimousFound(), h.unanimousBackground(),
                h.unanimousMarked(), h.predictedForeground(), h.annotatedForeground(), h.sampleDiversity(),
                h.annotatorDiversity(), h.images(), h.correctnessImages(), h.agreementImages(), 0.5, h.epochs(),
                h.bestEpoch());
        List<HealthFlag> flags = HealthChecks.check(blank);
        assertThat(flags).extracting(HealthFlag::name).containsExactly("empty_samples");
        assertThat(flags.get(0).value()).isEqualTo(0.5);
        assertThat(flags.get(0).threshold()).isEqualTo(HealthThresholds.MAX_EMPTY_SAMPLES);
        // no image with a lesion every annotator marks: nothing to miss
        Evidence none = new Evidence(h.sampling(), 0, 0, h.unanimousBackground(), h.unanimousMarked(),
                h.predictedForeground(), h.annotatedForeground(), h.sampleDiversity(), h.annotatorDiversity(),
                h.images(), h.correctnessImages(), h.agreementImages(), Double.NaN, h.epochs(), h.bestEpoch());
        assertThat(names(none)).isEmpty();
    }
}
