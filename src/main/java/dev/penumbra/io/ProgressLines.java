package dev.penumbra.io;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress as plain lines, for a log file or a pipe, where a redrawn bar would leave every redraw behind: one line
 * each time another tenth of the total is completed, or when {@link #INTERVAL_NANOS} (30 s) have passed since the
 * last line, whichever comes first, and a final line at the end. For example
 * {@code evaluate softmax (test): 40% (80/200), 12 s, LIDC-0042}. Lines end in {@code \n} alone, never in a
 * carriage return, whatever the platform. The time rule is checked at each step (no timer thread): a single step
 * longer than 30 s shows up when it ends.
 */
public final class ProgressLines implements Progress {

    /** The longest wait between two lines while steps complete: 30 s. */
    public static final long INTERVAL_NANOS = 30_000_000_000L;

    private final String task;
    private final long total;
    private final LongSupplier nanoClock;
    private final PrintStream sink;
    private final long startedAt;
    private long lastLineAt;
    private long done;
    private long tenthsShown;
    private String status = "";
    private boolean finished;

    /**
     * @param task      what is being done, e.g. "predict softmax (test)"
     * @param total     the steps expected; 0 or less when unknown (then only the 30 s rule and the final line)
     * @param nanoClock monotonic time in nanoseconds ({@code System::nanoTime})
     * @param sink      where the lines go (standard error)
     */
    public ProgressLines(String task, long total, LongSupplier nanoClock, PrintStream sink) {
        this.task = task;
        this.total = total;
        this.nanoClock = nanoClock;
        this.sink = sink;
        this.startedAt = nanoClock.getAsLong();
        this.lastLineAt = startedAt;
    }

    /** Lines on standard error, timed by {@link System#nanoTime()}. */
    public static ProgressLines onStandardError(String task, long total) {
        return new ProgressLines(task, total, System::nanoTime, System.err);
    }

    @Override
    public void step(String status) {
        done++;
        this.status = status == null ? "" : status;
        if (total > 0 && done >= total) {
            finish("");
            return;
        }
        long now = nanoClock.getAsLong();
        long tenths = total > 0 ? done * 10 / total : 0;
        if (tenths > tenthsShown || now - lastLineAt >= INTERVAL_NANOS) {
            tenthsShown = Math.max(tenthsShown, tenths);
            print(now, "");
        }
    }

    /** The final line: at 100% when every step was made, else where the work ended (early stop, failure). */
    @Override
    public void close() {
        finish(total > 0 && done < total ? "ended early at " : "");
    }

    private void finish(String prefix) {
        if (!finished) {
            finished = true;
            print(nanoClock.getAsLong(), prefix);
        }
    }

    private void print(long now, String prefix) {
        lastLineAt = now;
        StringBuilder line = new StringBuilder(task).append(": ").append(prefix);
        if (total > 0) {
            line.append(done * 100 / total).append("% (").append(done).append('/').append(total).append(')');
        } else {
            line.append(done).append(done == 1 ? " step" : " steps");
        }
        line.append(", ").append(elapsed(now - startedAt));
        if (!status.isEmpty()) {
            line.append(", ").append(status.replace('\r', ' ').replace('\n', ' '));
        }
        sink.print(line.append('\n'));
        sink.flush();
    }

    /** "12 s", "4 min 05 s", "2 h 03 min". */
    static String elapsed(long nanos) {
        long s = Math.max(0, nanos) / 1_000_000_000L;
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
    }
}
