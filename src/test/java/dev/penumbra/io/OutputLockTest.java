package dev.penumbra.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penumbra.InputException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Claims of a kind of their own (a study's unit beside the run it writes), who holds one, and what happens to a
 * claim when its process is asked to end (Slurm's scancel and time limits send SIGTERM) or is killed outright.
 */
class OutputLockTest {

    /** Holds a task claim on the folder given until it is stopped; says "held" once it holds it. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            OutputLock claim = OutputLock.acquire(Path.of(args[0]), "task", "unit " + args[0]);
            System.out.println("held");
            System.out.flush();
            Thread.sleep(60_000);
            claim.close();
        }
    }

    private static Process hold(Path folder) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                Holder.class.getName(), folder.toString()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("held");
        return p;
    }

    @Test
    void aClaimOfAKindIsIndependentOfTheFoldersRunClaimAndNamedInTheRefusal(@TempDir Path tmp) {
        Path unit = tmp.resolve("train/softmax");
        try (OutputLock task = OutputLock.acquire(unit, "task", "unit train/softmax of the study");
             OutputLock run = OutputLock.acquire(unit, "--out")) {
            assertThat(tmp.resolve("train/.softmax.task.lock")).isRegularFile();
            assertThat(run.file()).isEqualTo(tmp.resolve("train/.softmax.lock"));
            assertThat(OutputLock.holder(unit, "task")).hasValueSatisfying(h -> assertThat(h)
                    .contains("pid " + ProcessHandle.current().pid()).doesNotContain("\n"));
            assertThatThrownBy(() -> OutputLock.acquire(unit, "task", "unit train/softmax of the study"))
                    .isInstanceOf(InputException.class)
                    .hasMessageStartingWith("unit train/softmax of the study is in use by another Penumbra command");
        }
        assertThat(OutputLock.holder(unit, "task")).isEmpty();
        assertThat(tmp.resolve("train")).isEmptyDirectory();
    }

    @Test
    void aProcessAskedToEndReleasesItsClaim(@TempDir Path tmp) throws Exception {
        Path unit = tmp.resolve("unit");
        Process p = hold(unit);
        assertThat(OutputLock.holder(unit, "task")).hasValueSatisfying(h -> assertThat(h).contains("pid " + p.pid()));
        p.destroy(); // SIGTERM
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // released, not merely stale: a task resubmitted on another host would honour a stale one
        assertThat(tmp.resolve(".unit.task.lock")).doesNotExist();
    }

    @Test
    void aClaimOfAProcessKilledOutrightStaysButCountsAsFreeOnItsHost(@TempDir Path tmp) throws Exception {
        Path unit = tmp.resolve("unit");
        Process p = hold(unit);
        p.destroyForcibly(); // SIGKILL: no chance to release
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(tmp.resolve(".unit.task.lock")).isRegularFile();
        assertThat(OutputLock.holder(unit, "task")).isEmpty();
        try (OutputLock taken = OutputLock.acquire(unit, "task", "unit")) {
            assertThat(Files.readString(tmp.resolve(".unit.task.lock")))
                    .contains("pid " + ProcessHandle.current().pid());
        }
    }

    @Test
    void aClaimFromAnotherHostCountsAsHeld(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve(".unit.task.lock"), "host some-node\npid 1\nstarted unknown\n");
        assertThat(OutputLock.holder(tmp.resolve("unit"), "task")).contains("host some-node pid 1 started unknown");
    }
}
