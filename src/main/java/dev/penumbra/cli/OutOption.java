package dev.penumbra.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The required {@code --out} of the commands that write one output folder. */
public final class OutOption {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder, new or empty"
            + " (with --resume, where the command has it: the folder to continue). Written atomically: an"
            + " interrupted command leaves no half-written folder under this name.")
    Path out;

    public Path get() {
        return out;
    }
}
