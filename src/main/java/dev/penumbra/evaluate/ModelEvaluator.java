package dev.penumbra.evaluate;

import dev.penumbra.config.Seeds;
import dev.penumbra.data.Oracle;
import dev.penumbra.data.Sample;
import dev.penumbra.io.Progress;
import dev.penumbra.metric.Calibration;
import dev.penumbra.train.TrainedModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Evaluates one model on a list of images: takes its samples from a {@link PredictionSource} (a trained run draws
 * {@link EvaluationSettings#samples()} samples per image with a sampler seeded afresh from the evaluation seed for
 * every run; prediction files give what they hold) and turns them into {@link ImageScores}, {@link PixelRecord}s,
 * the calibration histogram and the maps of the figure images.
 */
public final class ModelEvaluator {

    private final EvaluationSettings settings;

    public ModelEvaluator(EvaluationSettings settings) {
        this.settings = settings;
    }

    /**
     * @param label      the model's name in the outputs
     * @param run        the run folder, as shown in the outputs
     * @param data       the images to evaluate, all of the run's size and channels
     * @param figureIds  images whose maps are kept for the figures
     * @param oracles    the images' oracle annotators by id (see {@link Oracle}); empty when the data has none
     */
    public ModelEvaluation evaluate(TrainedModel trained, String label, String run, List<Sample> data, Set<String> figureIds,
                                    Map<String, Oracle> oracles, Progress.Factory progress) {
        return evaluate(new RunSource(trained, run, settings), label, data, figureIds, oracles, progress);
    }

    /**
     * Evaluates the samples of any source: a trained run or prediction files.
     *
     * @param label      the model's name in the outputs
     * @param data       the images to evaluate, in the order the source gives them
     * @param figureIds  images whose maps are kept for the figures
     * @param oracles    the images' oracle annotators by id (see {@link Oracle}); empty when the data has none
     */
    public ModelEvaluation evaluate(PredictionSource source, String label, List<Sample> data, Set<String> figureIds,
                                    Map<String, Oracle> oracles, Progress.Factory progress) {
        Random gedDraws = Seeds.EVALUATION_GED_DRAWS.random(settings.seed());
        int classes = source.classes();
        Calibration calibration = new Calibration(settings.calibrationBins());
        ModelEvaluation.OracleCalibration oracleCalibration = oracles.isEmpty() ? null
                : new ModelEvaluation.OracleCalibration(oracles.values().iterator().next().draws().size(),
                        new Calibration(settings.calibrationBins()), new Calibration(settings.calibrationBins()));
        List<ImageScores> images = new ArrayList<>();
        List<PixelRecord> pixels = new ArrayList<>();
        Map<String, ImageMaps> maps = new LinkedHashMap<>();
        try (Progress bar = progress.start("evaluate " + label, data.size())) {
            source.predict(data, (part, batch) -> {
                for (int b = 0; b < part.size(); b++) {
                    Sample s = part.get(b);
                    SampledImage image = SampledImage.of(s, b, part.size(), classes, batch);
                    Oracle oracle = oracles.get(s.id());
                    images.add(image.scores(label, settings, gedDraws, oracle));
                    pixels.addAll(image.pixelRecords(pixelIndices(s, settings)));
                    calibration.addAll(image.foreground(), image.meanAnnotation());
                    if (oracleCalibration != null) {
                        oracleCalibration.model().addAll(image.foreground(), oracle.pax());
                        oracleCalibration.annotators().addAll(image.meanAnnotation(), oracle.pax());
                    }
                    if (figureIds.contains(s.id())) {
                        maps.put(s.id(), image.maps(8));
                    }
                    bar.step(s.id());
                }
            });
        }
        return new ModelEvaluation(label, source.model(), source.origin().path(), source.distinctSamples(), images,
                pixels, calibration, maps, oracleCalibration, source.origin());
    }

    /**
     * The pixels sampled from one image: the same for every model (seeded by the evaluation seed and the image
     * id), drawn without replacement, in ascending order; every pixel when the budget covers the image.
     */
    static int[] pixelIndices(Sample s, EvaluationSettings settings) {
        int n = s.image().height() * s.image().width();
        int k = settings.pixelsPerImage() == EvaluationSettings.ALL_PIXELS ? n : Math.min(n, settings.pixelsPerImage());
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        if (k < n) {
            Random rng = Seeds.EVALUATION_IMAGE.random(settings.seed(), s.id().hashCode());
            for (int i = 0; i < k; i++) {
                int j = i + rng.nextInt(n - i);
                int t = all[i];
                all[i] = all[j];
                all[j] = t;
            }
        }
        int[] chosen = java.util.Arrays.copyOf(all, k);
        java.util.Arrays.sort(chosen);
        return chosen;
    }
}
