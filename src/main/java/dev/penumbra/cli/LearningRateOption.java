package dev.penumbra.cli;

import picocli.CommandLine.Option;

/** The {@code --lr} of the commands that train with the rate they are given ({@code train}, {@code active}). */
public final class LearningRateOption {

    @Option(names = "--lr", paramLabel = "RATE", description = "Adam learning rate (default: the preset's).")
    Float lr;

    /** The rate given, or null for the preset's. */
    public Float get() {
        return lr;
    }
}
