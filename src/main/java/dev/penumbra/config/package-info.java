/**
 * Settings records of runs, the provenance written beside every output, and {@link dev.penumbra.config.Seeds}, the
 * one place where the random streams get their seeds.
 */
package dev.penumbra.config;
