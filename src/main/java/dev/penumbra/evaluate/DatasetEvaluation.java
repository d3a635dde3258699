package dev.penumbra.evaluate;

import dev.penumbra.data.Sample;

import java.util.List;

/**
 * The evaluation of several runs on one dataset split.
 *
 * @param name          a short title (e.g. the dataset's folder name)
 * @param data          the dataset as given (folder or synthetic name)
 * @param split         the split's folder name
 * @param classes       classes C of the runs
 * @param annotators    the largest number of annotations of an image
 * @param settings      how it was evaluated
 * @param models        the per-run measurements
 * @param summaries     per-run dataset-level results, in the order of {@code models}
 * @param comparisons   pairwise tests between the runs
 * @param figureImages  the images the image figures show
 */
public record DatasetEvaluation(String name, String data, String split, int classes, int annotators,
                                EvaluationSettings settings, List<ModelEvaluation> models,
                                List<ModelSummary> summaries, List<Comparison> comparisons,
                                List<Sample> figureImages) {

    /** The images evaluated (the same for every run). */
    public int images() {
        return models.isEmpty() ? 0 : models.get(0).images().size();
    }
}
