package dev.penumbra.cli;

import picocli.CommandLine.Mixin;

/**
 * The options of the commands that sample trained runs ({@code predict}, {@code evaluate}): the dataset (default:
 * the run's), the output folder, samples and batch, the seed, the GED estimator and the engine.
 */
public final class SampledOptions {

    @Mixin
    DataOption data;

    @Mixin
    OutOption out;

    @Mixin
    SamplingOptions sampling;

    @Mixin
    SeedOption seed;

    @Mixin
    EstimatorOption estimator;

    @Mixin
    EngineOptions engine;

    @Mixin
    PrecisionOption precision;
}
