/**
 * The one training loop for every model, its optimiser, and the work that spans the loop: divergence checks,
 * checkpoints, early stopping and the metrics log.
 */
package dev.penumbra.train;
