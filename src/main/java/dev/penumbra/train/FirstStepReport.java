package dev.penumbra.train;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Says once how long a run took to reach its first gradient update: the time from the start of the process (the JVM:
 * reading the data, building the model, the first step itself) and the time from the start of training. On a large
 * data set the wait before anything trains is worth knowing.
 */
public final class FirstStepReport implements TrainingListener {

    private final Consumer<String> sink;
    private final LongSupplier clockMillis;
    private final long processStartMillis;
    private long beginMillis;
    private boolean reported;

    /** @param sink receives the one line, e.g. {@code System.err::println} */
    public FirstStepReport(Consumer<String> sink) {
        this(sink, System::currentTimeMillis, ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    FirstStepReport(Consumer<String> sink, LongSupplier clockMillis, long processStartMillis) {
        this.sink = sink;
        this.clockMillis = clockMillis;
        this.processStartMillis = processStartMillis;
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
        sink.accept(String.format(Locale.ROOT, "train %s: first step (%d) done %.1f s after the process started,"
                        + " %.1f s after training began", context.model().name(), context.step(),
                (now - processStartMillis) / 1e3, (now - beginMillis) / 1e3));
    }
}
