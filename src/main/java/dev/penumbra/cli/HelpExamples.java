package dev.penumbra.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two or three real command lines per command, printed at the end of its help (the README's, with paths a reader
 * replaces by theirs). They live in the resource {@value #RESOURCE}: a {@code [penumbra train]} line, then that
 * command's examples, one per line. {@code HelpTest} parses every one, so an example that names a removed option
 * fails the build.
 */
final class HelpExamples {

    /** The help section key of the examples, placed before the footer. */
    static final String SECTION_KEY = "examples";
    static final String RESOURCE = "examples.txt";

    private HelpExamples() {
    }

    /** Examples by the command's qualified name, in the resource's order. */
    static final Map<String, List<String>> BY_COMMAND = read();

    private static Map<String, List<String>> read() {
        Map<String, List<String>> examples = new LinkedHashMap<>();
        List<String> current = null;
        try (InputStream in = HelpExamples.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the build lacks the resource " + RESOURCE + " beside "
                        + HelpExamples.class.getName());
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                if (l.startsWith("[") && l.endsWith("]")) {
                    current = new ArrayList<>();
                    examples.put(l.substring(1, l.length() - 1), current);
                } else if (current == null) {
                    throw new IllegalStateException(RESOURCE + ": example before the first [command] line: " + l);
                } else {
                    current.add(l);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resource " + RESOURCE + ": " + e.getMessage(), e);
        }
        examples.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(examples);
    }

    /** The examples section of a command's help, or nothing for a command without examples. */
    static String render(String command) {
        List<String> examples = BY_COMMAND.get(command);
        if (examples == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(System.lineSeparator()).append("Examples:").append(System.lineSeparator());
        examples.forEach(e -> b.append("  ").append(e).append(System.lineSeparator()));
        return b.toString();
    }
}
