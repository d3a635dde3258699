package dev.penumbra.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Resident memory of this process from {@code /proc/self/status} (Linux). Native tensors live outside the Java
 * heap, so only the resident set shows what libtorch holds.
 */
final class ProcessMemory {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private ProcessMemory() {
    }

    /**
     * @param peakMiB    the high-water mark VmHWM, since the last successful {@link #resetPeak()} or process start
     * @param currentMiB VmRSS now
     */
    record Snapshot(Double peakMiB, Double currentMiB) {
    }

    /**
     * Resets the high-water mark to the current resident set (writing 5 to clear_refs, Linux 4.0+), so the next
     * peak belongs to what runs in between.
     *
     * @return false where that is not possible; peaks then count from the process start
     */
    static boolean resetPeak() {
        try {
            Files.writeString(CLEAR_REFS, "5");
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** Both values, or nulls where /proc is absent. */
    static Snapshot read() {
        try {
            List<String> lines = Files.readAllLines(STATUS);
            return new Snapshot(field(lines, "VmHWM:"), field(lines, "VmRSS:"));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return new Snapshot(null, null);
        }
    }

    private static Double field(List<String> lines, String name) {
        for (String line : lines) {
            if (line.startsWith(name)) {
                String[] parts = line.substring(name.length()).trim().split("\\s+");
                return Long.parseLong(parts[0]) / 1024.0; // kB
            }
        }
        return null;
    }
}
