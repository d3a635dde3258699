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

    public int models() {
        return summaries.size();
    }
}
