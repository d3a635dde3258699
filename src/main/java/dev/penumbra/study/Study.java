package dev.penumbra.study;

import ai.djl.Device;
import dev.penumbra.InputException;
import dev.penumbra.active.ActiveExperiment;
import dev.penumbra.active.ActiveLearning;
import dev.penumbra.active.ActiveOutputs;
import dev.penumbra.active.ActiveResult;
import dev.penumbra.config.Provenance;
import dev.penumbra.data.DataSource;
import dev.penumbra.data.Dataset;
import dev.penumbra.data.Split;
import dev.penumbra.evaluate.DatasetEvaluation;
import dev.penumbra.evaluate.Evaluation;
import dev.penumbra.evaluate.EvaluationSettings;
import dev.penumbra.nn.Precision;
import dev.penumbra.io.AtomicFiles;
import dev.penumbra.io.Json;
import dev.penumbra.io.OutputLock;
import dev.penumbra.io.Progress;
import dev.penumbra.report.ActivePart;
import dev.penumbra.report.EvaluationSections;
import dev.penumbra.report.HtmlReport;
import dev.penumbra.report.Published;
import dev.penumbra.report.PublishedPart;
import dev.penumbra.report.ReportPart;
import dev.penumbra.report.ReportWriter;
import dev.penumbra.data.DataOptions;
import dev.penumbra.train.RunSpec;
import dev.penumbra.train.TrainRun;
import dev.penumbra.train.TrainingLoop;

import dev.penumbra.io.FileTrees;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A study folder: {@code study.json}, {@code train/<model>/} runs, {@code evaluation/}, {@code active/<model>/}
 * experiments, {@code report.html}. Every unit can run on its own (locally one after another, or as a Slurm array
 * task); a finished unit is never recomputed, a finished evaluation never redone.
 */
public final class Study {

    public static final String MISSING = "missing.txt";
    /** The kind of claim a running unit holds on its folder ({@code .<folder>.task.lock} beside it). */
    static final String CLAIM = "task";
    private static final int LOG_LINES = 12;

    private final Path out;
    private final StudyDefinition definition;

    private Study(Path out, StudyDefinition definition) {
        this.out = out;
        this.definition = definition;
    }

    /**
     * Starts a study in a new or empty folder: checks the active-learning plans against the data, then writes
     * {@code study.json} and each experiment's definition.
     */
    public static Study create(StudyDefinition definition, Path out, Dataset dataset, Device device,
                               PrintWriter log) {
        definition.active().forEach((model, a) -> new ActiveLearning(a.settings(), a.run(), dataset, device,
                Progress.Factory.QUIET, log));
        TrainRun.requireEmpty(out);
        Json.write(out.resolve(StudyDefinition.FILE), definition);
        definition.active().forEach((model, a) -> ActiveExperiment.prepare(a.settings(), a.run(), dataset,
                out.resolve("active").resolve(model), false, device, Progress.Factory.QUIET, log));
        return new Study(out, definition);
    }

    /** Opens the study in {@code out}. */
    public static Study open(Path out) {
        Path file = out.resolve(StudyDefinition.FILE);
        if (!Files.isRegularFile(file)) {
            throw new InputException(out + " holds no study (no " + StudyDefinition.FILE + ")");
        }
        return new Study(out, Json.readFile(file, StudyDefinition.class, "a study definition", "penumbra study"));
    }

    /** Opens the study in {@code out} for {@code --resume}, refusing a study of other settings. */
    public static Study resume(StudyDefinition definition, Path out) {
        Study study = open(out);
        if (!Json.toString(study.definition).equals(Json.toString(definition))) {
            String was = study.definition.preset().equals(definition.preset()) ? "other settings"
                    : "preset " + study.definition.preset();
            throw new InputException("--resume: " + out + " is a study of " + was + " (see " + out.resolve(
                    StudyDefinition.FILE) + "), not of these options; give the same options, or a new --out");
        }
        return study;
    }

    public StudyDefinition definition() {
        return definition;
    }

    public List<StudyUnit> units() {
        return definition.units();
    }

    /** The study's dataset, read as its runs read it. */
    public Dataset dataset() {
        return DataSource.read(definition.data(), dataOptions());
    }

    /** How the study's runs read its data. */
    public DataOptions dataOptions() {
        return definition.runs().values().iterator().next().dataOptions();
    }

    public boolean finished(StudyUnit u) {
        if (u.isTraining()) {
            return Files.isRegularFile(u.folder(out).resolve("outcome.json"));
        }
        StudyDefinition.ActiveBase a = definition.active().get(u.model());
        return ActiveLearning.finished(out.resolve("active").resolve(u.model()), a.settings(), u.strategy(), u.seed());
    }

