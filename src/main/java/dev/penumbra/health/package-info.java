/**
 * Health checks: whether there is anything to evaluate. A model that finds no lesion, a sampling model whose samples
 * are all alike, a statistic resting on a handful of images, or a training run that never improved makes numbers
 * that look like evidence and are not; these checks name such findings, with their number and threshold, so that
 * every table, figure and summary can mark them.
 */
package dev.penumbra.health;
