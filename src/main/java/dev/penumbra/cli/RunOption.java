package dev.penumbra.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --run} of the commands that use one trained run ({@code predict}, {@code export}). */
public final class RunOption {

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "Run folder written by 'penumbra train'.")
    Path run;

    public Path get() {
        return run;
    }
}
