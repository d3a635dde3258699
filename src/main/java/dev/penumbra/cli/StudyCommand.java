package dev.penumbra.cli;

import ai.djl.Device;
import dev.penumbra.InputException;
import dev.penumbra.config.Preset;
import dev.penumbra.config.Provenance;
import dev.penumbra.data.DataOptions;
import dev.penumbra.data.DataSource;
import dev.penumbra.data.Dataset;
import dev.penumbra.io.Json;
import dev.penumbra.io.OutputFolder;
import dev.penumbra.study.SlurmJob;
import dev.penumbra.study.Study;
import dev.penumbra.study.StudyDefinition;
import dev.penumbra.study.StudyPlan;
import dev.penumbra.study.StudyUnit;
import dev.penumbra.tune.Tuning;
import dev.penumbra.io.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code penumbra study}. */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = {"The whole study in one command: train, evaluate, active learning, one report.",
            """
            %n\
            Trains every model with the preset's settings (early stopping), evaluates them all, runs the \
            active-learning experiment for every model and strategy (--data defaults to synthetic-ambiguous \
            for --preset demo), and writes OUT/report.html with every figure and statistic beside the \
            published numbers. A finished unit is never recomputed: --resume continues an interrupted study. \
            --emit slurm DIR writes a Slurm job array with one task per unit instead of running; the tasks \
            run 'study --out OUT --task N'; --collect OUT gathers the finished tasks into the report and \
            lists the missing ones."""})
public final class StudyCommand extends PenumbraCommand {

    @Option(names = "--out", paramLabel = "DIR", description = "New or empty study folder (with --resume or --task: the study's folder; default: runs/study-PRESET).")
    Path out;

    @Option(names = "--models", split = ",", hideParamSyntax = true, paramLabel = "M,M,...", defaultValue = "softmax,ensemble,mcdropout,punet", description = "Models (default: ${DEFAULT-VALUE}).")
    List<String> models;

    @Option(names = "--skip-active", description = "Leave out the active-learning experiment.")
    boolean skipActive;

    @Option(names = "--strategies", split = ",", hideParamSyntax = true, paramLabel = "S,S,...", defaultValue = "random,entropy-sum", description = "Acquisition functions of the active-learning experiment (default: ${DEFAULT-VALUE}).")
    List<String> strategies;

    @Option(names = "--seeds", paramLabel = "N", description = "Active-learning repetitions (default: 3; demo 1).")
    Integer seeds;

    @Option(names = "--initial", paramLabel = "N", description = "Active learning: initial images (default: 50; demo 8).")
    Integer initial;

    @Option(names = "--add", paramLabel = "K", description = "Active learning: images per round (default: 25; demo 8).")
    Integer add;

    @Option(names = "--rounds", paramLabel = "R", description = "Active learning: rounds (default: 10; demo 2).")
    Integer rounds;

    @Option(names = "--steps", paramLabel = "N", description = "Active learning: updates per round (default: 5000; demo 25).")
    Integer steps;

    @Option(names = "--tuned", paramLabel = "DIR", description = "A folder written by 'penumbra tune': its winner's settings replace the preset's for that model (repeatable, one per model).")
    List<Path> tuned;

    @Mixin
    MaxEpochsOption maxEpochs;

    @Option(names = "--resume", description = "Continue the study in --out; finished units are not recomputed.")
    boolean resume;

    @Option(names = "--emit", arity = "2", paramLabel = "slurm DIR", description = "Write a Slurm job array into DIR (one task per unit) instead of running.")
    List<String> emit;

    @Option(names = "--task", paramLabel = "N", description = "Run unit N of the study in --out (what the Slurm tasks call).")
    Integer task;

    @Option(names = "--collect", paramLabel = "DIR", description = "Gather the finished units of the study in DIR into its report; list the missing ones.")
    Path collect;

    @Mixin
    RunOptions common;

    /** The dataset of the study: --data, made absolute, or the demo's. */
    private String data;

