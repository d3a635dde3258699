package dev.penumbra.evaluate;

/**
 * Scores of one test image under one model. GED and diversity are given for each sample count of
 * {@link EvaluationSettings#gedCounts()}, in that order, with the paper estimator; the all-pairs and unbiased
 * estimators (see {@link dev.penumbra.metric.Ged.Estimator}) are given for the largest count.
 *
 * @param model                 the model's label in this evaluation
 * @param image                 image id
 * @param annotators            annotations of the image
 * @param ged                   D^2 (paper estimator) per sample count
 * @param diversity             sample diversity E[d(y, y')] (paper estimator) per sample count
 * @param gedAllPairs           D^2 with the all-pairs estimator (all given annotations, pairs i = j included) at
 *                              the largest sample count (its sample diversity is the paper estimator's: the samples are not re-drawn)
 * @param gedUnbiased           D^2 with the unbiased estimator at the largest sample count
 * @param diversityUnbiased     sample diversity, unbiased estimator, largest sample count
 * @param annotationDiversity   E[d(a, a')] over distinct annotator pairs (0 for one annotator)
 * @param ncc                   normalised cross-correlation of PHiSeg/SSN between the samples' expected
 *                              cross-entropy map and each annotator's, averaged over annotators, all samples (see
 *                              {@link dev.penumbra.metric.Ncc})
 * @param hungarianIou          mean IoU of the optimal sample-annotation matching, largest sample count
 * @param softDice              soft Dice of the mean foreground probability against the mean annotation
 * @param meanEntropy           mean pixel predictive entropy, bits
 * @param meanMutualInformation mean pixel mutual information, bits
 * @param meanAnnotatorEntropy  mean pixel entropy of the mean annotation, bits
 * @param predictedForeground   share of pixels whose mean prediction is foreground
 * @param annotatedForeground   mean share of pixels the annotators mark
 * @param majorityDice          Dice between the majority of the samples (pixels in at least half of them) and the
 *                              majority annotation (pixels at least half of the annotators mark); NaN when no pixel
 *                              has an annotator majority, so that only images with a lesion count
 * @param unanimousForeground   pixels every annotator marks
 * @param unanimousFound        of those, the pixels the mean prediction calls foreground
 * @param unanimousBackground   pixels no annotator marks
 * @param unanimousMarked       of those, the pixels the mean prediction calls foreground
 * @param emptySamples          share of the samples (largest count) with no foreground pixel, on an image where
 *                              every annotator marks some pixel (a clear miss); NaN on other images
 * @param oracleGed             GED at the largest sample count against the image's oracle annotators (see
 *                              {@link OracleScores}); NaN when the data has no oracle
 * @param oracleFloor           what samples from the true annotator distribution score there; NaN without oracle
 */
public record ImageScores(String model, String image, int annotators, double[] ged, double[] diversity,
                          double gedAllPairs, double gedUnbiased,
                          double diversityUnbiased, double annotationDiversity, double ncc, double hungarianIou, double softDice, double meanEntropy, double meanMutualInformation,
                          double meanAnnotatorEntropy, double predictedForeground, double annotatedForeground,
                          double majorityDice, int unanimousForeground, int unanimousFound,
                          int unanimousBackground, int unanimousMarked, double emptySamples, double oracleGed,
                          double oracleFloor) {
}
