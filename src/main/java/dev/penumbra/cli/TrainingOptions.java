package dev.penumbra.cli;

import picocli.CommandLine.Mixin;

/** {@link RunOptions} with one output folder and the GED estimator: {@code train}, {@code tune}, {@code active}. */
public final class TrainingOptions {

    @Mixin
    RunOptions run;

    @Mixin
    OutOption out;

    @Mixin
    EstimatorOption estimator;
}