    /**
     * Runs one unit, or completes it after an interruption; a finished unit is left as it is. The unit is claimed
     * while it runs, so that a second task of the same unit (a resubmission while the first still runs) is refused
     * rather than writing over it.
     */
    public void run(StudyUnit u, Dataset dataset, Device device, Progress.Factory progress, PrintWriter log) {
        if (finished(u)) {
            log.printf("%s: already done%n", u.id());
            log.flush();
            return;
        }
        try (OutputLock claim = OutputLock.acquire(u.folder(out), CLAIM, "unit " + u.id() + " of the study in "
                + out)) {
            if (finished(u)) { // by a task that ended while this one started
                log.printf("%s: already done%n", u.id());
                log.flush();
                return;
            }
            if (u.isTraining()) {
                Path dir = u.folder(out);
                boolean resume = TrainingLoop.canResume(dir);
                log.printf("%s: %s%n", u.id(), resume ? "resuming from its last checkpoint" : "running");
                log.flush();
                if (!resume) {
                    FileTrees.deleteTree(dir); // a start that wrote no epoch yet
                }
                TrainRun.run(definition.runs().get(u.model()), dataset, dir, device, progress, resume);
            } else {
                log.printf("%s: running%n", u.id());
                log.flush();
                StudyDefinition.ActiveBase a = definition.active().get(u.model());
                Path dir = out.resolve("active").resolve(u.model());
                ActiveExperiment.prepare(a.settings(), a.run(), dataset, dir, true, device, progress, log)
                        .runStrategy(dir, u.strategy(), u.seed());
            }
        }
    }

    /**
     * A unit that has not finished, as the study folder and its job's logs tell.
     *
     * @param unit     the unit
     * @param task     its index in {@link #units()}: its array task
     * @param holder   the process that runs it now (host, pid, start), or null when none does
     * @param log      its newest Slurm log, or null when the study has no job or the task wrote none yet
     * @param logEnd   the last lines of that log; empty without one
     */
    public record Unfinished(StudyUnit unit, int task, String holder, Path log, List<String> logEnd) {

        public boolean running() {
            return holder != null;
        }
    }

    /** The units that have not finished, in task order, each with whether it runs and the end of its log. */
    public List<Unfinished> unfinished() {
        List<StudyUnit> units = units();
        Optional<Path> job = SlurmJob.jobOf(out);
        List<Unfinished> list = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            StudyUnit u = units.get(i);
            if (finished(u)) {
                continue;
            }
            String holder = OutputLock.holder(u.folder(out), CLAIM).orElse(null);
            int task = i;
            Path log = job.flatMap(j -> SlurmJob.latestLog(j, task)).orElse(null);
            list.add(new Unfinished(u, i, holder, log, log == null ? List.of() : SlurmJob.logEnd(log, LOG_LINES)));
        }
        return list;
    }

    /** The job folder of the study's Slurm job array, if one was written for it. */
    public Optional<Path> job() {
        return SlurmJob.jobOf(out);
    }

    /** What {@link #collect} found. */
    public record Collected(Path report, List<Unfinished> missing, List<ReportPart> parts) {

        /** The evaluation's health warnings, one line each; "" when no check fired or nothing was evaluated. */
        public String healthLines() {
            StringBuilder sb = new StringBuilder();
            parts.stream().filter(p -> p instanceof HtmlReport.Section)
                    .forEach(p -> sb.append(((HtmlReport.Section) p).evaluation().healthLines()));
            return sb.toString();
        }
    }

    /**
     * Gathers the finished units into the report: the evaluation (computed once, when every training has
     * finished), each model's finished active-learning runs, and the published numbers beside ours. Writes
     * {@value #MISSING} listing the units still to run (removed when none are).
     */
    public Collected collect(Dataset dataset, Device device, Progress.Factory progress, Provenance provenance) {
        List<Unfinished> missing = unfinished();
        List<ReportPart> parts = new ArrayList<>();
        Path evaluation = out.resolve("evaluation");
        boolean trained = missing.stream().noneMatch(m -> m.unit().isTraining());
        if (trained) {
            HtmlReport.Section section;
            if (EvaluationSections.finished(evaluation)) {
                section = EvaluationSections.read(evaluation);
            } else {
                List<Path> runs = definition.runs().keySet().stream().map(m -> out.resolve("train").resolve(m))
                        .toList();
                DatasetEvaluation e = Evaluation.run(title(), runs, definition.data(), Split.TEST,
                        EvaluationSettings.paper(seed()).withPrecision(precision()), device, progress);
                section = EvaluationSections.write(e, evaluation);
            }
            parts.add(section);
            boolean lidc = definition.preset().equals("lidc")
                    || (!definition.preset().equals("isic") && section.evaluation().annotators() > 1);
            parts.add(new PublishedPart(lidc ? "LIDC-IDRI" : "ISIC 2018", lidc ? Published.LIDC : Published.ISIC,
                    section.evaluation()));
        }
        for (String model : definition.active().keySet()) {
            Path dir = out.resolve("active").resolve(model);
            ActiveResult result = ActiveExperiment.collect(dir);
            if (!result.rounds().isEmpty()) {
                parts.add(new ActivePart(result, ActiveOutputs.writeFigures(result, dataset, dir.resolve("figures"))));
            }
        }
        Path report = ReportWriter.write(out, "Penumbra study: " + title() + " (preset " + definition.preset() + ")",
                parts, provenance);
        Path missingFile = out.resolve(MISSING);
        if (missing.isEmpty()) {
            try {
                Files.deleteIfExists(missingFile);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + missingFile + ": " + e.getMessage(), e);
            }
        } else {
            StringBuilder sb = new StringBuilder();
            missing.forEach(m -> sb.append(m.unit().id()).append('\n'));
            AtomicFiles.writeString(missingFile, sb.toString());
        }
        return new Collected(report, missing, List.copyOf(parts));
    }

    private String title() {
        return FileTrees.nameOf(definition.data());
    }

    /** The precision the study's runs train in; its evaluation samples them in it too. */
    public Precision precision() {
        return definition.runs().values().iterator().next().training().precision();
    }

    private long seed() {
        return definition.runs().values().iterator().next().training().seed();
    }

}
