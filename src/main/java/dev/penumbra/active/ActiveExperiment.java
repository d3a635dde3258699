package dev.penumbra.active;

import ai.djl.Device;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.penumbra.InputException;
import dev.penumbra.data.Dataset;
import dev.penumbra.io.Json;
import dev.penumbra.io.Progress;
import dev.penumbra.train.RunSpec;
import dev.penumbra.train.TrainRun;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An experiment's folder: {@code active.json} (the settings and the trained run, so that {@code --resume} can
 * refuse a folder written with other settings), one folder per strategy and seed with the round manifests, and the
 * tables.
 */
public final class ActiveExperiment {

    public static final String FILE = "active.json";

    /** What {@code active.json} holds. */
    public record Definition(@JsonProperty(required = true) ActiveSettings settings,
                             @JsonProperty(required = true) RunSpec run) {
    }

    private ActiveExperiment() {
    }

    /**
     * Runs the experiment into {@code out} (a new or empty folder; with {@code resume}, the folder of the same
     * experiment) and writes its tables.
     */
    public static ActiveResult run(ActiveSettings settings, RunSpec base, Dataset dataset, Path out, boolean resume,
                                   Device device, Progress.Factory progress, PrintWriter log) {
        ActiveLearning loop = prepare(settings, base, dataset, out, resume, device, progress, log);
        List<RoundManifest> rounds = loop.run(out);
        ActiveResult result = new ActiveResult(settings, base.data(), out, rounds);
        ActiveOutputs.writeTables(result, out);
        return result;
    }

    /**
     * Checks the options against the data (before anything is written), then writes {@code active.json} into a
     * new folder, or checks that an existing one holds the same experiment.
     *
     * @return the loop, ready to run the whole experiment or single strategies and seeds
     */
    public static ActiveLearning prepare(ActiveSettings settings, RunSpec base, Dataset dataset, Path out,
                                         boolean resume, Device device, Progress.Factory progress, PrintWriter log) {
        Definition definition = new Definition(settings, base);
        ActiveLearning loop = new ActiveLearning(settings, base, dataset, device, progress, log);
        Path file = out.resolve(FILE);
        if (resume) {
            if (!Files.isRegularFile(file)) {
                throw new InputException("--resume: " + out + " holds no active-learning experiment (no " + FILE
                        + ")");
            }
            Definition before = readDefinition(file);
            if (!Json.toString(before).equals(Json.toString(definition))) {
                throw new InputException("--resume: " + out + " was started with other settings (see " + file
                        + "); give the same options, or a new --out");
            }
        } else {
            TrainRun.requireEmpty(out);
            Json.write(file, definition);
        }
        return loop;
    }

    /** Reads the definition of the experiment in {@code out}. */
    public static Definition read(Path out) {
        return readDefinition(out.resolve(FILE));
    }

    private static Definition readDefinition(Path file) {
        return Json.readFile(file, Definition.class, "an active-learning definition", "penumbra active");
    }

    /**
     * The finished part of the experiment in {@code out}, read from its manifests (nothing is recomputed); a
     * strategy and seed counts only once all its rounds are done. Writes the tables of that part.
     */
    public static ActiveResult collect(Path out) {
        Definition d = read(out);
        List<RoundManifest> rounds = new java.util.ArrayList<>();
        for (int i = 0; i < d.settings().seeds(); i++) {
            for (String strategy : d.settings().strategies()) {
                if (ActiveLearning.finished(out, d.settings(), strategy, d.settings().seed(i))) {
                    rounds.addAll(ActiveLearning.finishedRounds(out, d.settings(), strategy, d.settings().seed(i)));
                }
            }
        }
        ActiveResult result = new ActiveResult(d.settings(), d.run().data(), out, rounds);
        ActiveOutputs.writeTables(result, out);
        return result;
    }
}
