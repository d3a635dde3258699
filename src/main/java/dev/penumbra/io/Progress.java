package dev.penumbra.io;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long loop, shown as a progress bar on standard error, or nothing when quiet (tests, pipes).
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

    /** Creates bars or silent progress. */
    interface Factory {
        Progress start(String task, long total);

        Factory CONSOLE = Progress::bar;
        Factory QUIET = (task, total) -> none();
    }
}
