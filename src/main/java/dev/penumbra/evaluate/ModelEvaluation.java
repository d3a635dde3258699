package dev.penumbra.evaluate;

import dev.penumbra.metric.Calibration;

import java.util.List;
import java.util.Map;

/**
 * Everything measured for one run on one split.
 *
 * @param label            the model's name in tables and figures (the registry name, or the run folder when two
 *                         runs share a model)
 * @param model            registry name of the model
 * @param run              the run folder, or the predictions folder
 * @param distinctSamples  distinct masks the model can sample per image (Integer.MAX_VALUE for unbounded)
 * @param images           per-image scores, in the split's order
 * @param pixels           sampled pixels of every image
 * @param calibration      reliability of the foreground probability over every pixel of the split
 * @param maps             maps of the figure images, by image id
 * @param oracle           calibration against the true p(a|x) where the data has oracle annotators, else null
 * @param origin           where the samples come from (a run, or prediction files); null is read as a run
 */
public record ModelEvaluation(String label, String model, String run, int distinctSamples, List<ImageScores> images,
                              List<PixelRecord> pixels, Calibration calibration, Map<String, ImageMaps> maps,
                              OracleCalibration oracle, ModelOrigin origin) {

    /** The evaluation of a trained run. */
    public ModelEvaluation(String label, String model, String run, int distinctSamples, List<ImageScores> images,
                           List<PixelRecord> pixels, Calibration calibration, Map<String, ImageMaps> maps,
                           OracleCalibration oracle) {
        this(label, model, run, distinctSamples, images, pixels, calibration, maps, oracle, null);
    }

    /** Whether the model is a trained run, with training records in its folder. */
    public boolean trainedRun() {
        return origin == null || origin.trainedRun();
    }

    /**
     * Reliability against the true annotator probability p(a|x) of synthetic data.
     *
     * @param draws      oracle annotations per image
     * @param model      the model's mean foreground probability against p(a|x), every pixel of the split
     * @param annotators the annotators' mean vote against p(a|x): how close the few real annotations come
     */
    public record OracleCalibration(int draws, Calibration model, Calibration annotators) {
    }
}
