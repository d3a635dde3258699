package dev.penumbra.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --seed} of every command that draws random numbers: one seed, from which each component derives its
 * own stream, so the same seed gives the same numbers. What it seeds is said in each command's description.
 */
public final class SeedOption {

    /** The seed when none is given. */
    public static final long DEFAULT = 1;

    @Option(names = "--seed", paramLabel = "SEED",
            description = "Seed of this command's random draws; the same seed gives the same numbers (default:"
                    + " ${DEFAULT-VALUE}).")
    long seed;

    /** The option with {@link #DEFAULT} as its default. */
    public SeedOption() {
        this(DEFAULT);
    }

    /** The option with another default, for a command whose seed has always had its own. */
    SeedOption(long defaultSeed) {
        this.seed = defaultSeed;
    }

    public long get() {
        return seed;
    }
}