    @Override
    public Integer call() {
        Instant started = Instant.now();
        data = common.data.orNull();
        PrintWriter log = out();
        Progress.Factory progress = common.engine.progress();
        if (collect != null) {
            Study study = Study.open(collect);
            // two collects at once would both write the evaluation; tasks claim only their own units
            try (OutputFolder claim = OutputFolder.inPlace(collect, "--collect", List.of())) {
                return collect(study, started, progress, log);
            }
        }
        if (task != null && out == null) {
            throw new InputException("--task: give the study folder with --out");
        }
        if (out == null) {
            out = Path.of("runs", "study-" + common.preset.name());
        }
        if (task != null) {
            Study study = Study.open(out);
            List<StudyUnit> units = study.units();
            if (task < 0 || task >= units.size()) {
                throw new InputException("--task " + task + ": the study in " + out + " has tasks 0 to "
                        + (units.size() - 1));
            }
            Device device = common.engine.apply();
            PrecisionOption.checkRunnable(study.precision(), device, out.resolve(StudyDefinition.FILE));
            study.run(units.get(task), study.dataset(), device, progress, log);
            return 0;
        }
        if (data == null && common.preset.name().equals("demo")) {
            data = "synthetic-ambiguous";
        }
        if (data == null) {
            throw new InputException("--data: give the dataset of the study");
        }
        // tasks on other machines and --resume from another folder must find the same data
        data = DataSource.absolute(data);
        Preset p = common.preset.get();
        Path jobDir = emitDir();
        if (jobDir != null) {
            // before study.json is written: a refused job must leave --out as it was, so that a retry is accepted
            SlurmJob.check(jobDir, out, launcher());
        }
        DataOptions options = common.reading.build(p.size());
        Dataset dataset = DataSource.read(data, options);
        StudyDefinition definition = definition(p, options, dataset);
        Device device = common.engine.apply();
        // the study's own folder is claimed while it runs; --task and --collect share it with other tasks
        try (OutputFolder claim = OutputFolder.inPlace(out, "--out", OutputFolder.Input.existing("--data",
                List.of(data)))) {
            Study study = resume ? Study.resume(definition, out)
                    : Study.create(definition, out, dataset, device, log);
            if (emit != null) {
                Path dir = jobDir;
                SlurmJob.write(dir, out, study.units(), launcher());
                log.printf("wrote a Slurm job array of %d tasks to %s (submit with: sbatch %s)%n",
                        study.units().size(), dir, dir.resolve(SlurmJob.SCRIPT));
                log.flush();
                return 0;
            }
            for (StudyUnit unit : study.units()) {
                study.run(unit, dataset, device, progress, log);
            }
            return collect(study, started, progress, log);
        }
    }

    private int collect(Study study, Instant started, Progress.Factory progress, PrintWriter log) {
        Device device = common.engine.apply();
        PrecisionOption.checkRunnable(study.precision(), device, StudyDefinition.FILE + " of the study");
        long studySeed = study.definition().runs().values().iterator().next().training().seed();
        Provenance provenance = Provenance.of("study", study.definition(), Map.of("study", studySeed),
                device.toString(), started).withData(study.definition().data(), study.dataOptions());
        Study.Collected c = study.collect(study.dataset(), device, progress, provenance);
        log.print(c.healthLines());
        if (c.missing().isEmpty()) {
            log.printf("study complete: all %d units finished%n", study.units().size());
        } else {
            log.printf("study incomplete: %d of %d units missing:%n", c.missing().size(), study.units().size());
            c.missing().forEach(m -> printUnfinished(m, study.job().isPresent(), log));
            List<String> stopped = c.missing().stream().filter(m -> !m.running())
                    .map(m -> Integer.toString(m.task())).toList();
            study.job().filter(j -> !stopped.isEmpty()).ifPresent(j -> log.printf("once none of the job's tasks is"
                    + " queued, resubmit those not running: sbatch --array=%s %s%n", String.join(",", stopped),
                    j.resolve(SlurmJob.SCRIPT)));
        }
        log.printf("Report: %s%n", c.report());
        log.flush();
        return 0;
    }

