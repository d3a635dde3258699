package dev.penumbra.health;

/**
 * Every threshold of the health checks, in one place. A check fires when its number is on the wrong side of its
 * threshold; each flag in {@code summary.json} carries the number and the threshold it was compared with.
 */
public final class HealthThresholds {

    /**
     * {@code no_foreground}: the share of the pixels that every annotator marks which the mean prediction calls
     * foreground (sensitivity on unanimous foreground, pooled over the test images) is below this. A model below
     * 10% has (almost) not found the lesions its annotators agree on. Also fires when the model predicts foreground
     * on no pixel at all while the annotators mark some.
     */
    public static final double MIN_UNANIMOUS_SENSITIVITY = 0.1;

    /**
     * {@code foreground_everywhere}: the share of the pixels that no annotator marks which the mean prediction
     * calls foreground is above this: a model that marks most of the background as lesion (an untrained net near
     * p = 0.5 everywhere does) finds every lesion without having learned any.
     */
    public static final double MAX_BACKGROUND_MARKED = 0.5;

    /**
     * {@code no_diversity}: a sampling model's mean sample diversity (mean pairwise 1 - IoU of its samples, paper
     * estimator) is below this while the annotators disagree ({@link #ANNOTATORS_DISAGREE}): its samples are
     * (nearly) identical, so it cannot represent the disagreement.
     */
    public static final double MIN_SAMPLE_DIVERSITY = 0.02;

    /**
     * {@code kl_collapsed}: the Prob. U-Net's KL(q || p) on the validation images at the evaluated (best) epoch,
     * in nats per image, is below this while the annotators disagree ({@link #ANNOTATORS_DISAGREE}). The posterior then carries almost nothing that the prior does not, so the
     * latent does not encode which annotation the net reconstructs (telling one of four annotators apart takes up
     * to ln 4 = 1.39 nats); whatever spread the samples have is not learned from the annotators. The demo's
     * Prob. U-Net sits at about 0.1 nats, a paper-scale run at several nats.
     */
    public static final double MIN_KL = 0.01;

    /**
     * {@code empty_samples}: on the images where every annotator marks a lesion, more than this share of the
     * model's samples predict no foreground at all. MC-Dropout with the published dropout on a one-channel input
     * image blanks the whole input in a share p of its samples, and those predict nothing. The demo's Prob. U-Net
     * draws about 7% such samples, MC-Dropout without input dropout 2%.
     */
    public static final double MAX_EMPTY_SAMPLES = 0.25;

    /** The annotators disagree when their mean pairwise 1 - IoU is at least this. */
    public static final double ANNOTATORS_DISAGREE = 0.05;

    /**
     * {@code few_images_*}: a statistic over images (rm_corr with the image as subject, a t-test over per-image
     * scores) rests on fewer than this many images; it is reported as "not enough evidence", not as a finding.
     */
    public static final int MIN_IMAGES = 10;

    /**
     * {@code stopped_at_once}: the best validation loss came in the first epoch although training ran for at
     * least this many epochs: the model never improved on its first pass.
     */
    public static final int MIN_EPOCHS_FOR_STOP_CHECK = 3;

    /**
     * {@code validation_gap}: at the best epoch the validation loss is more than this many times the training loss,
     * and more than {@link #MIN_VALIDATION_GAP} above it: the model fits the training images far better than
     * unseen ones.
     */
    public static final double MAX_VALIDATION_RATIO = 3.0;

    /** See {@link #MAX_VALIDATION_RATIO}: the smallest absolute gap, nats per pixel, that counts. */
    public static final double MIN_VALIDATION_GAP = 0.1;

    private HealthThresholds() {
    }
}
