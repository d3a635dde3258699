package dev.penumbra.config;

import ai.djl.engine.Engine;
import dev.penumbra.data.DataFingerprint;
import dev.penumbra.data.DataOptions;
import dev.penumbra.io.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How an output was made: the full configuration, seeds, library versions, git revision, device, machine, a
 * fingerprint of the input data and the wall time. Written as {@code provenance.json} beside every checkpoint,
 * table, figure and report, when that output is written: {@link #writeTo} stamps the end time, so
 * {@code wallSeconds} is the time from the start of the work to the writing of its output.
 *
 * @param tool          "penumbra" and its version
 * @param command       the command that made the output
 * @param config        the full configuration as given (a record or map)
 * @param seeds         every seed used, by component
 * @param libraries     library versions (DJL, libtorch, Java)
 * @param gitRevision   the project's git revision, or "unknown" outside a checkout
 * @param device        the compute device, e.g. "cpu()"
 * @param machine       cores, memory limit, operating system
 * @param data          a fingerprint of each input dataset (see {@link DataFingerprint}: file names, sizes and
 *                      modification times), by the {@code --data} value that named it (or the
 *                      {@code --images} folder of {@code predict}); empty for work without input data (a benchmark)
 * @param startedAt     ISO-8601 start time of the work
 * @param finishedAt    ISO-8601 time the output was written
 * @param wallSeconds   finishedAt - startedAt, in seconds
 */
public record Provenance(String tool, String command, Object config, Map<String, Long> seeds,
                         Map<String, String> libraries, String gitRevision, String device,
                         Map<String, String> machine, Map<String, DataFingerprint> data, String startedAt, String finishedAt,
                         double wallSeconds) {

    public static final String FILE = "provenance.json";

    /** Collects the environment facts now, for work that began at {@code started}; no data fingerprint yet. */
    public static Provenance of(String command, Object config, Map<String, Long> seeds, String device,
                                Instant started) {
        return new Provenance("penumbra " + version(), command, config, seeds, libraryVersions(),
                currentGitRevision(), device, machineFacts(), Map.of(), started.toString(), null, 0).ended();
    }

    /** The same, adding the fingerprint of the files that {@code data} read with {@code options} consists of. */
    public Provenance withData(String data, DataOptions options) {
        return withData(data, DataFingerprint.of(data, options));
    }

    /** The same, adding a fingerprint made by the caller (e.g. of a folder of images), under the name {@code data}. */
    public Provenance withData(String data, DataFingerprint fingerprint) {
        Map<String, DataFingerprint> more = new LinkedHashMap<>(this.data);
        more.put(data, fingerprint);
        return new Provenance(tool, command, config, seeds, libraries, gitRevision, device, machine,
                Collections.unmodifiableMap(more), startedAt, finishedAt, wallSeconds);
    }

    /** The same, ending now: {@code finishedAt} is now and {@code wallSeconds} the time since {@code startedAt}. */
    public Provenance ended() {
        Instant now = Instant.now();
        double wall = Duration.between(Instant.parse(startedAt), now).toMillis() / 1000.0;
        return new Provenance(tool, command, config, seeds, libraries, gitRevision, device, machine, data,
                startedAt, now.toString(), Math.max(0, wall));
    }

    /** Writes {@code provenance.json} into the folder, atomically, ending now (see {@link #ended()}). */
    public void writeTo(Path folder) {
        Json.write(folder.resolve(FILE), ended());
    }

    public static String version() {
        String v = Provenance.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    static Map<String, String> libraryVersions() {
        Map<String, String> libs = new LinkedHashMap<>();
        libs.put("java", System.getProperty("java.version"));
        libs.put("djl", Engine.getDjlVersion());
        libs.put("build", BuildInfo.current().build());
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
