package dev.penumbra.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@link RunOptions} with one output folder and the GED estimator: {@code train}, {@code tune}, {@code active}. */
public final class TrainingOptions {

    @Mixin
    RunOptions run;

    @Mixin
    OutOption out;

    @Mixin
    EstimatorOption estimator;

    @Option(names = "--resume", description = "Continue the work in --out where it stopped, with the settings and"
            + " data it was started with: what is finished is not redone (the command's description says what"
            + " may differ).")
    boolean resume;
}
