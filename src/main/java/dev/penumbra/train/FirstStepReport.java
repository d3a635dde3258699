package dev.penumbra.train;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Says once how long a run took to reach its first gradient update: the time from the start of the process (the JVM:
 * reading the data, building the model, the first step itself) and the time from the start of training. On a large
 * data set the wait before anything trains is worth knowing. Only the process's first training counts from the
 * process start: for the later ones of a demo, study or active-learning run that time would be mostly the trainings
 * before them.
 */
public final class FirstStepReport implements TrainingListener {

    /** Whether no training of this process has reported yet. */
    private static final AtomicBoolean PROCESS_FIRST = new AtomicBoolean(true);

    private final Consumer<String> sink;
    private final LongSupplier clockMillis;
    private final long processStartMillis;
    private final AtomicBoolean firstInProcess;
    private long beginMillis;
    private boolean reported;

    /** @param sink receives the one line, e.g. {@code System.err::println} */
    public FirstStepReport(Consumer<String> sink) {
        this(sink, System::currentTimeMillis, ManagementFactory.getRuntimeMXBean().getStartTime(), PROCESS_FIRST);
    }

    /** @param firstInProcess true until a report of this process has counted from the process start */
    FirstStepReport(Consumer<String> sink, LongSupplier clockMillis, long processStartMillis,
                    AtomicBoolean firstInProcess) {
        this.sink = sink;
        this.clockMillis = clockMillis;
        this.processStartMillis = processStartMillis;
        this.firstInProcess = firstInProcess;
    }

    @Override
    public void onTrainingBegin(TrainingContext context) {
        beginMillis = clockMillis.getAsLong();
    }

    @Override
    public void onStep(TrainingContext context, double loss) {
        if (reported) {
            return;
        }
        reported = true;
        long now = clockMillis.getAsLong();
        String process = firstInProcess.getAndSet(false)
                ? String.format(Locale.ROOT, " %.1f s after the process started,", (now - processStartMillis) / 1e3)
                : "";
        sink.accept(String.format(Locale.ROOT, "train %s: first step (%d) done%s %.1f s after training began",
                context.model().name(), context.step(), process, (now - beginMillis) / 1e3));
    }
}
