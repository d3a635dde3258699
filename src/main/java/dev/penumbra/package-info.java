/** Penumbra: probabilistic image segmentation and the honest evaluation of its uncertainty. */
package dev.penumbra;
