package dev.penumbra.evaluate;

import ai.djl.Device;
import dev.penumbra.InputException;
import dev.penumbra.data.DataOptions;
import dev.penumbra.data.DataSource;
import dev.penumbra.data.Dataset;
import dev.penumbra.data.Oracle;
import dev.penumbra.data.Sample;
import dev.penumbra.data.Split;
import dev.penumbra.io.Progress;
import dev.penumbra.metric.Annotators;
import dev.penumbra.train.RunSpec;
import dev.penumbra.train.TrainRun;
import dev.penumbra.train.TrainedModel;
import dev.penumbra.train.TrainingLoop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates several models on one dataset split, trained runs and prediction files of other tools alike: every model
 * on the same images, then the statistics.
 */
public final class Evaluation {

    /** Images shown in the image figures. */
    static final int FIGURE_IMAGES = 4;

    private Evaluation() {
    }

    /**
     * @param runs  run folders written by {@code penumbra train}
     * @param data  the dataset, or null for the one the runs were trained on (which must then be the same)
     */
    public static DatasetEvaluation run(String name, List<Path> runs, String data, Split split,
                                        EvaluationSettings settings, Device device, Progress.Factory progress) {
        if (runs.isEmpty()) {
            throw new InputException("--runs: give at least one run folder");
        }
        return run(name, runs, List.of(), data, null, split, settings, device, progress);
    }

    /**
     * Evaluates trained runs and prediction files together, on the same images: those of the split as the runs read
     * them (their data options), or as {@code options} reads them when no run is given.
     *
     * @param runs      run folders written by {@code penumbra train}; may be empty when {@code external} is not
     * @param external  models known by their prediction files, evaluated after the runs
     * @param data      the dataset, or null for the one the runs were trained on (which must then be the same);
     *                  required without runs
     * @param options   how to read the data when no run is given (ignored otherwise: the runs read it as they were
     *                  trained)
     */
    public static DatasetEvaluation run(String name, List<Path> runs, List<? extends ExternalModel> external,
                                        String data, DataOptions options, Split split, EvaluationSettings settings,
                                        Device device, Progress.Factory progress) {
        if (runs.isEmpty() && external.isEmpty()) {
            throw new InputException("evaluate: give at least one model: --runs DIR... (trained runs) and/or"
                    + " --predictions NAME=DIR (prediction files of any tool)");
        }
        List<RunSpec> specs = runs.stream().map(TrainRun::readSpec).toList();
        for (Path run : runs) {
            if (!java.nio.file.Files.isRegularFile(run.resolve(TrainingLoop.BEST))) {
                throw new InputException("run folder " + run + " has no trained model (expected "
                        + run.resolve(TrainingLoop.BEST) + "); finish its training first, e.g. with"
                        + " 'penumbra train --resume'");
            }
        }
        if (runs.isEmpty() && data == null) {
            throw new InputException("--data is required with --predictions alone: the dataset whose annotations the"
                    + " predictions are compared with (a folder, or synthetic-ambiguous / synthetic-unambiguous)");
        }
        String source = data != null ? data : commonData(runs, specs);
        int classes = runs.isEmpty() ? options.classes() : specs.get(0).settings().backbone().classes();
        for (int i = 1; i < specs.size(); i++) {
            if (specs.get(i).settings().backbone().classes() != classes) {
                throw new InputException("--runs: " + runs.get(i) + " predicts "
                        + specs.get(i).settings().backbone().classes() + " classes but " + runs.get(0)
                        + " predicts " + classes);
            }
        }
        Map<DataOptions, Dataset> read = new HashMap<>();
        Map<DataOptions, Map<String, Oracle>> oracles = new HashMap<>();
        List<String> labels = labels(runs, specs);
        checkExternalLabels(external, labels);
        List<ModelEvaluation> models = new ArrayList<>();
        // the images of the first run, or of the data as given when there is none: every model is measured on them
        DataOptions referenceOptions = runs.isEmpty() ? options : specs.get(0).dataOptions();
        Dataset referenceData = read.computeIfAbsent(referenceOptions, o -> DataSource.read(source, o));
        List<Sample> reference = referenceData.split(split);
        if (reference.isEmpty()) {
            throw new InputException("--data " + source + " has no images in the " + split.folder() + " split");
        }
        List<Sample> figureImages = chooseFigureImages(reference, FIGURE_IMAGES);
        Set<String> figureIds = new HashSet<>(ids(figureImages));
        // every prediction folder is checked before anything is evaluated: a mistake there costs no sampling time
        List<PredictionSource> opened = new ArrayList<>();
        for (ExternalModel m : external) {
            opened.add(m.open(reference, classes, settings));
        }
        for (int i = 0; i < runs.size(); i++) {
            RunSpec spec = specs.get(i);
            Dataset dataset = read.computeIfAbsent(spec.dataOptions(), o -> DataSource.read(source, o));
            if (dataset.channels() != spec.channels()) {
                throw new InputException("--data " + source + " has " + dataset.channels() + "-channel images but"
                        + " the run " + runs.get(i) + " was trained on " + spec.channels() + "-channel images");
            }
            List<Sample> images = dataset.split(split);
            if (i > 0 && (spec.height() != specs.get(0).height() || spec.width() != specs.get(0).width())) {
                throw new InputException("--runs: " + runs.get(i) + " works on " + spec.height() + "x"
                        + spec.width() + " images but " + runs.get(0) + " on " + specs.get(0).height() + "x"
                        + specs.get(0).width() + "; evaluate runs of one image size together");
            } else if (!ids(images).equals(ids(reference))) {
                throw new InputException("--runs: " + runs.get(i) + " reads a different set of " + split.folder()
                        + " images from " + source + " than " + runs.get(0) + " (different data options)");
            }
            Map<String, Oracle> oracle = oracles.computeIfAbsent(spec.dataOptions(),
                    o -> checkedOracle(source, dataset, o, split, settings));
            try (TrainedModel trained = TrainedModel.load(runs.get(i), device)) {
                models.add(new ModelEvaluator(settings).evaluate(trained, labels.get(i), runs.get(i).toString(),
                        images, figureIds, oracle, progress.on(split.folder())));
            }
        }
        Map<String, Oracle> oracle = oracles.computeIfAbsent(referenceOptions,
                o -> checkedOracle(source, referenceData, o, split, settings));
        for (int i = 0; i < opened.size(); i++) {
            models.add(new ModelEvaluator(settings).evaluate(opened.get(i), external.get(i).label(), reference,
                    figureIds, oracle, progress));
        }
        List<ModelSummary> summaries = models.stream().map(m -> Statistics.summarise(m, settings)).toList();
        int annotators = reference.stream().mapToInt(Sample::annotators).max().orElse(1);
        return new DatasetEvaluation(name, source, split.folder(), classes, annotators, settings, models, summaries,
                Statistics.compare(models, settings), figureImages);
    }

