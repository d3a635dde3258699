package dev.penumbra.train;

import ai.djl.Device;
import dev.penumbra.InputException;
import dev.penumbra.config.Provenance;
import dev.penumbra.data.DataFingerprint;
import dev.penumbra.data.DataSource;
import dev.penumbra.data.Dataset;
import dev.penumbra.data.Sample;
import dev.penumbra.data.Split;
import dev.penumbra.io.FileTrees;
import dev.penumbra.io.Json;
import dev.penumbra.io.OutputFolder;
import dev.penumbra.io.Progress;
import dev.penumbra.model.ModelRegistry;
import dev.penumbra.model.ProbabilisticSegmenter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A training run in its folder: {@code run.json} (how to rebuild it), the fingerprint of its data, checkpoints, the
 * metrics log and provenance. A new run never writes into a folder that already holds something; {@code resume}
 * continues the folder's run, on the same data. {@code penumbra train}, tuning, the study and every round of active
 * learning train through here, so every trained model has the same files and checks.
 */
public final class TrainRun {

    /** The outcome file of a finished run. */
    public static final String OUTCOME = "outcome.json";
    /** The {@link DataFingerprint} of the run's data when it started; runs from before it have none. */
    public static final String DATA_FINGERPRINT = "data-fingerprint.json";

    private final RunSpec spec;
    private final Path out;
    private final Device device;
    private UnaryOperator<TrainingLoop> loopOptions = UnaryOperator.identity();

    /** A run of {@code spec} into the folder {@code out}, trained on {@code device}. */
    public TrainRun(RunSpec spec, Path out, Device device) {
        this.spec = spec;
        this.out = out;
        this.device = device;
    }

    /**
     * Sets the options of the run's {@link TrainingLoop} (progress, persisting, further listeners), e.g.
     * {@code loop -> loop.optProgress(bar)}; default: the loop as it comes, quiet, persisting every epoch.
     */
    public TrainRun optLoop(UnaryOperator<TrainingLoop> options) {
        this.loopOptions = options;
        return this;
    }

    /**
     * Trains {@code spec} on {@code data}'s training split, validating on its validation split, into {@code out}.
     * Unless {@code progress} is quiet, standard error also gets a line when the first step is done
     * ({@link FirstStepReport}).
     */
    public static TrainingOutcome run(RunSpec spec, Dataset data, Path out, Device device, Progress.Factory progress,
                                      boolean resume) {
        return new TrainRun(spec, out, device).optLoop(loop -> progress == Progress.Factory.QUIET
                        ? loop.optProgress(progress)
                        : loop.optProgress(progress).addListener(new FirstStepReport(System.err::println)))
                .fit(data.split(Split.TRAIN), data.split(Split.VAL), resume);
    }

    /**
     * Trains on {@code train}, validating on {@code val} (images of the run's data, e.g. the labelled images of an
     * active-learning round), and writes the run, its outcome and provenance.
     *
     * @param resume continue the run in the folder instead of starting one in an empty folder
     */
    public TrainingOutcome fit(List<Sample> train, List<Sample> val, boolean resume) {
        Instant started = Instant.now();
        try (OutputFolder claim = OutputFolder.inPlace(out, "--out",
                OutputFolder.Input.existing("--data", List.of(spec.data())))) {
            boolean existed = Files.exists(out);
            if (resume) {
                checkResumable(out, spec);
            } else {
                requireEmpty(out);
            }
            Json.write(out.resolve(RunSpec.FILE), spec);
            if (!resume) {
                Json.write(out.resolve(DATA_FINGERPRINT), DataFingerprint.of(spec.data(), spec.dataOptions()));
            }
            ProbabilisticSegmenter model = ModelRegistry.create(spec.model(), spec.settings());
            TrainingOutcome outcome;
            try {
                outcome = loopOptions.apply(new TrainingLoop(model, spec.training(), device))
                        .fit(train, val, out, resume);
            } catch (TrainingDivergedException e) {
                throw diverged(e, out, existed);
            }
            Provenance p = Provenance.of("train", spec, Map.of("train", spec.training().seed(),
                    "split", spec.dataOptions().splitSeed()), device.toString(), started)
                    .withData(spec.data(), spec.dataOptions());
            p.writeTo(out);
            p.writeTo(out.resolve("checkpoints"));
            Json.write(out.resolve(OUTCOME), outcome);
            return outcome;
        }
    }

