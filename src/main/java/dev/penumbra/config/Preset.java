package dev.penumbra.config;

import dev.penumbra.InputException;
import dev.penumbra.data.augment.AugmentationConfig;

import java.util.List;

/**
 * Published settings per dataset and model (PROTOCOL.md), and a small one for the demo.
 *
 * @param name      preset name
 * @param size      image side after resizing, in pixels
 * @param batchSize images per step
 * @param filters   U-Net filters per level
 * @param batchNorm batch norm in the U-Net blocks (off in the published code; on for the demo's short runs)
 * @param augmentation the training augmentation (unless switched off with {@code --no-augment})
 * @param classWeights cross-entropy weights of background and foreground for binary data, or null for none (the
 *                     published code); data of more classes gets none unless {@code --class-weights} is given
 * @param gedEvery  log the validation GED@16 and sample diversity every this many epochs (0 = never; the
 *                  published code computes it only to tune, after training)
 *
 * <p>Each model's own settings and optimiser schedule per preset live with the model, in its
 * {@code ModelFactory.defaults}; the reasons for the demo's and LIDC's choices are given here, beside the settings
 * they explain.
 */
public record Preset(String name, int size, int batchSize, List<Integer> filters, boolean batchNorm,
                     AugmentationConfig augmentation, float[] classWeights, int gedEvery) {

    private static final List<Integer> PAPER = List.of(32, 64, 128, 192);

    /**
     * The paper's LIDC settings, with one change by measurement: MC-Dropout does not drop the input image
     * ({@code --input-dropout} restores the published first block). LIDC crops have one grey channel, so the
     * published Dropout2d on the input blanks the whole image in a share p = 0.5 of the samples, whatever the
     * network's width; those samples are predictions for a black image. Measured with {@code bench/input_dropout.sh}
     * (synthetic ambiguous data, 300 training images of 64 x 64, demo preset, 1140 steps, seeds 1-3, 2026-12-02):
     * at p = 0.5 with input dropout 59-98% of the samples predicted no lesion on images where every annotator marks
     * one, and the majority Dice was 0.00-0.10; without it 14-96% and 0.00-0.70. At p = 0.1, where the net
     * segments either way (Dice 0.77-0.80), input dropout left 9-19% of such samples empty against 0-10% without.
     * The ISIC preset keeps the published block: an RGB input is blanked only when all three channels drop
     * (p^3 = 12.5%), and it has not been measured.
     */
    public static final Preset LIDC = new Preset("lidc", 128, 32, PAPER, false, AugmentationConfig.paper(), null, 0);

    public static final Preset ISIC = new Preset("isic", 256, 16, PAPER, false, AugmentationConfig.paper(), null, 0);

    /**
     * Small and fast on two CPU cores: 64 x 64 synthetic images, a quarter of the paper's filters, batch norm, 30
     * epochs without early stopping, and settings chosen by measurement (softmax U-Net on the ambiguous demo data,
     * 180 steps, seeds 1-3, Dice of the mean prediction against the majority annotation over the test images with a
     * lesion, 2026-12-02):
     * <ul>
     *   <li><b>Flips only, no affine augmentation.</b> The paper's augmentation (rotation, +-50% shift with zero
     *       fill, scale, shear) is sized for 15,000 steps; in 180 it moved lesions out of view and filled the frame
     *       with black, and the models learned to predict background everywhere (Dice 0.00 and 0.00 with and without
     *       class weights; 0.74 / 0.03 / 0.83 for seeds 1-3 without any augmentation).</li>
     *   <li><b>Class weights 1 : 3.</b> Lesions cover 2% of the pixels; without weights "background everywhere" is
     *       a stable solution that a short run often does not leave (see the seed spread above, and flips alone:
     *       0.00 / 0.02). With 1 : 3, 0.72-0.78 for every seed tried, with flips or without.</li>
     *   <li><b>MC-Dropout p = 0.1, not on the input.</b> The published first block drops channels of the input
     *       image; for one grey channel that blanks the whole image with probability p, and those samples teach
     *       the net to hedge (Dice 0.00-0.05 at p = 0.25 with input dropout, seeds 1-2). Without input dropout
     *       and p = 0.1: 0.82 and 0.77, sample diversity 0.37-0.38. (p = 0.5 with 8 filters could not learn the
     *       lesions at all: test Dice 0.0.) Rechecked at p = 0.1 with the demo's 180 steps (seeds 1-2): with input
     *       dropout majority Dice 0.73 and 0.01 (the second flagged no_foreground), without 0.68 and 0.71. At 1140
     *       steps on 300 images input dropout at p = 0.1 no longer breaks training (see {@link #LIDC}), but the
     *       demo's budget is 180.</li>
     *   <li><b>Prob. U-Net lr 1e-3 and beta 0.05</b> (100 x the paper's). At lr 3e-4 its training loss was still
     *       falling fast after 180 steps and it found no test lesion (Dice 0.00). At 1e-3 with beta 0.0005 the
     *       prior lagged the posterior: training loss (z from the posterior) 0.05 against a validation loss (z from
     *       the prior) of 0.24, Dice 0.14 / 0.58 for seeds 1-2. With beta 0.05 the KL term pulls the prior to the
     *       posterior within the run: validation loss 0.12, Dice 0.71 / 0.85, sample diversity 0.38-0.44. The
     *       paper's beta suits its 200 epochs; a short run needs the stronger pull.</li>
     *   <li>Adam lr 2e-3 for the others; lr 5e-3 and batch 4 both fell back to predicting no lesion.</li>
     *   <li><b>Validation GED and diversity every 5 epochs</b>, so that the report's training curves show whether
     *       the samples spread as training goes on. Cost measured on the ambiguous demo data (2 cores): MC-Dropout
     *       13.7 s to 18.9 s per run, Prob. U-Net 45.5 s to 52.5 s.</li>
     * </ul>
     */
    public static final Preset DEMO = new Preset("demo", 64, 8, List.of(8, 16, 32, 64), true,
            AugmentationConfig.flips(), new float[] {1, 3}, 5);

    public static List<Preset> all() {
        return List.of(LIDC, ISIC, DEMO);
    }

    public static Preset named(String name) {
        for (Preset p : all()) {
            if (p.name.equals(name)) {
                return p;
            }
        }
        throw new InputException("unknown preset '" + name + "': expected one of lidc, isic, demo");
    }

    /** The class weights for data of {@code classes} classes: the preset's for binary data, else none. */
    public float[] classWeightsFor(int classes) {
        return classWeights != null && classWeights.length == classes ? classWeights.clone() : null;
    }

}