    private static void printUnfinished(Study.Unfinished m, boolean job, PrintWriter log) {
        String task = m.unit().id() + " (task " + m.task() + ")";
        if (m.running()) {
            log.printf("  %s: running (%s)%n", task, m.holder());
        } else if (m.log() == null) {
            log.printf("  %s: %s%n", task, job ? "not started (no log yet: queued, or not submitted)" : "not run yet");
        } else {
            log.printf("  %s: not running; its log %s ends:%n", task, m.log());
            m.logEnd().forEach(line -> log.printf("      %s%n", line));
        }
    }

    StudyDefinition definition(Preset p, DataOptions options, Dataset dataset) {
        Map<String, Map<String, Double>> tunedValues = tunedValues(p);
        return new StudyPlan(p, data, options, models, skipActive, strategies, seeds, initial, add, rounds, steps,
                maxEpochs.get(), common.steps.batchSize(), common.steps.filters(), common.seed.get(), tunedValues,
                tunedDirs, common.precision.resolve(common.engine.apply())).define(dataset);
    }

    /** The folder of {@code --emit slurm DIR}, checked before anything is written; null without --emit. */
    private Path emitDir() {
        if (emit == null) {
            return null;
        }
        if (!emit.get(0).equals("slurm")) {
            throw new InputException("--emit " + emit.get(0) + ": only 'slurm' is supported");
        }
        Path dir = Path.of(emit.get(1));
        if (Files.exists(dir)) {
            try (var entries = Files.list(dir)) {
                if (!Files.isDirectory(dir) || entries.findAny().isPresent()) {
                    throw new InputException("--emit slurm " + dir + " exists and is not an empty folder; give a"
                            + " new one for the job files");
                }
            } catch (java.io.IOException e) {
                throw new InputException("--emit slurm " + dir + ": cannot read it (" + e.getMessage() + ")");
            }
        }
        return dir;
    }

    /** The folder each model's tuning came from. */
    private final Map<String, String> tunedDirs = new LinkedHashMap<>();

    /** The winners' settings of the tunings in {@code --tuned}, by model. */
    private Map<String, Map<String, Double>> tunedValues(Preset p) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        if (tuned == null) {
            return out;
        }
        for (Path dir : tuned) {
            Path file = dir.resolve(Tuning.FILE);
            if (!Files.isRegularFile(file)) {
                throw new InputException("--tuned " + dir + " holds no tuning (no " + Tuning.FILE + ")");
            }
            Tuning.Summary s = Json.readFile(file, Tuning.Summary.class, "a tuning summary", "penumbra tune");
            if (models.stream().map(String::trim).noneMatch(s.model()::equals)) {
                throw new InputException("--tuned " + dir + " tuned --model " + s.model() + ", which is not among"
                        + " --models " + String.join(",", models));
            }
            if (!s.preset().equals(p.name())) {
                throw new InputException("--tuned " + dir + " was tuned with preset " + s.preset() + ", not "
                        + p.name());
            }
            if (!DataSource.sameData(s.data(), data)) {
                throw new InputException("--tuned " + dir + " was tuned on " + s.data() + ", not on " + data);
            }
            if (out.containsKey(s.model())) {
                throw new InputException("--tuned: two tunings of --model " + s.model() + "; give one per model");
            }
            Map<String, Double> winner = s.results().stream().filter(r -> r.best()).findFirst()
                    .orElseThrow(() -> new InputException("--tuned " + file + " marks no winner")).settings();
            out.put(s.model(), winner);
            tunedDirs.put(s.model(), dir.toAbsolutePath().normalize().toString());
        }
        return out;
    }

    /** The command the cluster's nodes run: this launcher where known. */
    private static String launcher() {
        String home = System.getProperty("penumbra.home");
        return home == null ? "penumbra" : Path.of(home).toAbsolutePath().normalize().resolve("penumbra").toString();
    }
}