    /** The names of prediction folders must differ from each other and from the runs' labels. */
    private static void checkExternalLabels(List<? extends ExternalModel> external, List<String> runLabels) {
        Map<String, String> taken = new HashMap<>();
        runLabels.forEach(l -> taken.put(l, "the label of a run given with --runs"));
        for (ExternalModel m : external) {
            String before = taken.putIfAbsent(m.label(), "the name of --predictions " + m.label() + "="
                    + m.folder());
            if (before != null) {
                throw new InputException("--predictions " + m.label() + "=" + m.folder() + ": the name '"
                        + m.label() + "' is already " + before + "; give every model its own name");
            }
        }
    }

    /**
     * The split's oracle annotators when the data has them (synthetic data does), checked to have enough draws for
     * the largest sample count ({@link Oracle#read} already checks that every image has them, or none).
     */
    private static Map<String, Oracle> checkedOracle(String source, Dataset dataset, DataOptions options, Split split,
                                                     EvaluationSettings settings) {
        Map<String, Oracle> found = Oracle.read(dataset.root(), options, split);
        if (found.isEmpty()) {
            return found;
        }
        int draws = found.values().iterator().next().draws().size();
        int needed = OracleScores.drawsNeeded(settings.largestCount());
        if (draws < needed) {
            throw new InputException("--data " + source + " has " + draws + " oracle annotations per image in "
                    + Oracle.FOLDER + "/, but GED@" + settings.largestCount() + " against them needs " + needed
                    + " (two halves of " + settings.largestCount() + "); add draws, or move the " + Oracle.FOLDER
                    + " folders away to evaluate without the oracle");
        }
        return found;
    }

    private static String commonData(List<Path> runs, List<RunSpec> specs) {
        Set<String> sources = new LinkedHashSet<>();
        specs.forEach(s -> sources.add(s.data()));
        if (sources.size() > 1) {
            throw new InputException("--runs were trained on different data (" + String.join(", ", sources)
                    + "); give the data to evaluate on with --data");
        }
        return specs.get(0).data();
    }

    /**
     * The registry name of each run's model; where runs share a model, "model (folder)" with the shortest end of the
     * folder path that tells them apart (e.g. "mcdropout (seed1/mcdropout)").
     */
    static List<String> labels(List<Path> runs, List<RunSpec> specs) {
        Map<String, Integer> uses = new HashMap<>();
        specs.forEach(s -> uses.merge(s.model(), 1, Integer::sum));
        Set<Path> real = new HashSet<>();
        for (Path run : runs) {
            if (!real.add(run.toAbsolutePath().normalize())) {
                throw new InputException("--runs: " + run + " is given twice");
            }
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            String model = specs.get(i).model();
            if (uses.get(model) == 1) {
                labels.add(model);
                continue;
            }
            Path full = runs.get(i).toAbsolutePath().normalize();
            int depth = 1;
            while (depth < full.getNameCount() && !uniqueEnd(full, depth, runs, i)) {
                depth++;
            }
            labels.add(model + " (" + full.subpath(full.getNameCount() - depth, full.getNameCount()) + ")");
        }
        return labels;
    }

    private static boolean uniqueEnd(Path full, int depth, List<Path> runs, int self) {
        Path end = full.subpath(full.getNameCount() - depth, full.getNameCount());
        for (int j = 0; j < runs.size(); j++) {
            Path other = runs.get(j).toAbsolutePath().normalize();
            if (j != self && other.getNameCount() >= depth
                    && other.subpath(other.getNameCount() - depth, other.getNameCount()).equals(end)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The images of the image figures: those the annotators mark most, the most disputed first, then by id; an
     * image nobody marks shows little, so those come last.
     */
    static List<Sample> chooseFigureImages(List<Sample> images, int n) {
        Comparator<Sample> order = Comparator.comparing((Sample s) -> s.masks().stream().allMatch(
                m -> m.isBlank())).thenComparing(s -> -disputedPixels(s)).thenComparing(Sample::id);
        return images.stream().sorted(order).limit(n).toList();
    }

    private static int disputedPixels(Sample s) {
        int count = 0;
        for (int v : Annotators.votes(s.masks())) {
            count += v > 0 && v < s.annotators() ? 1 : 0;
        }
        return count;
    }

    private static List<String> ids(List<Sample> samples) {
        return samples.stream().map(Sample::id).toList();
    }
}
