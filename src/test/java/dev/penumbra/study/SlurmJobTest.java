package dev.penumbra.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Slurm job files, without a cluster: the script run by bash as a task would run it (with a stand-in for the
 * launcher that prints what it was given), and the logs {@code --collect} shows for an unfinished unit. The job on
 * a real Slurm is {@code .ci/slurm-check}'s.
 */
class SlurmJobTest {

    private static final List<StudyUnit> UNITS = List.of(StudyUnit.training("softmax"),
            StudyUnit.training("mcdropout"), StudyUnit.active("softmax", "random", 1));

    /** Runs the job script as Slurm would run task {@code env}'s SLURM_ARRAY_TASK_ID; returns exit code and output. */
    private static Map.Entry<Integer, String> runScript(Path job, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", job.resolve(SlurmJob.SCRIPT).toString())
                .redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("SLURM_") || k.startsWith("PENUMBRA"));
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return Map.entry(p.waitFor(), out);
    }

    private static Path fakeLauncher(Path tmp) throws Exception {
        Path fake = tmp.resolve("fake-penumbra");
        Files.writeString(fake, "#!/bin/sh\necho \"PENUMBRA_NO_BUILD=$PENUMBRA_NO_BUILD\"\n"
                + "for a in \"$@\"; do echo \"arg=$a\"; done\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        return fake;
    }

    @Test
    void aTaskRunsItsUnitWithOneThreadPerAllocatedCoreAndNeverRebuilds(@TempDir Path tmp) throws Exception {
        Path study = tmp.resolve("study");
        Path job = tmp.resolve("job");
        SlurmJob.write(job, study, UNITS, "/opt/penumbra/penumbra");
        var run = runScript(job, Map.of("SLURM_ARRAY_TASK_ID", "2", "SLURM_ARRAY_JOB_ID", "77",
                "SLURM_CPUS_PER_TASK", "3", "PENUMBRA", fakeLauncher(tmp).toString()));
        assertThat(run.getKey()).as(run.getValue()).isZero();
        assertThat(run.getValue()).contains("penumbra: task 2 of job 77 on ").contains(", 3 threads")
                .contains("PENUMBRA_NO_BUILD=1")
                .contains("arg=study\narg=--out\narg=" + study.toAbsolutePath() + "\narg=--task\narg=2\n")
                .contains("arg=--threads\narg=3\n").contains("arg=--device\narg=auto\n");
        String script = Files.readString(job.resolve(SlurmJob.SCRIPT));
        // the tasks' working folder and logs do not depend on where sbatch was called
        assertThat(script).contains("#SBATCH --chdir=" + job.toAbsolutePath())
                .contains("#SBATCH --output=" + job.toAbsolutePath() + "/logs/task_%A_%a.out")
                .contains("#SBATCH --array=0-2").contains("PENUMBRA=\"${PENUMBRA:-/opt/penumbra/penumbra}\"");
        // PENUMBRA_THREADS overrides the allocation
        var overridden = runScript(job, Map.of("SLURM_ARRAY_TASK_ID", "0", "SLURM_CPUS_PER_TASK", "3",
                "PENUMBRA_THREADS", "1", "PENUMBRA", fakeLauncher(tmp).toString()));
        assertThat(overridden.getValue()).contains("arg=--threads\narg=1\n");
    }

    @Test
    void theScriptRunOutsideSlurmSaysHowToSubmitIt(@TempDir Path tmp) throws Exception {
        Path job = tmp.resolve("job");
        SlurmJob.write(job, tmp.resolve("study"), UNITS, "penumbra");
        var run = runScript(job, Map.of("PENUMBRA", fakeLauncher(tmp).toString()));
        assertThat(run.getKey()).isNotZero();
        assertThat(run.getValue()).contains("submit this script with sbatch").doesNotContain("arg=study");
    }

    @Test
    void theStudyRemembersItsJobFolder(@TempDir Path tmp) throws Exception {
        Path study = Files.createDirectories(tmp.resolve("study"));
        assertThat(SlurmJob.jobOf(study)).isEmpty();
        SlurmJob.write(tmp.resolve("job"), study, UNITS, "penumbra");
        assertThat(SlurmJob.jobOf(study)).contains(tmp.resolve("job").toAbsolutePath());
    }

    @Test
    void theNewestLogOfATaskIsFoundNotThatOfATaskWhoseNumberStartsTheSame(@TempDir Path tmp) throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("job/logs"));
        Path first = Files.writeString(logs.resolve("task_20_1.out"), "first attempt\n");
        Path resubmitted = Files.writeString(logs.resolve("task_9_1.out"), "resubmitted\n");
        Path other = Files.writeString(logs.resolve("task_20_11.out"), "task 11\n");
        Instant now = Instant.now();
        Files.setLastModifiedTime(first, FileTime.from(now.minusSeconds(600)));
        Files.setLastModifiedTime(resubmitted, FileTime.from(now.minusSeconds(60)));
        Files.setLastModifiedTime(other, FileTime.from(now));
        // job ids are not in order across clusters' restarts: the time decides
        assertThat(SlurmJob.latestLog(tmp.resolve("job"), 1)).contains(resubmitted);
        assertThat(SlurmJob.latestLog(tmp.resolve("job"), 11)).contains(other);
        assertThat(SlurmJob.latestLog(tmp.resolve("job"), 2)).isEmpty();
        assertThat(SlurmJob.latestLog(tmp.resolve("nowhere"), 1)).isEmpty();
    }

    @Test
    void theEndOfALogIsItsLastLinesReadFromItsTailOnly(@TempDir Path tmp) throws Exception {
        String many = IntStream.range(0, 20000).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        Path log = Files.writeString(tmp.resolve("task_1_0.out"), many + "\n" + "x".repeat(1000) + "\n"
                + "slurmstepd: error: *** JOB 1 ON node CANCELLED AT 2026-12-03T10:00:00 ***\n");
        List<String> end = SlurmJob.logEnd(log, 3);
        assertThat(end).hasSize(3);
        assertThat(end.get(0)).isEqualTo("line 19999");
        assertThat(end.get(1)).hasSize(404).endsWith(" ...");
        assertThat(end.get(2)).contains("CANCELLED");
        assertThat(SlurmJob.logEnd(Files.writeString(tmp.resolve("short.out"), "only\n"), 12))
                .containsExactly("only");
        assertThat(SlurmJob.logEnd(Files.writeString(tmp.resolve("empty.out"), ""), 12)).isEmpty();
    }
}
