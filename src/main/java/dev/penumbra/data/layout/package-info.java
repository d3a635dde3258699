/**
 * Dataset layouts: how images and annotations are arranged on disk ({@code isic}, {@code isic-challenge},
 * {@code lidc}, {@code lidc-kohl}, {@code folder}), detected or chosen by name through
 * {@link dev.penumbra.data.layout.DatasetLayouts}. A layout finds and pairs files and checks their names; it decodes
 * no pixels.
 */
package dev.penumbra.data.layout;
