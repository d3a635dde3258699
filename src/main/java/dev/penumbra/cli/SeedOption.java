package dev.penumbra.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --seed} of every command that draws random numbers: one seed, from which each component derives its
 * own stream, so the same seed gives the same numbers. What it seeds is said in each command's description.
 */
public final class SeedOption {

    /** The seed when none is given. */
    public static final long DEFAULT = 1;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "" + DEFAULT,
            description = "Seed of this command's random draws; the same seed gives the same numbers (default:"
                    + " ${DEFAULT-VALUE}).")
    long seed = DEFAULT;

    public long get() {
        return seed;
    }
}
