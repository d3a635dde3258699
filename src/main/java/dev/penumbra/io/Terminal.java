package dev.penumbra.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether standard error is a terminal, which decides between a redrawn progress bar and plain progress lines.
 * Java 17 cannot ask this of one stream ({@link System#console()} is non-null only when standard input and output
 * are both terminals), so the answer comes from, in order:
 * <ol>
 *   <li>the system property {@value #PROPERTY} ({@code true} or {@code false}), which the {@code ./penumbra}
 *       launcher sets from the shell's {@code [ -t 2 ]};</li>
 *   <li>on Linux, where {@code /proc/self/fd/2} points: a terminal device ({@code /dev/pts/N}, {@code /dev/ttyN},
 *       {@code /dev/console}) or anything else (a file, a pipe, {@code /dev/null});</li>
 *   <li>{@code System.console() != null}, the best guess left.</li>
 * </ol>
 */
public final class Terminal {

    /** The system property that says whether standard error is a terminal: true or false. */
    public static final String PROPERTY = "penumbra.stderr.tty";

    private static final Path STDERR_LINK = Path.of("/proc/self/fd/2");

    private Terminal() {
    }

    /** Whether standard error is a terminal, by the rules above. */
    public static boolean standardErrorIsTerminal() {
        return decide(System.getProperty(PROPERTY), stderrTarget(), System.console() != null);
    }

    /**
     * @param property the value of {@value #PROPERTY}, or null when unset
     * @param target   where standard error's file descriptor points, when the system can say
     * @param console  whether {@link System#console()} is non-null
     * @throws IllegalArgumentException for a property other than true or false (a launcher bug, not user input)
     */
    static boolean decide(String property, Optional<String> target, boolean console) {
        if (property != null) {
            return switch (property.trim()) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("-D" + PROPERTY + " must be true or false, got '"
                        + property + "'");
            };
        }
        return target.map(Terminal::isTerminalDevice).orElse(console);
    }

    static boolean isTerminalDevice(String path) {
        return path.startsWith("/dev/pts/") || path.matches("/dev/tty[0-9A-Za-z]*") || path.equals("/dev/console");
    }

    private static Optional<String> stderrTarget() {
        try {
            return Optional.of(Files.readSymbolicLink(STDERR_LINK).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }
}
