/**
 * Thin wrappers over Apache Commons Math for the evaluation's statistics: t-tests, repeated-measures correlation
 * and bootstrap intervals, each returning a result record; and {@link dev.penumbra.stats.CsvTable}, which reads the
 * CSV tables they run on with clear messages for bad input.
 */
package dev.penumbra.stats;
