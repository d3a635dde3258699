package dev.penumbra.cli;

import dev.penumbra.InputException;
import dev.penumbra.config.BuildInfo;
import dev.penumbra.config.Provenance;
import dev.penumbra.train.TrainingDivergedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;

/** Entry point of the {@code penumbra} command. */
@Command(name = "penumbra", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Probabilistic image segmentation and the honest evaluation of its uncertainty.",
            """
            %n\
            Trains segmentation models on one U-Net backbone and measures whether their uncertainty is \
            useful (after Czolbe et al., 'Is segmentation uncertainty useful?', IPMI 2021)."""},
        subcommands = {DemoCommand.class, DataCommand.class, TrainCommand.class, PredictCommand.class,
            ExportCommand.class,
            EvaluateCommand.class, ActiveCommand.class, TuneCommand.class, StudyCommand.class, StatsCommand.class,
            MetricsCommand.class,
            BenchCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 internal error or diverged training, 2 bad input or options.",
            "Run 'penumbra help COMMAND' or 'penumbra COMMAND --help' for a command's options."})
public final class Main implements Runnable {

    /** Exit code for a mistake in the user's input or options. */
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line, with errors mapped to clear messages and exit codes. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(Main::handle);
        cl.setParameterExceptionHandler(Main::handleOptions);
        cl.getCommandSpec().exitCodeOnInvalidInput(BAD_INPUT);
        GroupedHelp.install(cl);
        return cl;
    }

    /**
     * A mistake in the options: the one-line error, suggestions for a mistyped option, and where the help is; not the
     * whole usage text, which would bury the line that matters.
     */
    private static int handleOptions(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("penumbra: error: " + e.getMessage());
        CommandLine.ParseResult parsed = cl.getParseResult();
        if (!(e instanceof CommandLine.UnmatchedArgumentException) && parsed != null && !parsed.unmatched().isEmpty()) {
            // picocli names the first problem only; a mistyped option is often the cause of a "missing" one
            err.println("penumbra: error: unknown option or argument: " + String.join(" ", parsed.unmatched()));
        }
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Run '" + cl.getCommandSpec().qualifiedName() + " --help' for its options.");
        err.flush();
        return BAD_INPUT;
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        Throwable cause = e;
        while (cause != null && !(cause instanceof InputException) && !(cause instanceof TrainingDivergedException)
                && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof InputException) {
            return report(err, "penumbra: error: " + cause.getMessage(), BAD_INPUT);
        }
        if (cause instanceof TrainingDivergedException) {
            return report(err, "penumbra: " + cause.getMessage(), 1);
        }
        if (e instanceof InvalidPathException ip) {
            return report(err, "penumbra: error: the path '" + ip.getInput() + "' cannot be written in this locale's"
                    + " charset (" + System.getProperty("sun.jnu.encoding") + "); run under a UTF-8 locale, e.g."
                    + " LC_ALL=C.UTF-8 (the ./penumbra launcher does this itself)", BAD_INPUT);
        }
        if (e instanceof UncheckedIOException) {
            return report(err, "penumbra: error: " + e.getMessage(), 1);
        }
        throw new IllegalStateException("internal error, please report it with the command that caused it", e);
    }

    /** Prints {@code message} as the command's last words and returns {@code exitCode}. */
    private static int report(PrintWriter err, String message, int exitCode) {
        err.println(message);
        err.flush();
        return exitCode;
    }

    /** Prints the version and the engine it was built against. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"penumbra " + Provenance.version(), BuildInfo.current().describe()};
        }
    }
}
