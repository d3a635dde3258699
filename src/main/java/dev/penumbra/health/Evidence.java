package dev.penumbra.health;

import dev.penumbra.train.EpochRecord;

import java.util.List;

/**
 * What the health checks look at for one model on one dataset split, gathered by the evaluation.
 *
 * @param sampling            whether the model can draw more than one distinct sample
 * @param unanimousPixels     test pixels that every annotator marks, summed over the images
 * @param unanimousFound      of those, the pixels the mean prediction calls foreground
 * @param unanimousBackground test pixels that no annotator marks, summed over the images
 * @param unanimousMarked     of those, the pixels the mean prediction calls foreground
 * @param predictedForeground mean share of pixels predicted foreground
 * @param annotatedForeground mean share of pixels the annotators mark
 * @param sampleDiversity     mean sample diversity at the largest sample count (paper estimator)
 * @param annotatorDiversity  mean pairwise 1 - IoU of the annotations (0 for one annotator)
 * @param images              test images evaluated (what the t-tests rest on)
 * @param correctnessImages   images entering the rm_corr of correctness with entropy
 * @param agreementImages     images entering the rm_corr of disagreement with entropy; -1 with one annotator
 * @param emptySamples        mean share of samples without foreground on the images where every annotator marks
 *                            a lesion; NaN when no image has one
 * @param epochs              the training run's epoch records, empty when unknown
 * @param bestEpoch           the run's best epoch, 0 when unknown
 */
public record Evidence(boolean sampling, long unanimousPixels, long unanimousFound, long unanimousBackground,
                       long unanimousMarked, double predictedForeground,
                       double annotatedForeground, double sampleDiversity, double annotatorDiversity, int images,
                       int correctnessImages, int agreementImages, double emptySamples, List<EpochRecord> epochs,
                       int bestEpoch) {

    public Evidence {
        epochs = List.copyOf(epochs);
    }
}
