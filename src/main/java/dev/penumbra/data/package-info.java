/**
 * Samples and datasets: images (C x H x W floats in [0, 1]) with one binary mask per annotator, read from disk by
 * {@link dev.penumbra.data.DatasetReader} with strict checks, split into train / val / test (group-wise when the
 * data has no split folders), and summarised for {@code penumbra data check} by
 * {@link dev.penumbra.data.DatasetSummary}.
 */
package dev.penumbra.data;
