package dev.penumbra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penumbra.Slow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny study (two models, 2 epochs, a 3-round active-learning run per model and strategy) run once. */
@Slow
class StudyCommandTest {

    @TempDir
    static Path tmp;
    static Path data;
    static Path study;
    static Cli first;

    static String[] args(Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("study", "--preset", "demo", "--data", data.toString(), "--out",
                out.toString(), "--models", "softmax,mcdropout", "--size", "32", "--filters", "4,8,16,32",
                "--batch-size", "4", "--max-epochs", "2", "--initial", "4", "--add", "3", "--rounds", "2", "--steps",
                "4", "--quiet", "--threads", "2"));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @BeforeAll
    static void runStudy() {
        data = tmp.resolve("data");
        Cli made = Cli.run("data", "make-synthetic", "--kind", "ambiguous", "--out", data.toString(), "--size", "32",
                "--count", "24");
        assertThat(made.exitCode()).as(made.err()).isZero();
        study = tmp.resolve("study");
        first = Cli.run(args(study));
        assertThat(first.exitCode()).as(first.err()).isZero();
    }

    @Test
    void oneCommandTrainsEvaluatesRunsActiveLearningAndReportsBesideThePublishedNumbers() throws Exception {
        assertThat(first.out()).contains("study complete: all 6 units finished").contains("Report: ");
        assertThat(study.resolve("train/softmax/checkpoints/best.params")).isRegularFile();
        assertThat(study.resolve("evaluation/images.csv")).isRegularFile();
        assertThat(study.resolve("active/mcdropout/rounds.csv")).isRegularFile();
        var doc = Jsoup.parse(study.resolve("report.html").toFile(), "UTF-8");
        assertThat(doc.select("section[id^=published]")).hasSize(1);
        // ours beside published: GED@16 of softmax is the evaluation's
        var firstRow = doc.select("section[id^=published] tbody tr").first().select("td").eachText();
        assertThat(firstRow.get(0)).isEqualTo("GED@16");
        // this tiny model learned nothing: its name carries the health checks' mark, here as everywhere
        assertThat(firstRow.get(1)).startsWith("softmax \u26a0");
        assertThat(firstRow.get(2)).isEqualTo("0.814");
        double ours = com.fasterxml.jackson.databind.json.JsonMapper.builder().build()
                .readTree(study.resolve("evaluation/summary.json").toFile()).get(0).get("means").get("ged@16")
                .get("estimate").asDouble();
        assertThat(firstRow.get(3)).isEqualTo(String.format(java.util.Locale.ROOT, "%.3f", ours));
        assertThat(doc.select("section#active-softmax")).hasSize(1);
        assertThat(doc.select("section#active-mcdropout")).hasSize(1);
        assertThat(study.resolve(dev.penumbra.study.Study.MISSING)).doesNotExist();
    }

