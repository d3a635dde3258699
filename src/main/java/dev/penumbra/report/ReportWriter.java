package dev.penumbra.report;

import dev.penumbra.config.Provenance;
import dev.penumbra.io.Json;
import dev.penumbra.evaluate.DatasetEvaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes evaluations as tables, figures and one {@code report.html}, with the provenance file beside each. */
public final class ReportWriter {

    public static final String REPORT = "report.html";

    private ReportWriter() {
    }

    /**
     * Writes the tables of each evaluation into {@code tablesDir(e)}, its figures into {@code tablesDir(e)/figures},
     * and the report into {@code out/report.html}.
     *
     * @return the report file
     */
    public static Path write(Path out, String title, List<DatasetEvaluation> evaluations,
                             java.util.function.Function<DatasetEvaluation, Path> tablesDir, Provenance provenance) {
        return write(out, title, evaluations, tablesDir, List.of(), provenance);
    }

    /** As above, with further sections (e.g. active-learning experiments) after the evaluations. */
    public static Path write(Path out, String title, List<DatasetEvaluation> evaluations,
                             java.util.function.Function<DatasetEvaluation, Path> tablesDir,
                             List<? extends ReportPart> more, Provenance provenance) {
        List<ReportPart> sections = new ArrayList<>();
        for (DatasetEvaluation e : evaluations) {
            sections.add(EvaluationSections.write(e, tablesDir.apply(e)));
        }
        sections.addAll(more);
        return write(out, title, sections, provenance);
    }

    /** Writes {@code out/report.html} of the given sections and the provenance beside it and their files. */
    public static Path write(Path out, String title, List<? extends ReportPart> sections, Provenance provenance) {
        Path report = out.resolve(REPORT);
        Provenance ended = provenance.ended();
        HtmlReport.write(report, title, sections, ended);
        java.util.Set<Path> folders = new java.util.LinkedHashSet<>();
        folders.add(out.toAbsolutePath().normalize());
        sections.forEach(s -> s.folders().forEach(f -> folders.add(f.toAbsolutePath().normalize())));
        folders.forEach(f -> Json.write(f.resolve(Provenance.FILE), ended));
        return report;
    }
}
