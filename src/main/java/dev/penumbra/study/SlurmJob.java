package dev.penumbra.study;

import dev.penumbra.io.AtomicFiles;

import java.nio.file.Path;
import java.util.List;

/**
 * A Slurm job array for a study: one array task per independent unit ({@code tasks.tsv}), the {@code sbatch}
 * script that runs task {@code $SLURM_ARRAY_TASK_ID} with {@code penumbra study --task}, and a README. Penumbra
 * schedules nothing itself; every task writes only into its own folder of the study.
 */
public final class SlurmJob {

    public static final String TASKS = "tasks.tsv";
    public static final String SCRIPT = "job.sbatch";

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
                throw new dev.penumbra.InputException(what + " " + path + " contains '" + c + "', which a Slurm"
                        + " script cannot carry safely; use a path of letters, digits, '/', '.', '_' and '-'");
            }
        }
    }

    /**
     * Refuses paths that the job could not carry, so that a command can check them before it writes anything.
     *
     * @throws dev.penumbra.InputException naming the path and the character
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
                # Submit with: sbatch %2$s    (edit the resources below for your cluster first)
                #SBATCH --job-name=penumbra-study
                #SBATCH --array=0-%3$d
                #SBATCH --cpus-per-task=8
                #SBATCH --mem=32G
                #SBATCH --time=24:00:00
                #SBATCH --output=%4$s/logs/task_%%A_%%a.out
                # For GPUs: add '#SBATCH --gres=gpu:1' and set PENUMBRA_DEVICE=gpu (needs the CUDA build, see README).
                set -euo pipefail
                PENUMBRA="${PENUMBRA:-%5$s}"
                exec "$PENUMBRA" study --out "%1$s" --task "$SLURM_ARRAY_TASK_ID" --quiet \\
                    --device "${PENUMBRA_DEVICE:-auto}"
                """.formatted(studyAbs, dir.toAbsolutePath().normalize().resolve(SCRIPT), units.size() - 1,
                dir.toAbsolutePath().normalize(), penumbra);
        AtomicFiles.writeString(dir.resolve(SCRIPT), script);
        try {
            // Slurm opens the log file before the script runs, so the folder must exist at submission
            java.nio.file.Files.createDirectories(dirAbs.resolve("logs"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + dirAbs.resolve("logs") + ": " + e.getMessage(),
                    e);
        }
        dir.resolve(SCRIPT).toFile().setExecutable(true);
        AtomicFiles.writeString(dir.resolve("README.md"), """
                # Penumbra study as a Slurm job array

                Study folder: `%1$s` (its `study.json` fixes every setting). %2$d independent tasks, listed in
                `tasks.tsv`: each model's training and each active-learning run (model, strategy, seed). Every
                task writes only into its own folder of the study, so they can run in any order and at once.

                1. Check the resources at the top of `job.sbatch` (cores, memory, time; a GPU with
                   `--gres=gpu:1` and `PENUMBRA_DEVICE=gpu`, which needs Penumbra built with `-Pcuda`).
                2. Build Penumbra once where the nodes see it (`mvn -DskipTests package`, or run `%3$s --version`),
                   so the tasks do not all rebuild at once; then `sbatch job.sbatch` (set `PENUMBRA` to the launcher
                   if it is not `%3$s` on the nodes). Logs go to `logs/task_<job>_<task>.out`.
                3. A failed or cancelled task can be resubmitted alone (`sbatch --array=N job.sbatch`); it continues
                   where it stopped.
                4. `penumbra study --collect %1$s` gathers the finished tasks into `report.html` and lists the
                   missing ones (also written to `missing.txt`). Once every training has finished, the first
                   collect also evaluates the models on the test split (16 samples per image; minutes on a GPU
                   node, longer on a login node's CPU: run it inside `srun` if your cluster asks for that).
                """.formatted(studyAbs, units.size(), penumbra));
    }
}
