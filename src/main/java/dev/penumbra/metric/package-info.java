/**
 * Pure functions on predictions and annotations: pixel uncertainty, overlap and distance measures (IoU, GED,
 * Hungarian-matched IoU, soft Dice), the optimal assignment behind the matching, calibration (reliability bins and
 * ECE) and uncertainty as a detector of errors (AUROC, risk-coverage and AURC).
 */
package dev.penumbra.metric;
