package dev.penumbra.health;

import java.util.Locale;

/**
 * One finding about one model: a named check that fired, with the measured value and the threshold it crossed.
 *
 * @param name      short stable name, e.g. {@code no_foreground} (see {@link HealthThresholds} for every name)
 * @param value     the measured number
 * @param threshold the threshold it was compared with
 * @param message   one sentence for a reader: what was found and what it means
 */
public record HealthFlag(String name, double value, double threshold, String message) {

    /** The flag as one line: {@code name (value 0.000, threshold 0.100): message}. */
    public String line() {
        return String.format(Locale.ROOT, "%s (value %.3g, threshold %.3g): %s", name, value, threshold, message);
    }
}
