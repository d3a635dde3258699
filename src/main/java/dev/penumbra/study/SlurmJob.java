package dev.penumbra.study;

import dev.penumbra.InputException;
import dev.penumbra.io.AtomicFiles;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Slurm job array for a study: one array task per independent unit ({@code tasks.tsv}), the {@code sbatch}
 * script that runs task {@code $SLURM_ARRAY_TASK_ID} with {@code penumbra study --task}, and a README. Penumbra
 * schedules nothing itself; every task writes only into its own folder of the study.
 */
public final class SlurmJob {

    public static final String TASKS = "tasks.tsv";
    public static final String SCRIPT = "job.sbatch";
    /** In the study folder: the job folder written for it, one line. */
    public static final String JOB_FILE = "slurm-job.txt";

    private static final int TAIL_BYTES = 64 * 1024;
    private static final int LINE_CHARS = 400;

    private SlurmJob() {
    }

    /**
     * Paths go into the script inside double quotes and into #SBATCH lines unquoted: refuse the characters that
     * would be expanded or split there, rather than write a script that fails on the cluster.
     */
    static void requireShellSafe(String what, String path) {
        for (char c : path.toCharArray()) {
            if (c == '"' || c == '$' || c == '`' || c == '\\' || c == '%' || c == '\'' || Character.isWhitespace(c)
                    || Character.isISOControl(c)) {
                throw new InputException(what + " " + path + " contains '" + c + "', which a Slurm"
                        + " script cannot carry safely; use a path of letters, digits, '/', '.', '_' and '-'");
            }
        }
    }

    /**
     * Refuses paths that the job could not carry, so that a command can check them before it writes anything.
     *
     * @throws InputException naming the path and the character
     */
    public static void check(Path dir, Path study, String penumbra) {
        requireShellSafe("--out", study.toAbsolutePath().normalize().toString());
        requireShellSafe("--emit slurm", dir.toAbsolutePath().normalize().toString());
        requireShellSafe("the launcher path", penumbra);
    }

    /**
     * @param dir       where to write the job (created)
     * @param study     the study folder (written into by the tasks)
     * @param units     the study's units, in task order
     * @param penumbra  the command that runs Penumbra on the cluster's nodes (e.g. the launcher's absolute path)
     */
    public static void write(Path dir, Path study, List<StudyUnit> units, String penumbra) {
        check(dir, study, penumbra);
        Path studyAbs = study.toAbsolutePath().normalize();
        Path dirAbs = dir.toAbsolutePath().normalize();
        StringBuilder tasks = new StringBuilder("task\tunit\tfolder\n");
        for (int i = 0; i < units.size(); i++) {
            tasks.append(i).append('\t').append(units.get(i).id()).append('\t')
                    .append(units.get(i).folder(studyAbs)).append('\n');
        }
        AtomicFiles.writeString(dir.resolve(TASKS), tasks.toString());
        String script = """
                #!/bin/bash
                # A Slurm job array for the Penumbra study in %1$s: one task per unit of tasks.tsv.
                # Submit with: sbatch %2$s    (edit the resources below for your cluster first;
                # options given to sbatch override these lines, e.g. sbatch --partition=P --account=A job.sbatch)
                #SBATCH --job-name=penumbra-study
                #SBATCH --array=0-%3$d
                #SBATCH --cpus-per-task=8
                #SBATCH --mem=32G
                #SBATCH --time=24:00:00
                #SBATCH --chdir=%4$s
                #SBATCH --output=%4$s/logs/task_%%A_%%a.out
                # Your cluster may want '#SBATCH --partition=...' and '#SBATCH --account=...' lines, and the
                # 'module load' of a Java 17 before the command below.
                # For GPUs: add '#SBATCH --gres=gpu:1' and set PENUMBRA_DEVICE=gpu (needs the CUDA build, see README).
                set -euo pipefail
                : "${SLURM_ARRAY_TASK_ID:?submit this script with sbatch (or set it to a task of tasks.tsv)}"
                PENUMBRA="${PENUMBRA:-%5$s}"
                # Tasks run Penumbra as built: concurrent tasks must neither rebuild it at once nor run other code.
                export PENUMBRA_NO_BUILD="${PENUMBRA_NO_BUILD:-1}"
                # One engine thread per allocated core: the engine would otherwise start one per core of the node.
                # The numbers depend on the thread count, so keep it when you compare with another run.
                threads="${PENUMBRA_THREADS:-${SLURM_CPUS_PER_TASK:-$(nproc)}}"
                echo "penumbra: task $SLURM_ARRAY_TASK_ID of job ${SLURM_ARRAY_JOB_ID:-none} on $(hostname)," \
                    "$(date -u +%%Y-%%m-%%dT%%H:%%M:%%SZ), $threads threads"
                exec "$PENUMBRA" study --out "%1$s" --task "$SLURM_ARRAY_TASK_ID" --quiet --threads "$threads" \
                    --device "${PENUMBRA_DEVICE:-auto}"
                """.formatted(studyAbs, dirAbs.resolve(SCRIPT), units.size() - 1, dirAbs, penumbra);
        AtomicFiles.writeString(dir.resolve(SCRIPT), script);
        try {
            // Slurm opens the log file before the script runs, so the folder must exist at submission
            Files.createDirectories(dirAbs.resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dirAbs.resolve("logs") + ": " + e.getMessage(),
                    e);
        }
        dir.resolve(SCRIPT).toFile().setExecutable(true);
        AtomicFiles.writeString(dir.resolve("README.md"), """
                # Penumbra study as a Slurm job array

                Study folder: `%1$s` (its `study.json` fixes every setting). %2$d independent tasks, listed in
                `tasks.tsv`: each model's training and each active-learning run (model, strategy, seed). Every
                task writes only into its own folder of the study, so they can run in any order and at once.

                1. Check the resources at the top of `job.sbatch` (cores, memory, time; your cluster may also want
                   a partition, an account and a `module load` of Java 17; a GPU with `--gres=gpu:1` and
                   `PENUMBRA_DEVICE=gpu`, which needs Penumbra built with `-Pcuda`). Options given to `sbatch`
                   override the script's, e.g. `sbatch --partition=P --account=A job.sbatch`.
                2. Build Penumbra once where the nodes see it (`mvn -DskipTests package`, or run `%3$s --version`):
                   the tasks never rebuild it (`PENUMBRA_NO_BUILD=1`), so concurrent tasks neither race on one
                   build nor run other code. Then `sbatch job.sbatch` (set `PENUMBRA` to the launcher if it is not
                   `%3$s` on the nodes). Each task runs one engine thread per allocated core. Logs go to
                   `logs/task_<job>_<task>.out`.
                3. A failed or cancelled task can be resubmitted alone (`sbatch --array=N job.sbatch`); it continues
                   where it stopped. A unit never runs twice at once: a second task of it is refused.
                4. `penumbra study --collect %1$s` gathers the finished tasks into `report.html` and lists the
                   missing ones (also written to `missing.txt`), each as running or not, with the end of its
                   newest log, and the `sbatch --array=...` line that resubmits those not running. It can run while
                   tasks still run. Once every training has finished, the first collect also evaluates the models
                   on the test split (16 samples per image; minutes on a GPU node, longer on a login node's CPU:
                   run it inside `srun` if your cluster asks for that).
                """.formatted(studyAbs, units.size(), penumbra));
        // the study remembers its job, so that --collect can show the logs of unfinished units
        AtomicFiles.writeString(studyAbs.resolve(JOB_FILE), dirAbs + "\n");
    }