    @Test
    void resumingAFinishedStudyRecomputesNothing() throws Exception {
        Path copy = tmp.resolve("finished");
        Trees.copy(study, copy);
        FileTime evaluated = Files.getLastModifiedTime(copy.resolve("evaluation/evaluation.json"));
        FileTime trained = Files.getLastModifiedTime(copy.resolve("train/mcdropout/outcome.json"));
        Cli again = Cli.run(args(copy, "--resume"));
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out().lines().filter(l -> l.endsWith("already done")).count()).isEqualTo(6);
        assertThat(Files.getLastModifiedTime(copy.resolve("evaluation/evaluation.json"))).isEqualTo(evaluated);
        assertThat(Files.getLastModifiedTime(copy.resolve("train/mcdropout/outcome.json"))).isEqualTo(trained);
    }

    @Test
    void anInterruptedStudyResumedEqualsAnUninterruptedOne() throws Exception {
        Path copy = tmp.resolve("interrupted");
        Trees.copy(study, copy);
        // stopped during mcdropout's training (its last checkpoint stays), and before softmax wrote an epoch
        Files.delete(copy.resolve("train/mcdropout/outcome.json"));
        dev.penumbra.io.FileTrees.deleteTree(copy.resolve("train/softmax"));
        Files.createDirectories(copy.resolve("train/softmax"));
        Files.copy(study.resolve("train/softmax/run.json"), copy.resolve("train/softmax/run.json"));
        dev.penumbra.io.FileTrees.deleteTree(copy.resolve("evaluation"));
        dev.penumbra.io.FileTrees.deleteTree(copy.resolve("active/mcdropout/entropy-sum"));
        Files.delete(copy.resolve("active/softmax/random/seed_1/round_02.json"));
        Files.delete(copy.resolve("report.html"));
        Cli resumed = Cli.run(args(copy, "--resume"));
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        // softmax had written no epoch: it starts afresh; mcdropout continues from its checkpoint
        assertThat(resumed.out()).contains("train/softmax: running")
                .contains("train/mcdropout: resuming from its last checkpoint");
        assertThat(Files.readAllLines(copy.resolve("evaluation/images.csv")))
                .isEqualTo(Files.readAllLines(study.resolve("evaluation/images.csv")));
        assertThat(Files.readAllLines(copy.resolve("evaluation/summary.json")))
                .isEqualTo(Files.readAllLines(study.resolve("evaluation/summary.json")));
        for (String model : List.of("softmax", "mcdropout")) {
            assertThat(withoutSeconds(copy.resolve("active/" + model + "/rounds.csv")))
                    .isEqualTo(withoutSeconds(study.resolve("active/" + model + "/rounds.csv")));
        }
    }

    @Test
    void slurmEmissionWritesOneTaskPerUnitAndAValidScript() throws Exception {
        Path out = tmp.resolve("cluster-study");
        Path job = tmp.resolve("job");
        Cli r = Cli.run(args(out, "--emit", "slurm", job.toString()));
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> tasks = Files.readAllLines(job.resolve("tasks.tsv"));
        List<String> units = tasks.subList(1, tasks.size()).stream().map(l -> l.split("\t")[1]).toList();
        assertThat(units).containsExactly("train/softmax", "train/mcdropout", "active/softmax/random/seed_1",
                "active/softmax/entropy-sum/seed_1", "active/mcdropout/random/seed_1",
                "active/mcdropout/entropy-sum/seed_1");
        for (int i = 1; i < tasks.size(); i++) {
            String[] cells = tasks.get(i).split("\t");
            assertThat(cells[0]).isEqualTo(Integer.toString(i - 1));
            assertThat(Path.of(cells[2])).isEqualTo(out.toAbsolutePath().normalize().resolve(cells[1]));
        }
        // Slurm opens the log file before the script runs
        assertThat(job.resolve("logs")).isDirectory();
        String script = Files.readString(job.resolve("job.sbatch"));
        assertThat(script).contains("#SBATCH --array=0-5").contains("--task \"$SLURM_ARRAY_TASK_ID\"")
                .contains("--threads \"$threads\"")
                .contains(out.toAbsolutePath().toString());
        Process bash = new ProcessBuilder("bash", "-n", job.resolve("job.sbatch").toString()).redirectErrorStream(true)
                .start();
        String errors = new String(bash.getInputStream().readAllBytes());
        assertThat(bash.waitFor()).as(errors).isZero();
        assertThat(job.resolve("README.md")).content().contains("sbatch job.sbatch").contains("--collect");
        // the study knows its job, for the logs --collect shows
        assertThat(out.resolve("slurm-job.txt")).hasContent(job.toAbsolutePath().normalize().toString());
        // nothing was trained, only the study defined
        assertThat(out.resolve("study.json")).isRegularFile();
        assertThat(out.resolve("train")).doesNotExist();
    }

    @Test
    void collectingAPartialStudyReportsExactlyTheMissingUnits() throws Exception {
        Path out = tmp.resolve("partial");
        Path job = tmp.resolve("partial-job");
        assertThat(Cli.run(args(out, "--emit", "slurm", job.toString())).exitCode()).isZero();
        // the array ran tasks 0 and 4 only
        for (String task : List.of("0", "4")) {
            Cli t = Cli.run("study", "--out", out.toString(), "--task", task, "--quiet", "--threads", "2");
            assertThat(t.exitCode()).as(t.err()).isZero();
        }
        // task 1 was cancelled twice; task 2 is still queued (no log)
        Path logs = job.resolve("logs");
        Files.writeString(logs.resolve("task_40_1.out"), "train/mcdropout: running\nfirst attempt's end\n");
        Files.setLastModifiedTime(logs.resolve("task_40_1.out"), FileTime.fromMillis(System.currentTimeMillis()
                - 600_000));
        Files.writeString(logs.resolve("task_41_1.out"), "train/mcdropout: resuming from its last checkpoint\n"
                + "slurmstepd: error: *** JOB 41 ON node7 CANCELLED AT 2026-12-03T10:00:00 ***\n");
        Cli c = Cli.run("study", "--collect", out.toString(), "--quiet");
        assertThat(c.exitCode()).as(c.err()).isZero();
        List<String> expected = List.of("train/mcdropout", "active/softmax/random/seed_1",
                "active/softmax/entropy-sum/seed_1", "active/mcdropout/entropy-sum/seed_1");
        assertThat(c.out()).contains("4 of 6 units missing");
        assertThat(Files.readAllLines(out.resolve("missing.txt"))).containsExactlyElementsOf(expected);
        assertThat(c.out()).contains("  train/mcdropout (task 1): not running; its log " + logs.resolve(
                        "task_41_1.out").toAbsolutePath() + " ends:\n"
                        + "      train/mcdropout: resuming from its last checkpoint\n"
                        + "      slurmstepd: error: *** JOB 41 ON node7 CANCELLED AT 2026-12-03T10:00:00 ***\n")
                .doesNotContain("first attempt's end")
                .contains("  active/softmax/random/seed_1 (task 2): not started (no log yet: queued, or not"
                        + " submitted)\n")
                .contains("resubmit those not running: sbatch --array=1,2,3,5 " + job.resolve("job.sbatch")
                        .toAbsolutePath());
        var doc = Jsoup.parse(out.resolve("report.html").toFile(), "UTF-8");
        // no evaluation before every model is trained; the finished active-learning run is in
        assertThat(doc.select("section[id^=published]")).isEmpty();
        assertThat(doc.select("section#active-mcdropout")).hasSize(1);
    }

    @Test
    void aUnitThatAnotherProcessRunsIsRefusedAndCollectShowsItRunning() throws Exception {
        Path out = tmp.resolve("busy");
        assertThat(Cli.run(args(out, "--emit", "slurm", tmp.resolve("busy-job").toString())).exitCode()).isZero();
        try (var running = dev.penumbra.io.OutputLock.acquire(out.resolve("train/mcdropout"), "task", "a task")) {
            Cli second = Cli.run("study", "--out", out.toString(), "--task", "1", "--quiet", "--threads", "2");
            assertThat(second.isCleanInputError()).as(second.err()).isTrue();
            assertThat(second.err()).contains("unit train/mcdropout of the study in " + out)
                    .contains("in use by another Penumbra command");
            assertThat(out.resolve("train/mcdropout")).doesNotExist();
            Cli c = Cli.run("study", "--collect", out.toString(), "--quiet");
            assertThat(c.exitCode()).as(c.err()).isZero();
            assertThat(c.out()).contains("  train/mcdropout (task 1): running (host ")
                    .contains("pid " + ProcessHandle.current().pid())
                    .contains("resubmit those not running: sbatch --array=0,2,3,4,5 ");
        }
    }

    @Test
    void theDemoPresetDefaultsToTheEmbeddedAmbiguousData() throws Exception {
        Path out = tmp.resolve("demo-study");
        Cli r = Cli.run("study", "--preset", "demo", "--out", out.toString(), "--emit", "slurm",
                tmp.resolve("demo-job").toString(), "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        var def = com.fasterxml.jackson.databind.json.JsonMapper.builder().build()
                .readTree(out.resolve("study.json").toFile());
        assertThat(def.get("data").asText()).isEqualTo("synthetic-ambiguous");
        // 4 trainings, then 4 models x 2 strategies x 1 seed
        assertThat(Files.readAllLines(tmp.resolve("demo-job/tasks.tsv"))).hasSize(1 + 4 + 8);
    }

    @Test
    void aStudyPathASlurmScriptCannotCarryIsRefused() {
        Cli r = Cli.run(args(tmp.resolve("my study"), "--emit", "slurm", tmp.resolve("job2").toString()));
        assertThat(r.isCleanInputError()).as(r.err()).isTrue();
        assertThat(r.err()).contains("Slurm script");
        assertThat(tmp.resolve("my study")).doesNotExist();
        assertThat(tmp.resolve("job2")).doesNotExist();
    }

    @Test
    void aRefusedJobFolderLeavesTheStudyFolderUntouchedSoThatARetryWorks() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("retried-study"));
        Cli refused = Cli.run(args(out, "--emit", "slurm", tmp.resolve("job 3").toString()));
        assertThat(refused.isCleanInputError()).as(refused.err()).isTrue();
        assertThat(refused.err()).contains("--emit slurm").contains("job 3").contains("Slurm script");
        assertThat(out).isEmptyDirectory();
        Cli retried = Cli.run(args(out, "--emit", "slurm", tmp.resolve("job3").toString()));
        assertThat(retried.exitCode()).as(retried.err()).isZero();
        assertThat(out.resolve("study.json")).isRegularFile();
    }

    @Test
    void badInputIsACleanError() throws Exception {
        Cli preset = Cli.run("study", "--preset", "brats", "--data", data.toString(), "--out",
                tmp.resolve("x").toString());
        assertThat(preset.isCleanInputError()).isTrue();
        assertThat(preset.err()).contains("brats");
        // a study folder of the demo preset given to --resume with another preset
        Cli other = Cli.run("study", "--preset", "lidc", "--data", data.toString(), "--out", study.toString(),
                "--models", "softmax,mcdropout", "--size", "32", "--filters", "4,8,16,32", "--resume", "--quiet");
        assertThat(other.isCleanInputError()).as(other.err()).isTrue();
        assertThat(other.err()).contains("preset demo");
        Cli task = Cli.run("study", "--out", study.toString(), "--task", "6");
        assertThat(task.isCleanInputError()).isTrue();
        assertThat(task.err()).contains("0 to 5");
        Cli tuned = Cli.run(args(tmp.resolve("y"), "--tuned", tmp.toString()));
        assertThat(tuned.isCleanInputError()).isTrue();
        assertThat(tuned.err()).contains("tune.json");
        assertThat(tmp.resolve("y")).doesNotExist();
        Path occupied = tmp.resolve("occupied-job");
        Files.createDirectories(occupied);
        Files.writeString(occupied.resolve("README.md"), "my notes");
        Cli emit = Cli.run(args(tmp.resolve("z"), "--emit", "slurm", occupied.toString()));
        assertThat(emit.isCleanInputError()).as(emit.err()).isTrue();
        assertThat(occupied.resolve("README.md")).hasContent("my notes");
        assertThat(tmp.resolve("z")).doesNotExist();
    }

    @Test
    void aDamagedStudyOrTuningFileIsACleanErrorNamingIt() throws Exception {
        Path broken = Files.createDirectories(tmp.resolve("broken-study"));
        Files.writeString(broken.resolve("study.json"), "null");
        Cli collect = Cli.run("study", "--collect", broken.toString(), "--quiet");
        assertThat(collect.isCleanInputError()).as(collect.err()).isTrue();
        assertThat(collect.err()).contains("study.json in " + broken.toAbsolutePath()
                + " is not a study definition: it holds null");
        Path tuning = Files.createDirectories(tmp.resolve("broken-tuning"));
        Files.writeString(tuning.resolve("tune.json"), "{{{");
        Cli tuned = Cli.run(args(tmp.resolve("w"), "--tuned", tuning.toString()));
        assertThat(tuned.isCleanInputError()).as(tuned.err()).isTrue();
        assertThat(tuned.err()).contains("tune.json in " + tuning.toAbsolutePath() + " is not a tuning summary");
        assertThat(tmp.resolve("w")).doesNotExist();
    }

    private static List<String> withoutSeconds(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
    }

}
