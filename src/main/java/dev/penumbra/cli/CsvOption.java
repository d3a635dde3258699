package dev.penumbra.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --csv} results table of the {@code stats} commands. */
public final class CsvOption {

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "CSV table with a header line.")
    Path csv;

    public Path get() {
        return csv;
    }
}
