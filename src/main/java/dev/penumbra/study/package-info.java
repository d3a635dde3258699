/**
 * The whole study in one command: every model trained, evaluated and put through active learning, resumable unit
 * by unit, runnable as a Slurm job array, and gathered into one report beside the published numbers.
 */
package dev.penumbra.study;
