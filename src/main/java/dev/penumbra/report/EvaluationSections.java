package dev.penumbra.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.penumbra.InputException;
import dev.penumbra.evaluate.DatasetEvaluation;
import dev.penumbra.evaluate.EvaluationFigures;
import dev.penumbra.evaluate.EvaluationOverview;
import dev.penumbra.evaluate.Verdict;
import dev.penumbra.evaluate.EvaluationTables;
import dev.penumbra.figure.Figure;
import dev.penumbra.io.Json;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an evaluation's tables, figures and {@code evaluation.json} into a folder, and reads such a folder back
 * into a report section without recomputing anything.
 */
public final class EvaluationSections {

    /** A figure by its files' base name, relative to the evaluation's {@code figures/} folder. */
    record FigureRef(String key, String name, String caption) {
    }

    /** What {@code evaluation.json} holds. */
    record Stored(@JsonProperty(required = true) EvaluationOverview overview,
                  @JsonProperty(required = true) List<FigureRef> figures) {
    }

    private EvaluationSections() {
    }

    public static HtmlReport.Section write(DatasetEvaluation e, Path dir) {
        EvaluationTables.write(e, dir);
        Map<String, Figure> figures = EvaluationFigures.write(e, dir.resolve("figures"));
        EvaluationOverview overview = EvaluationOverview.of(e);
        Json.write(dir.resolve("verdict.json"), Verdict.of(overview));
        List<FigureRef> refs = figures.entrySet().stream()
                .map(f -> new FigureRef(f.getKey(), f.getValue().name(), f.getValue().caption())).toList();
        Json.write(dir.resolve(EvaluationOverview.FILE), new Stored(overview, refs));
        return new HtmlReport.Section(overview, figures);
    }

    /** Whether {@code dir} holds a finished evaluation. */
    public static boolean finished(Path dir) {
        return Files.isRegularFile(dir.resolve(EvaluationOverview.FILE));
    }

    public static HtmlReport.Section read(Path dir) {
        Path file = dir.resolve(EvaluationOverview.FILE);
        Stored stored;
        try {
            stored = Json.readFile(file, Stored.class, "an evaluation overview", "penumbra evaluate");
        } catch (UncheckedIOException e) {
            throw new InputException("cannot read " + file + ": " + e.getMessage());
        }
        Map<String, Figure> figures = new LinkedHashMap<>();
        Path figureDir = dir.resolve("figures");
        for (FigureRef f : stored.figures()) {
            figures.put(f.key(), new Figure(f.name(), figureDir.resolve(f.name() + ".png"),
                    figureDir.resolve(f.name() + ".svg"), f.caption()));
        }
        return new HtmlReport.Section(stored.overview(), figures);
    }
}
