package dev.penumbra.evaluate;

import java.util.List;

/**
 * What the report shows of an evaluation, without the per-pixel data: written as {@code evaluation.json} beside
 * the tables so that a finished evaluation can be reported again without being recomputed.
 *
 * @param name        a short title
 * @param data        the dataset as given
 * @param split       the split's folder name
 * @param classes     classes C
 * @param annotators  the largest number of annotations of an image
 * @param images      images evaluated
 * @param settings    how it was evaluated
 * @param summaries   per-run results
 * @param comparisons pairwise tests
 */
public record EvaluationOverview(String name, String data, String split, int classes, int annotators, int images,
                                 EvaluationSettings settings, List<ModelSummary> summaries,
                                 List<Comparison> comparisons) {

    public static final String FILE = "evaluation.json";

    public static EvaluationOverview of(DatasetEvaluation e) {
        return new EvaluationOverview(e.name(), e.data(), e.split(), e.classes(), e.annotators(), e.images(),
                e.settings(), e.summaries(), e.comparisons());
    }

    /** One terminal line per health flag ("WARNING name / model: flag ..."), or "" when no check fired. */
    public String healthLines() {
        StringBuilder sb = new StringBuilder();
        for (ModelSummary s : summaries) {
            s.health().forEach(f -> sb.append("WARNING ").append(name).append(" / ").append(s.label()).append(": ")
                    .append(f.line()).append(System.lineSeparator()));
        }
        return sb.toString();
    }

    public int models() {
        return summaries.size();
    }
}