    /** The job folder last written for the study in {@code study}, if one was. */
    public static Optional<Path> jobOf(Path study) {
        Path file = study.resolve(JOB_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String line = Files.readString(file, StandardCharsets.UTF_8).strip();
            return line.isEmpty() ? Optional.empty() : Optional.of(Path.of(line));
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new InputException(file + " does not name a job folder (" + e.getMessage() + "); remove it, or"
                    + " write the folder given to --emit slurm into it");
        }
    }

    /**
     * The newest Slurm log of array task {@code task} in the job folder {@code job}: of its
     * {@code logs/task_<job id>_<task>.out}, the latest modified, since a resubmitted task writes under a new job id.
     */
    public static Optional<Path> latestLog(Path job, int task) {
        Path logs = job.resolve("logs");
        if (!Files.isDirectory(logs)) {
            return Optional.empty();
        }
        Pattern name = Pattern.compile("task_[0-9]+_" + task + "\\.out");
        try (Stream<Path> files = Files.list(logs)) {
            return files.filter(f -> name.matcher(f.getFileName().toString()).matches() && Files.isRegularFile(f))
                    .max(Comparator.comparing(SlurmJob::modified).thenComparing(Path::toString));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + logs + ": " + e.getMessage(), e);
        }
    }

    /**
     * The last {@code lines} lines of a log, read from its last {@value #TAIL_BYTES} bytes only, so that a huge log
     * costs nothing; lines longer than {@value #LINE_CHARS} characters are cut.
     */
    public static List<String> logEnd(Path log, int lines) {
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, f.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(bytes);
            List<String> all = new ArrayList<>(new String(bytes, StandardCharsets.UTF_8).lines().toList());
            if (start > 0 && !all.isEmpty()) {
                all.remove(0); // the first line may be cut
            }
            return all.subList(Math.max(0, all.size() - lines), all.size()).stream()
                    .map(l -> l.length() > LINE_CHARS ? l.substring(0, LINE_CHARS) + " ..." : l).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log + ": " + e.getMessage(), e);
        }
    }

    private static FileTime modified(Path f) {
        try {
            return Files.getLastModifiedTime(f);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
