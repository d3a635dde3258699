package dev.penumbra.evaluate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.penumbra.InputException;

/**
 * A score of the evaluation and, for scores of samples, the sample count: the key of every table column, summary
 * mean and comparison. Its text, {@link #toString()}, is the name in the files ("ged@16", "ged_all_pairs@16",
 * "soft_dice"), as JSON value and as map key alike.
 *
 * @param metric  the score
 * @param samples samples per image, at least 1; {@link #UNCOUNTED} for a score without a count
 */
public record MetricKey(Metric metric, int samples) {

    /** {@link #samples} of a score without a sample count. */
    public static final int UNCOUNTED = 0;

    public MetricKey {
        if (metric.counted() ? samples < 1 : samples != UNCOUNTED) {
            throw new IllegalArgumentException(metric.text() + (metric.counted()
                    ? " needs a sample count of at least 1, got " + samples : " has no sample count, got " + samples));
        }
    }

    /** Reads a key from its text, e.g. "ged@16"; the inverse of {@link #toString()}. */
    @JsonCreator
    public static MetricKey valueOf(String text) {
        int at = text.indexOf('@');
        String name = at < 0 ? text : text.substring(0, at);
        for (Metric m : Metric.values()) {
            if (m.text().equals(name) && m.counted() == (at >= 0)) {
                try {
                    return at < 0 ? m.key() : m.at(Integer.parseInt(text.substring(at + 1)));
                } catch (IllegalArgumentException e) {
                    break; // a count that is no positive number
                }
            }
        }
        throw new InputException("unknown metric '" + text + "': expected a name such as ged@16 or soft_dice");
    }

    @JsonValue
    @Override
    public String toString() {
        return samples == UNCOUNTED ? metric.text() : metric.text() + "@" + samples;
    }
}
