package dev.penumbra.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and captures what it prints. */
record Cli(int exitCode, String out, String err) {

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    /** A user's mistake: exit 2, one message, no stack trace. */
    boolean isCleanInputError() {
        return exitCode == 2 && err.startsWith("penumbra: error: ") && !err.contains("\tat ")
                && !err.contains("Exception");
    }
}
