/**
 * Deterministic synthetic data sets that stand in for LIDC-IDRI crops (ambiguous: four annotators who disagree)
 * and ISIC 2018 (unambiguous: one exact annotation), written in the same on-disk layouts as the real data so that
 * the ordinary loaders read them. The ambiguous set also carries its true annotator distribution p(a|x), which the
 * real data cannot give, so that calibration of the models can be checked against the truth.
 *
 * <p>Entry point: {@link dev.penumbra.data.synthetic.SyntheticData#write}. Same options, same bytes.
 */
package dev.penumbra.data.synthetic;
