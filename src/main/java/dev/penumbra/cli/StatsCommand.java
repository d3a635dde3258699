package dev.penumbra.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code penumbra stats}: statistical tests on result tables (CSV). */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Statistics on a CSV results table: repeated-measures correlation and t-tests.",
        subcommands = {StatsRmCorrCommand.class, StatsTTestCommand.class})
public final class StatsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
