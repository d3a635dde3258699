/**
 * Evaluation of trained runs on a dataset split (PROTOCOL.md "Uncertainty" and "Evaluation"): per-image scores,
 * per-pixel samples of uncertainty with the annotators' votes, calibration and failure detection, the statistics
 * between and within models, and the tables and figures written from them.
 */
package dev.penumbra.evaluate;
