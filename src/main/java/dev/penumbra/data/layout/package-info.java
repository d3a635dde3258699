/**
 * Dataset layouts: how images and annotations are arranged on disk ({@code isic}, {@code isic-challenge},
 * {@code lidc}, {@code lidc-kohl}, {@code folder}, and {@code lidc-hdf5}, the LIDC crops in one HDF5 file), detected
 * or chosen by name through {@link dev.penumbra.data.layout.DatasetLayouts}. A folder layout finds and pairs files
 * and checks their names; it decodes no pixels. A single-file layout ({@link dev.penumbra.data.layout.FileLayout})
 * has no image files to pair, so it also decodes its samples.
 */
package dev.penumbra.data.layout;
