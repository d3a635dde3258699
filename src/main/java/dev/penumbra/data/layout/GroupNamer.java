package dev.penumbra.data.layout;

import dev.penumbra.InputException;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the group (patient) of an image id: by {@code --group-regex} when given, which must then match every id
 * (an id outside every group would silently become its own patient); else by the layout's default pattern when it
 * matches; else the id itself. Patterns are searched with {@link Matcher#find()}; the group is capture group 1.
 *
 * @param given      the compiled {@code --group-regex}, if any
 * @param byDefault  the layout's pattern (LIDC: {@code ^(LIDC-IDRI-\d+)}), or empty
 */
record GroupNamer(Optional<Pattern> given, Optional<Pattern> byDefault) {

    /** @param shownImage the image file as messages show it */
    String groupOf(String id, String shownImage) {
        if (given.isPresent()) {
            return capture(given.get(), id).orElseThrow(() -> new InputException("--group-regex '"
                    + given.get().pattern() + "' does not match the id '" + id + "' of image " + shownImage
                    + ": every image id must contain its group (patient) in capture group 1"));
        }
        return byDefault.flatMap(p -> capture(p, id)).orElse(id);
    }

    private static Optional<String> capture(Pattern p, String id) {
        Matcher m = p.matcher(id);
        if (!m.find() || m.group(1) == null || m.group(1).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1));
    }
}
