package dev.penumbra.cli;

import picocli.CommandLine.Option;

/** The {@code --max-steps} of the commands that train with early stopping ({@code train}, {@code tune}). */
public final class MaxStepsOption {

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "0", description = "Cap on gradient updates of"
            + " each training run; 0 = none (default).")
    long maxSteps;

    /** The cap given; 0 = none. */
    public long get() {
        return maxSteps;
    }
}