    /** Reads the {@code run.json} of a run folder, with a clear error when there is none. */
    public static RunSpec readSpec(Path runDir) {
        if (!Files.isDirectory(runDir)) {
            throw new InputException("run folder " + runDir + " does not exist");
        }
        Path file = runDir.resolve(RunSpec.FILE);
        if (!Files.isRegularFile(file)) {
            throw new InputException("folder " + runDir + " is not a training run: it has no " + RunSpec.FILE);
        }
        try {
            return Json.readFile(file, RunSpec.class, "a run description", "penumbra train");
        } catch (UncheckedIOException e) {
            throw new InputException("cannot read " + file + ": " + e.getCause().getMessage(), e);
        }
    }

    /**
     * The {@code outcome.json} of a finished run folder, or null when the folder has none (a run still training, or
     * one whose outcome was not kept).
     */
    public static TrainingOutcome readOutcome(Path runDir) {
        Path file = runDir.resolve(OUTCOME);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Json.readFile(file, TrainingOutcome.class, "the outcome of a training run", "penumbra train");
        } catch (UncheckedIOException e) {
            throw new InputException("cannot read " + file + ": " + e.getCause().getMessage(), e);
        }
    }

    private static void checkResumable(Path out, RunSpec spec) {
        readSpec(out);
        if (!TrainingLoop.canResume(out)) {
            throw new InputException("--resume: run folder " + out + " has no finished epoch to resume from"
                    + " (expected " + TrainingLoop.LAST + " and " + TrainingLoop.STATE + "); start it again without"
                    + " --resume in an empty folder");
        }
        checkSameData(out, spec);
    }

    /** Refuses to continue a run on data whose files changed since it started; a run without a fingerprint passes. */
    private static void checkSameData(Path out, RunSpec spec) {
        Path file = out.resolve(DATA_FINGERPRINT);
        if (!Files.isRegularFile(file)) {
            return;
        }
        DataFingerprint before = Json.readFile(file, DataFingerprint.class, "a data fingerprint", "penumbra train");
        DataFingerprint now = DataFingerprint.of(spec.data(), spec.dataOptions());
        if (!now.sha256().equals(before.sha256())) {
            throw new InputException("--resume: the data in " + DataSource.resolve(spec.data()) + " changed since"
                    + " the run in " + out + " was started: " + now.differenceFrom(before) + "; a resumed run must"
                    + " see the data it was trained on: restore the data, or train a new run with a new --out");
        }
    }

    /**
     * Says what a diverged run left behind. A run that finished no epoch has no checkpoint to resume from, so what
     * it wrote is removed (the folder was absent or empty before, see {@link #requireEmpty}) and the same
     * {@code --out} can be used again; a later divergence keeps the run and its last checkpoint.
     */
    private static TrainingDivergedException diverged(TrainingDivergedException e, Path out, boolean existed) {
        if (TrainingLoop.canResume(out)) {
            return new TrainingDivergedException(e, "--resume with the same settings would diverge again at the"
                    + " same step; train again with other settings into a new --out.");
        }
        if (existed) {
            try (Stream<Path> entries = Files.list(out)) {
                for (Path p : entries.toList()) {
                    FileTrees.deleteTree(p);
                }
            } catch (IOException io) {
                throw new UncheckedIOException("cannot list " + out, io);
            }
        } else {
            FileTrees.deleteTree(out);
        }
        return new TrainingDivergedException(e, "What this run wrote into " + out + " was removed, so the same"
                + " --out can be used again.");
    }

    /** Fails unless {@code dir} is absent or an empty folder, so nothing of the user's is ever written over. */
    public static void requireEmpty(Path dir) {
        OutputFolder.requireEmpty(dir, "--out", " (or --resume to continue a run there)");
    }
}
