/**
 * Predictions made by any tool, read from files in the layout {@code penumbra predict} writes
 * ({@code DIR/<image id>/sample_00.png, ...}, optional {@code probability_c<k>.npy} or 16-bit {@code .png}), so that
 * {@code penumbra evaluate --predictions NAME=DIR} evaluates them like a trained run.
 */
package dev.penumbra.external;
