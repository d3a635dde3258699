package dev.penumbra.evaluate;

import dev.penumbra.data.Sample;

import java.nio.file.Path;
import java.util.List;

/**
 * A model known only by its prediction files ({@code evaluate --predictions NAME=DIR}), opened once the evaluation
 * knows the images: opening checks the whole folder against them before anything is evaluated.
 */
public interface ExternalModel {

    /** @return the model's name in every table and figure */
    String label();

    /** @return the predictions folder, as given */
    Path folder();

    /**
     * Checks the folder against the images and opens it.
     *
     * @param images   the split's images, as evaluated (resized to the data's size)
     * @param classes  classes C of the data
     * @param settings the evaluation's settings (how many samples it uses)
     * @throws dev.penumbra.InputException naming the file, what was found and what was expected
     */
    PredictionSource open(List<Sample> images, int classes, EvaluationSettings settings);
}
