package dev.penumbra.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * A command that does work and returns its exit code. Picocli injects the command's spec; {@link #out()} and
 * {@link #err()} are the streams the command line was given, so tests and callers capture what a command prints.
 */
public abstract class PenumbraCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Standard output of the command line that runs this command. */
    protected final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Standard error of the command line that runs this command. */
    protected final PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
