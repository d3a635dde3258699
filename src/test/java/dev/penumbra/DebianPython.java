package dev.penumbra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a Python script of the test resources with Debian's {@code /usr/bin/python3} and numpy. Where either is
 * missing the test fails, saying what to install, so that CI cannot pass without having run it; only with
 * {@code PENUMBRA_SKIP_PYTHON_TESTS=1} in the environment is it skipped instead, with that reason.
 */
public final class DebianPython {

    public static final Path PYTHON = Path.of("/usr/bin/python3");
    static final String SKIP = "PENUMBRA_SKIP_PYTHON_TESTS";

    private DebianPython() {
    }

    /** Fails (or, with PENUMBRA_SKIP_PYTHON_TESTS=1, skips) the test unless /usr/bin/python3 can import numpy. */
    public static void requireNumpy() {
        String problem = null;
        if (!Files.isExecutable(PYTHON)) {
            problem = PYTHON + " is missing";
        } else {
            Result r = run(List.of(PYTHON.toString(), "-c", "import numpy"));
            if (r.exitCode() != 0) {
                problem = PYTHON + " cannot import numpy (" + r.output().strip() + ")";
            }
        }
        if (problem == null) {
            return;
        }
        if ("1".equals(System.getenv(SKIP))) {
            Assumptions.abort(problem + "; skipped because " + SKIP + "=1");
        }
        fail(problem + ": install Debian's python3-numpy (apt-get install -y python3-numpy), or set " + SKIP
                + "=1 to skip the tests that need it");
    }

    /** Runs {@code script} (a test resource) with {@code args}; the test fails when it does not exit 0. */
    public static void runScript(Path script, String... args) {
        requireNumpy();
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), script.toString()));
        command.addAll(List.of(args));
        Result r = run(command);
        assertThat(r.exitCode()).as("%s exited %d: %s", script, r.exitCode(), r.output()).isZero();
    }

    /** A resource file of the test classpath, as a path. */
    public static Path resource(Class<?> near, String name) {
        try {
            return Path.of(near.getResource(name).toURI());
        } catch (java.net.URISyntaxException | NullPointerException e) {
            throw new AssertionError("test resource " + name + " not found beside " + near.getName(), e);
        }
    }

    record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out after 120 s");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }
}
