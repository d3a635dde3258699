package dev.penumbra.cli;

import picocli.CommandLine.Option;

/** The {@code --max-epochs} of the commands that train with early stopping ({@code train}, {@code tune}, {@code study}). */
public final class MaxEpochsOption {

    @Option(names = "--max-epochs", paramLabel = "N", description = "Epoch cap of each training run (default: the"
            + " preset's).")
    Integer maxEpochs;

    /** The cap given, or null for the preset's. */
    public Integer get() {
        return maxEpochs;
    }
}
