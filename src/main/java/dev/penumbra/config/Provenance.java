package dev.penumbra.config;

import ai.djl.engine.Engine;
import dev.penumbra.io.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How an output was made: the full configuration, seeds, library versions, git revision, device, machine and
 * wall time. Written as {@code provenance.json} beside every checkpoint, table, figure and report.
 *
 * @param tool          "penumbra" and its version
 * @param command       the command that made the output
 * @param config        the full configuration as given (a record or map)
 * @param seeds         every seed used, by component
 * @param libraries     library versions (DJL, libtorch, Java)
 * @param gitRevision   the project's git revision, or "unknown" outside a checkout
 * @param device        the compute device, e.g. "cpu()"
 * @param machine       cores, memory limit, operating system
 * @param startedAt     ISO-8601 start time
 * @param wallSeconds   elapsed wall time in seconds
 */
public record Provenance(String tool, String command, Object config, Map<String, Long> seeds,
                         Map<String, String> libraries, String gitRevision, String device,
                         Map<String, String> machine, String startedAt, double wallSeconds) {

    public static final String FILE = "provenance.json";

    /** Collects the environment facts now. */
    public static Provenance of(String command, Object config, Map<String, Long> seeds, String device,
                                Instant started) {
        double wall = java.time.Duration.between(started, Instant.now()).toMillis() / 1000.0;
        return new Provenance("penumbra " + version(), command, config, seeds, libraryVersions(), currentGitRevision(), device,
                machineFacts(), started.toString(), Math.max(0, wall));
    }

    /** Writes {@code provenance.json} into the folder, atomically. */
    public void writeTo(Path folder) {
        Json.write(folder.resolve(FILE), this);
    }

    public static String version() {
        String v = Provenance.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    static Map<String, String> libraryVersions() {
        Map<String, String> libs = new LinkedHashMap<>();
        libs.put("java", System.getProperty("java.version"));
        libs.put("djl", Engine.getDjlVersion());
        try {
            Engine engine = Engine.getInstance();
            libs.put("engine", engine.getEngineName() + " " + engine.getVersion());
        } catch (RuntimeException e) {
            libs.put("engine", "unavailable: " + e.getMessage());
        }
        return libs;
    }

    static Map<String, String> machineFacts() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        m.put("maxHeapMiB", Long.toString(Runtime.getRuntime().maxMemory() >> 20));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        m.put("allocator", allocator());
        return m;
    }

    /** The allocator the launcher chose (jemalloc, glibc, system), or what LD_PRELOAD shows without the launcher. */
    public static String allocator() {
        String chosen = System.getenv("PENUMBRA_ALLOCATOR_IN_USE");
        if (chosen != null) {
            return chosen;
        }
        String preload = System.getenv("LD_PRELOAD");
        return preload != null && preload.contains("jemalloc") ? "jemalloc" : "system";
    }

    /** The git revision of the installation (the launcher exports its folder), with "-dirty" for local changes. */
    static String currentGitRevision() {
        String home = System.getProperty("penumbra.home", System.getenv().getOrDefault("PENUMBRA_HOME", "."));
        String sha = git(home, "rev-parse", "HEAD");
        if (sha == null) {
            return "unknown";
        }
        String status = git(home, "status", "--porcelain", "--untracked-files=no");
        return status != null && !status.isEmpty() ? sha + "-dirty" : sha;
    }

    private static String git(String dir, String... args) {
        String[] cmd = new String[args.length + 3];
        cmd[0] = "git";
        cmd[1] = "-C";
        cmd[2] = dir;
        System.arraycopy(args, 0, cmd, 3, args.length);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

}
