/**
 * Tuning by validation GED (PROTOCOL.md: dropout p and beta were chosen by a grid search minimising the validation
 * GED): a grid of settings, one training run per point, the winner marked.
 */
package dev.penumbra.tune;
