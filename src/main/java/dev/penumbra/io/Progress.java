package dev.penumbra.io;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long loop on standard error: a redrawn progress bar on a terminal, plain lines in a log file or a
 * pipe ({@link ProgressLines}; see {@link Terminal} for how a terminal is recognised), or nothing when quiet. A task
 * names what it does and on what, e.g. "train softmax", "predict softmax (test)", "evaluate punet (val)".
 */
public interface Progress extends AutoCloseable {

    /** Advances by one unit, with a short status such as the current loss. */
    void step(String status);

    @Override
    void close();

    /** A progress bar on standard error. */
    static Progress bar(String task, long total) {
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).continuousUpdate()
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
        return new Progress() {
            @Override
            public void step(String status) {
                bar.step();
                bar.setExtraMessage(status);
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }

    /** Shows nothing. */
    static Progress none() {
        return new Progress() {
            @Override
            public void step(String status) {
            }

            @Override
            public void close() {
            }
        };
    }

    /** Creates bars, lines or silent progress. */
    interface Factory {
        Progress start(String task, long total);

        /**
         * This factory with every task named after what it works on: {@code on("test")} turns "predict softmax"
         * into "predict softmax (test)".
         */
        default Factory on(String what) {
            return (task, total) -> start(task + " (" + what + ")", total);
        }

        /** A bar when standard error is a terminal, else plain lines; decided at each start. */
        Factory CONSOLE = (task, total) -> Terminal.standardErrorIsTerminal() ? bar(task, total)
                : ProgressLines.onStandardError(task, total);
        Factory QUIET = (task, total) -> none();
    }
}
