package dev.penumbra.cli;

import picocli.CommandLine.Mixin;

/**
 * The options of every command that builds training runs ({@code train}, {@code tune}, {@code active},
 * {@code study}): the dataset and how it is read, the preset, batch size and filters, the seed and the engine.
 */
public final class RunOptions {

    @Mixin
    DataOption data;

    @Mixin
    PresetOption preset;

    @Mixin
    StepOptions steps;

    @Mixin
    SeedOption seed;

    @Mixin
    DataOptionsMixin reading;

    @Mixin
    EngineOptions engine;

    @Mixin
    PrecisionOption precision;
}
