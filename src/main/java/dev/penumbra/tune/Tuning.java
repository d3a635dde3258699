package dev.penumbra.tune;

import ai.djl.Device;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.penumbra.InputException;
import dev.penumbra.data.Dataset;
import dev.penumbra.data.Split;
import dev.penumbra.io.CsvFiles;
import dev.penumbra.io.Json;
import dev.penumbra.io.Progress;
import dev.penumbra.train.RunSpec;
import dev.penumbra.train.TrainRun;
import dev.penumbra.train.TrainedModel;
import dev.penumbra.train.TrainingLoop;
import dev.penumbra.train.TrainingOutcome;
import dev.penumbra.train.ValidationGed;

import dev.penumbra.io.FileTrees;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Trains one run per grid point into {@code out/<point>/} and measures each best checkpoint's validation GED@16;
 * the lowest wins. A point whose run has finished is measured again but not retrained, and an interrupted one
 * resumes, so a tuning folder can be completed by running the same command again.
 */
public final class Tuning {

    public static final String FILE = "tune.json";

    /** The tuning's definition, written when it starts so that --resume can refuse a folder of another one. */
    public static final String DEFINITION = "tuning.json";

    /** What {@value #DEFINITION} holds. */
    public record Definition(@JsonProperty(required = true) String model,
                             @JsonProperty(required = true) String preset, @JsonProperty(required = true) String data,
                             @JsonProperty(required = true) List<String> grid,
                             @JsonProperty(required = true) List<RunSpec> runs) {
    }

    /** What {@code tune.json} holds. */
    public record Summary(@JsonProperty(required = true) String model,
                          @JsonProperty(required = true) String preset, @JsonProperty(required = true) String data,
                          @JsonProperty(required = true) List<String> grid,
                          @JsonProperty(required = true) List<TuneResult> results,
                          String winner) {
    }

    private Tuning() {
    }

    /**
     * @param specOf the run of a grid point (the preset's settings with the point's values)
     */
    public static Summary run(String model, String preset, String data, List<String> grid,
                              List<Map<String, Double>> points, Function<Map<String, Double>, RunSpec> specOf,
                              Dataset dataset, Path out, Device device, Progress.Factory progress, PrintWriter log) {
        if (dataset.split(Split.VAL).isEmpty()) {
            throw new InputException("--data " + data + " has no validation images: tuning selects by validation"
                    + " GED");
        }
        List<RunSpec> specs = points.stream().map(specOf).toList();
        Definition definition = new Definition(model, preset, data, grid, specs);
        Path defFile = out.resolve(DEFINITION);
        if (Files.isRegularFile(defFile)) {
            Definition before = Json.readFile(defFile, Definition.class, "a tuning definition", "penumbra tune");
            if (!Json.toString(before).equals(Json.toString(definition))) {
                throw new InputException("--resume: " + out + " holds a tuning of other settings (see " + defFile
                        + "); give the same options, or a new --out");
            }
        } else if (Files.isDirectory(out) && !isEmpty(out)) {
            throw new InputException("--resume: " + out + " is not a tuning folder (no " + DEFINITION + ")");
        } else {
            Json.write(defFile, definition);
        }
        List<TuneResult> results = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Map<String, Double> point = points.get(i);
            String name = Grid.name(point);
            Path runDir = out.resolve(name);
            TrainingOutcome outcome = train(specs.get(i), dataset, runDir, device, progress, log, name);
            double ged;
            try (TrainedModel trained = TrainedModel.load(runDir, device)) {
                ged = ValidationGed.of(trained, dataset.split(Split.VAL));
            }
            Map<String, Double> values = new LinkedHashMap<>();
            point.forEach((k, v) -> values.put(k, v));
            log.printf(Locale.ROOT, "%s: validation GED@16 %.4f (best validation loss %.4f at epoch %d)%n", name,
                    ged, outcome.bestLoss(), outcome.bestEpoch());
            log.flush();
            results.add(new TuneResult(name, values, ged, outcome.bestLoss(), outcome.bestEpoch(), outcome.steps(),
                    runDir.toString(), false));
        }
        int best = 0;
        for (int i = 1; i < results.size(); i++) {
            if (results.get(i).validationGed() < results.get(best).validationGed()) {
                best = i;
            }
        }
        results.set(best, results.get(best).asBest());
        Summary summary = new Summary(model, preset, data, grid, results, results.get(best).name());
        write(summary, out);
        return summary;
    }

    private static TrainingOutcome train(RunSpec spec, Dataset dataset, Path runDir, Device device,
                                         Progress.Factory progress, PrintWriter log, String name) {
        Path outcome = runDir.resolve("outcome.json");
        if (Files.isRegularFile(runDir.resolve(RunSpec.FILE))) {
            RunSpec before = TrainRun.readSpec(runDir);
            if (!Json.toString(before).equals(Json.toString(spec))) {
                throw new InputException(runDir + " holds a run of other settings; tune into a new --out");
            }
            if (Files.isRegularFile(outcome)) {
                log.printf("%s: already trained%n", name);
                return TrainRun.readOutcome(runDir);
            }
            if (TrainingLoop.canResume(runDir)) {
                log.printf("%s: resuming%n", name);
                return TrainRun.run(spec, dataset, runDir, device, progress, true);
            }
        }
        log.printf("%s: training%n", name);
        log.flush();
        FileTrees.deleteTree(runDir); // a start interrupted before its first epoch: nothing to keep
        return TrainRun.run(spec, dataset, runDir, device, progress, false);
    }

    private static boolean isEmpty(Path dir) {
        try (java.util.stream.Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void write(Summary s, Path out) {
        List<String> header = new ArrayList<>(List.of("point"));
        s.results().get(0).settings().keySet().forEach(header::add);
        header.addAll(List.of("validation_ged", "validation_loss", "best_epoch", "steps", "winner"));
        List<Object[]> rows = new ArrayList<>();
        for (TuneResult r : s.results()) {
            List<Object> row = new ArrayList<>(List.of(r.name()));
            row.addAll(r.settings().values());
            row.addAll(List.of(r.validationGed(), r.validationLoss(), r.bestEpoch(), r.steps(), r.best()));
            rows.add(row.toArray());
        }
        CsvFiles.write(out.resolve("results.csv"), header, rows);
        Json.write(out.resolve(FILE), s);
    }
}
