package dev.penumbra.export;

import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Python with python3-torch, which the PyTorch side of the export is checked with. Missing, it fails the
 * tests that need it, saying what to install, unless {@value #SKIP} = 1 (then they are skipped with that reason).
 */
final class PythonTorch {

    /** Debian's interpreter: the {@code python3} first on PATH may be another one without torch. */
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final String SKIP = "PENUMBRA_SKIP_PYTHON_TESTS";
    /** The repository's Python module, from Maven's working folder (the project root). */
    static final Path MODULE_DIR = Path.of("python").toAbsolutePath();
    private static final int TIMEOUT_SECONDS = 300;

    private PythonTorch() {
    }

    /** Fails (or, with {@value #SKIP}=1, skips) unless /usr/bin/python3 imports torch and numpy. */
    static void require() {
        require(PYTHON, System.getenv(SKIP));
    }

    /** As {@link #require()} for the interpreter {@code python}, with {@code skip} the value of {@value #SKIP}. */
    static void require(Path python, String skip) {
        String problem = null;
        if (!Files.isExecutable(python)) {
            problem = python + " does not exist";
        } else {
            Result r = run(python, List.of("-c", "import torch, numpy"));
            if (r.exitCode() != 0) {
                problem = python + " cannot import torch and numpy: " + r.output().strip();
            }
        }
        if (problem == null) {
            return;
        }
        String reason = problem + "; the PyTorch export is checked with Debian's python3-torch: install it with"
                + " 'apt-get install python3-torch python3-numpy' (or set " + SKIP + "=1 to skip these tests)";
        if ("1".equals(skip)) {
            Assumptions.abort(SKIP + "=1: " + reason);
        }
        fail(reason);
    }

    /** What a Python run printed (stdout and stderr together) and its exit code. */
    record Result(int exitCode, String output) {
    }

    /** Runs /usr/bin/python3 with {@code args}, the repository's python/ on PYTHONPATH. */
    static Result run(List<String> args) {
        return run(PYTHON, args);
    }

    private static Result run(Path python, List<String> args) {
        List<String> command = new ArrayList<>(List.of(python.toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PYTHONPATH", MODULE_DIR.toString());
        pb.environment().put("OMP_NUM_THREADS", "1");
        Path log = null;
        try {
            log = Files.createTempFile("penumbra-python", ".log");
            Process p = pb.redirectOutput(log.toFile()).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out after " + TIMEOUT_SECONDS + " s: " + read(log));
            }
            return new Result(p.exitValue(), read(log));
        } catch (IOException e) {
            return new Result(-1, "cannot start " + python + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        } finally {
            if (log != null) {
                log.toFile().delete();
            }
        }
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
