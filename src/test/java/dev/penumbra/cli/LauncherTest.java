package dev.penumbra.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code ./penumbra} launcher, run for real by bash with a stand-in {@code java} on the PATH that prints the
 * environment and arguments it was given (so no build and no JVM start are needed).
 */
class LauncherTest {

    private static Path home(Path tmp) throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.copy(Path.of("penumbra"), home.resolve("penumbra"));
        Files.createDirectories(home.resolve("target"));
        Files.writeString(home.resolve("target/penumbra.jar"), "");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"LC_ALL=$LC_ALL\"\nfor a in \"$@\"; do echo \"arg=$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    private static String launch(Path tmp, Path home, Map<String, String> env, String... args) throws Exception {
        String[] command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = home.resolve("penumbra").toString();
        System.arraycopy(args, 0, command, 2, args.length);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("LC_ALL");
        pb.environment().remove("LC_CTYPE");
        pb.environment().remove("LANG");
        pb.environment().put("PATH", tmp.resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    @Test
    void underACLocaleJavaRunsInUtf8SoNonAsciiPathsCanBeNamed(@TempDir Path tmp) throws Exception {
        Path home = home(tmp);
        String out = launch(tmp, home, Map.of("LANG", "C"), "data", "check", "/data/Größe");
        assertThat(out).contains("LC_ALL=C.UTF-8").contains("arg=/data/Größe");
        assertThat(launch(tmp, home, Map.of())).contains("LC_ALL=C.UTF-8");
        assertThat(launch(tmp, home, Map.of("LC_ALL", "POSIX"))).contains("LC_ALL=C.UTF-8");
    }

    @Test
    void aUtf8LocaleIsLeftAsItIs(@TempDir Path tmp) throws Exception {
        Path home = home(tmp);
        assertThat(launch(tmp, home, Map.of("LANG", "de_DE.UTF-8"))).contains("LC_ALL=\n");
        assertThat(launch(tmp, home, Map.of("LC_ALL", "en_US.utf8"))).contains("LC_ALL=en_US.utf8\n");
    }

    @Test
    void theLauncherTellsJavaWhetherStandardErrorIsATerminal(@TempDir Path tmp) throws Exception {
        Path home = home(tmp);
        // here standard error is a pipe (redirected into the process's output)
        assertThat(launch(tmp, home, Map.of(), "demo")).contains("arg=-Dpenumbra.stderr.tty=false\n");
        // script(1) gives the launcher a pseudo-terminal as standard input, output and error
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script is needed");
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/script", "-qec",
                "bash " + home.resolve("penumbra") + " demo", "/dev/null").redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("PATH", tmp.resolve("bin") + ":" + System.getenv("PATH"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).contains("arg=-Dpenumbra.stderr.tty=true");
    }

    @Test
    void javaItselfNamesNonAsciiPathsUnderTheLocaleTheLauncherSets(@TempDir Path tmp) throws Exception {
        // what the launcher's setting buys: the real JVM, started under LC_ALL=C.UTF-8, can name the file
        Path file = Files.writeString(tmp.resolve("Größe.txt"), "x");
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Path source = Files.writeString(tmp.resolve("Exists.java"), "public class Exists { public static void"
                + " main(String[] a) { System.out.print(java.nio.file.Files.exists(java.nio.file.Path.of(a[0]))); } }");
        ProcessBuilder pb = new ProcessBuilder(javaBin.toString(), source.toString(), file.toString())
                .redirectErrorStream(true);
        pb.environment().remove("LANG");
        pb.environment().remove("LC_CTYPE");
        pb.environment().put("LC_ALL", "C.UTF-8");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        assertThat(out).isEqualTo("true");
    }

    /**
     * A stand-in {@code mvn} that logs its arguments and writes what a real build writes: the jar and the build
     * file, saying cuda when given -Pcuda.
     */
    private static Path fakeMaven(Path tmp) throws IOException {
        Path mvn = tmp.resolve("bin").resolve("mvn");
        Files.writeString(mvn, """
                #!/bin/sh
                echo "mvn $*" >> "$MVN_LOG"
                build=cpu
                for a in "$@"; do [ "$a" = "-Pcuda" ] && build=cuda; done
                mkdir -p target/classes
                : > target/penumbra.jar
                echo "build=$build" > target/classes/penumbra-build.properties
                """);
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        return tmp.resolve("mvn.log");
    }

    private static void builtAs(Path home, String build) throws IOException {
        Files.createDirectories(home.resolve("target/classes"));
        Files.writeString(home.resolve("target/classes/penumbra-build.properties"), "build=" + build + "\n");
    }

    /** A source newer than the jar. */
    private static void touchSource(Path home) throws IOException {
        Path source = home.resolve("src/main/java/X.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class X {}");
        Files.setLastModifiedTime(home.resolve("target/penumbra.jar"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    }

    private static String log(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Test
    void aGpuBuildIsRebuiltAsAGpuBuildWhenASourceChanges(@TempDir Path tmp) throws Exception {
        Path home = home(tmp);
        Path log = fakeMaven(tmp);
        builtAs(home, "cuda");
        touchSource(home);
        String out = launch(tmp, home, Map.of("MVN_LOG", log.toString()), "--version");
        assertThat(log(log)).isEqualTo("mvn -B -q -DskipTests -Pcuda package\n");
        assertThat(out).contains("penumbra: building the cuda engine build (sources changed");
        assertThat(Files.readString(home.resolve("target/classes/penumbra-build.properties"))).contains("build=cuda");
    }

    @Test
    void aCpuBuildIsRebuiltWithoutAProfileAndAnUpToDateJarIsNotRebuilt(@TempDir Path tmp) throws Exception {
        Path home = home(tmp);
        Path log = fakeMaven(tmp);
        builtAs(home, "cpu");
        launch(tmp, home, Map.of("MVN_LOG", log.toString()));
        assertThat(log(log)).isEmpty();
        touchSource(home);
        String out = launch(tmp, home, Map.of("MVN_LOG", log.toString()));
        assertThat(log(log)).isEqualTo("mvn -B -q -DskipTests package\n");
        assertThat(out).contains("penumbra: building the cpu engine build (sources changed");
    }

    @Test
    void penumbraBuildAsksForTheOtherBuildAndRebuildsOnce(@TempDir Path tmp) throws Exception {
        Path home = home(tmp);
        Path log = fakeMaven(tmp);
        builtAs(home, "cpu");
        String out = launch(tmp, home, Map.of("MVN_LOG", log.toString(), "PENUMBRA_BUILD", "cuda"));
        assertThat(out).contains("the jar is the cpu build, PENUMBRA_BUILD=cuda");
        launch(tmp, home, Map.of("MVN_LOG", log.toString(), "PENUMBRA_BUILD", "cuda"));
        launch(tmp, home, Map.of("MVN_LOG", log.toString()));
        assertThat(log(log)).isEqualTo("mvn -B -q -DskipTests -Pcuda package\n");
    }

    @Test
    void anUnknownPenumbraBuildIsRefusedWithExitCode2(@TempDir Path tmp) throws Exception {
        Path home = home(tmp);
        ProcessBuilder pb = new ProcessBuilder("bash", home.resolve("penumbra").toString()).redirectErrorStream(true);
        pb.environment().put("PATH", tmp.resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().put("PENUMBRA_BUILD", "rocm");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isEqualTo(2);
        assertThat(out).contains("PENUMBRA_BUILD must be cpu or cuda, got 'rocm'");
    }

    /** A home whose sources are newer than its jar, and a stand-in mvn that records each build and takes a second. */
    private static Path staleHome(Path tmp) throws IOException {
        Path home = home(tmp);
        Files.setLastModifiedTime(home.resolve("target/penumbra.jar"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        Files.createDirectories(home.resolve("src/main"));
        Files.writeString(home.resolve("src/main/Changed.java"), "class Changed {}");
        Files.writeString(home.resolve("pom.xml"), "<project/>");
        Path mvn = tmp.resolve("bin/mvn");
        Files.writeString(mvn, "#!/bin/sh\necho build >> \"$(pwd)/builds.log\"\nsleep 1\ntouch target/penumbra.jar\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    @Test
    void launchersStartedAtOnceOnStaleSourcesBuildOnce(@TempDir Path tmp) throws Exception {
        Path home = staleHome(tmp);
        var runs = java.util.stream.IntStream.range(0, 4).mapToObj(i -> java.util.concurrent.CompletableFuture
                .supplyAsync(() -> {
                    try {
                        return launch(tmp, home, Map.of(), "--version");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })).toList();
        for (var run : runs) {
            assertThat(run.get()).contains("arg=--version");
        }
        assertThat(Files.readAllLines(home.resolve("builds.log"))).containsExactly("build");
    }

    @Test
    void withNoBuildAStaleJarRunsAsBuiltWithAWarningAndAMissingOneIsAClearError(@TempDir Path tmp)
            throws Exception {
        Path home = staleHome(tmp);
        String out = launch(tmp, home, Map.of("PENUMBRA_NO_BUILD", "1"), "--version");
        assertThat(out).contains("sources in " + home + " are newer than").contains("arg=--version");
        assertThat(home.resolve("builds.log")).doesNotExist();
        Files.delete(home.resolve("target/penumbra.jar"));
        ProcessBuilder pb = new ProcessBuilder("bash", home.resolve("penumbra").toString(), "--version")
                .redirectErrorStream(true);
        pb.environment().put("PATH", tmp.resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().put("PENUMBRA_NO_BUILD", "1");
        Process p = pb.start();
        String missing = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isEqualTo(1);
        assertThat(missing).contains("penumbra.jar is missing and PENUMBRA_NO_BUILD=1; build it once first")
                .doesNotContain("arg=--version");
        assertThat(home.resolve("builds.log")).doesNotExist();
    }

    /** The memory the launcher sizes from: the machine's, or a cgroup's limit when lower, in MiB. */
    private static long availableMiB() throws IOException {
        long mib = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElseThrow();
        Path cgroup = Path.of("/sys/fs/cgroup/memory.max");
        if (Files.isReadable(cgroup)) {
            String limit = Files.readString(cgroup).trim();
            if (limit.matches("\\d+")) {
                mib = Math.min(mib, Long.parseLong(limit) / 1048576);
            }
        }
        return mib;
    }

    @Test
    void theHeapIsFortyPercentOfTheMemoryAtLeastFourGigabytesAndPenumbraJavaOptsReplacesIt(@TempDir Path tmp)
            throws Exception {
        Path home = home(tmp);
        long expected = Math.min(31744, Math.max(4096, availableMiB() * 2 / 5));
        assertThat(launch(tmp, home, Map.of())).contains("arg=-Xmx" + expected + "m\n");
        // a Slurm allocation smaller than the machine bounds it, and the floor holds
        assertThat(launch(tmp, home, Map.of("SLURM_MEM_PER_NODE", "5000"))).contains("arg=-Xmx4096m\n");
        if (availableMiB() >= 15000) {
            assertThat(launch(tmp, home, Map.of("SLURM_MEM_PER_NODE", "15000"))).contains("arg=-Xmx6000m\n");
        }
        String own = launch(tmp, home, Map.of("PENUMBRA_JAVA_OPTS", "-Xmx2g -Xss4m"));
        assertThat(own).contains("arg=-Xmx2g\narg=-Xss4m\n").doesNotContain("arg=-Xmx4096m");
    }
}
