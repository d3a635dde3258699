package dev.penumbra.health;

import dev.penumbra.model.Loss;
import dev.penumbra.train.EpochRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.penumbra.health.HealthThresholds.ANNOTATORS_DISAGREE;
import static dev.penumbra.health.HealthThresholds.MAX_BACKGROUND_MARKED;
import static dev.penumbra.health.HealthThresholds.MAX_EMPTY_SAMPLES;
import static dev.penumbra.health.HealthThresholds.MAX_VALIDATION_RATIO;
import static dev.penumbra.health.HealthThresholds.MIN_EPOCHS_FOR_STOP_CHECK;
import static dev.penumbra.health.HealthThresholds.MIN_IMAGES;
import static dev.penumbra.health.HealthThresholds.MIN_KL;
import static dev.penumbra.health.HealthThresholds.MIN_SAMPLE_DIVERSITY;
import static dev.penumbra.health.HealthThresholds.MIN_UNANIMOUS_SENSITIVITY;
import static dev.penumbra.health.HealthThresholds.MIN_VALIDATION_GAP;

/** Runs every health check on one model's {@link Evidence}; an empty list means nothing was found. */
public final class HealthChecks {

    private HealthChecks() {
    }

    /** The flags that fire, in a fixed order. */
    public static List<HealthFlag> check(Evidence e) {
        List<HealthFlag> flags = new ArrayList<>();
        noForeground(e, flags);
        foregroundEverywhere(e, flags);
        noDiversity(e, flags);
        emptySamples(e, flags);
        fewImages(e, flags);
        training(e, flags);
        klCollapsed(e, flags);
        return List.copyOf(flags);
    }

    private static void klCollapsed(Evidence e, List<HealthFlag> flags) {
        if (e.annotatorDiversity() < ANNOTATORS_DISAGREE) {
            return; // with one annotation per image (or agreeing ones) there is nothing for the latent to encode
        }
        EpochRecord best = bestRecord(e);
        double kl = best == null ? Double.NaN : best.validationTerm(Loss.KL);
        if (Double.isFinite(kl) && kl < MIN_KL) {
            flags.add(new HealthFlag("kl_collapsed", kl, MIN_KL, String.format(Locale.ROOT,
                    "its KL(q || p) at the evaluated epoch is %.4f nats per image: the posterior equals the prior,"
                            + " so the latent does not encode the annotations and any spread of the samples is not"
                            + " learned from the annotators", kl)));
        }
    }

    private static void noForeground(Evidence e, List<HealthFlag> flags) {
        if (e.annotatedForeground() > 0 && e.predictedForeground() == 0) {
            flags.add(new HealthFlag("no_foreground", 0, MIN_UNANIMOUS_SENSITIVITY,
                    "predicts foreground on no pixel of any test image while the annotators mark "
                            + percent(e.annotatedForeground()) + " of the pixels: it has not learned to segment"));
            return;
        }
        if (e.unanimousPixels() == 0) {
            return;
        }
        double sensitivity = e.unanimousFound() / (double) e.unanimousPixels();
        if (sensitivity < MIN_UNANIMOUS_SENSITIVITY) {
            flags.add(new HealthFlag("no_foreground", sensitivity, MIN_UNANIMOUS_SENSITIVITY,
                    "finds " + percent(sensitivity) + " of the " + e.unanimousPixels() + " pixels that every"
                            + " annotator marks: it has (almost) not learned to segment, and its uncertainty"
                            + " statistics only say where it failed"));
        }
    }

    private static void foregroundEverywhere(Evidence e, List<HealthFlag> flags) {
        if (e.unanimousBackground() == 0) {
            return;
        }
        double marked = e.unanimousMarked() / (double) e.unanimousBackground();
        if (marked > MAX_BACKGROUND_MARKED) {
            flags.add(new HealthFlag("foreground_everywhere", marked, MAX_BACKGROUND_MARKED,
                    "marks " + percent(marked) + " of the pixels that no annotator marks as lesion: it has not"
                            + " learned to segment, and finding the lesions means nothing"));
        }
    }

    private static void noDiversity(Evidence e, List<HealthFlag> flags) {
        if (e.sampling() && e.annotatorDiversity() >= ANNOTATORS_DISAGREE
                && e.sampleDiversity() < MIN_SAMPLE_DIVERSITY) {
            flags.add(new HealthFlag("no_diversity", e.sampleDiversity(), MIN_SAMPLE_DIVERSITY,
                    String.format(Locale.ROOT, "its samples are (nearly) identical (diversity %.3f) while the"
                            + " annotators disagree (%.3f): it does not represent their disagreement",
                            e.sampleDiversity(), e.annotatorDiversity())));
        }
    }

    private static void emptySamples(Evidence e, List<HealthFlag> flags) {
        if (e.emptySamples() > MAX_EMPTY_SAMPLES) {
            flags.add(new HealthFlag("empty_samples", e.emptySamples(), MAX_EMPTY_SAMPLES,
                    percent(e.emptySamples()) + " of its samples predict no lesion on images where every annotator"
                            + " marks one (MC-Dropout with dropout on the input image blanks the input in a share p"
                            + " of its samples): its diversity and GED count those misses as spread"));
        }
    }

    private static void fewImages(Evidence e, List<HealthFlag> flags) {
        if (e.images() < MIN_IMAGES) {
            flags.add(new HealthFlag("few_images_ttest", e.images(), MIN_IMAGES,
                    "the t-tests between models rest on " + e.images() + " test images: not enough evidence"));
        }
        if (e.correctnessImages() < MIN_IMAGES) {
            flags.add(new HealthFlag("few_images_rmcorr_correctness", e.correctnessImages(), MIN_IMAGES,
                    "the correlation of correctness with entropy rests on " + e.correctnessImages()
                            + " images with both right and wrong pixels: not enough evidence"));
        }
        if (e.agreementImages() >= 0 && e.agreementImages() < MIN_IMAGES) {
            flags.add(new HealthFlag("few_images_rmcorr_agreement", e.agreementImages(), MIN_IMAGES,
                    "the correlation of annotator disagreement with entropy rests on " + e.agreementImages()
                            + " images with disputed pixels: not enough evidence"));
        }
    }

    private static void training(Evidence e, List<HealthFlag> flags) {
        List<EpochRecord> epochs = e.epochs();
        if (e.bestEpoch() == 1 && epochs.size() >= MIN_EPOCHS_FOR_STOP_CHECK) {
            flags.add(new HealthFlag("stopped_at_once", 1, MIN_EPOCHS_FOR_STOP_CHECK,
                    "the validation loss was lowest after the first of " + epochs.size() + " epochs: training"
                            + " never improved the model it evaluates"));
        }
        EpochRecord r = bestRecord(e);
        if (r != null && r.trainLoss() > 0 && Double.isFinite(r.validationLoss())) {
            double ratio = r.validationLoss() / r.trainLoss();
            if (ratio > MAX_VALIDATION_RATIO && r.validationLoss() - r.trainLoss() > MIN_VALIDATION_GAP) {
                flags.add(new HealthFlag("validation_gap", ratio, MAX_VALIDATION_RATIO, String.format(Locale.ROOT,
                        "at its best epoch the validation loss (%.3f) is %.1f times the training loss (%.3f):"
                                + " it fits the training images far better than unseen ones",
                        r.validationLoss(), ratio, r.trainLoss())));
            }
        }
    }

    /** The record of the evaluated (best) epoch, or null when the run's epochs are unknown. */
    private static EpochRecord bestRecord(Evidence e) {
        return e.epochs().stream().filter(r -> r.epoch() == e.bestEpoch()).findFirst().orElse(null);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
