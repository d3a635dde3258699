package dev.penumbra.cli;

import ai.djl.Device;
import dev.penumbra.InputException;
import dev.penumbra.config.Provenance;
import dev.penumbra.data.DataOptions;
import dev.penumbra.data.Split;
import dev.penumbra.evaluate.DatasetEvaluation;
import dev.penumbra.evaluate.Evaluation;
import dev.penumbra.evaluate.EvaluationSettings;
import dev.penumbra.evaluate.EvaluationOverview;
import dev.penumbra.evaluate.Metric;
import dev.penumbra.evaluate.MetricKey;
import dev.penumbra.evaluate.ModelSummary;
import dev.penumbra.evaluate.Verdict;
import dev.penumbra.external.NamedPredictions;
import dev.penumbra.io.FileTrees;
import dev.penumbra.io.OutputFolder;
import dev.penumbra.metric.Ged;
import dev.penumbra.model.Sampler;
import dev.penumbra.report.ReportWriter;
import dev.penumbra.train.RunSpec;
import dev.penumbra.train.TrainRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code penumbra evaluate}. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluate runs or other tools' predictions and write the report.",
            """
            %n\
            Draws samples per image from every run (or reads them from --predictions folders) and writes into OUT: images.csv/.json (GED and diversity \
            at each sample count, the three estimators side by side at the largest, NCC, Hungarian IoU, soft \
            Dice, entropies), pixels.csv/.jsonl (sampled pixels: entropy, prediction, annotator votes, \
            TP/FP/FN/TN), summary.json (means with bootstrap 95%% intervals, ECE, AUROC, AURC), \
            statistics.json (rm_corr, t-tests), figures/ (PNG and SVG) and report.html, with \
            provenance.json.%n\
            %n\
            --predictions NAME=DIR evaluates the masks another tool wrote, beside or instead of runs: the \
            mean probability is the tool's probability_c<k> maps, or else the mean of its samples; a single \
            sample per image is a deterministic model; with fewer samples than a --ged-samples count, that \
            count is not computed for it. Without --runs give --data and the data options \
            (--size, ...) the predictions were made at (--size defaults to the native size here).%n\
            %n\
            --estimator chooses the primary GED: the one the model comparisons test and the tables lead \
            with.\s""" + EstimatorOption.HELP})
public final class EvaluateCommand extends PenumbraCommand {

    @Option(names = "--runs", arity = "1..*", paramLabel = "DIR", description = "Run folders written by 'penumbra train' (give --runs, --predictions or both).")
    List<Path> runs = new ArrayList<>();

    @Option(names = "--predictions", paramLabel = "NAME=DIR", description = "Predictions of any tool, evaluated as model NAME: DIR/<image id>/sample_00.png, ... and optional probability_c<k>.npy/.png, the layout 'penumbra predict' writes (repeatable).")
    List<String> predictions = new ArrayList<>();

    @Option(names = "--ignore-extra-predictions", description = "Skip prediction folders of images outside the evaluated split (default: such folders are an error).")
    boolean ignoreExtra;

    @Mixin
    DataOptionsMixin reading;

    @Option(names = "--split", paramLabel = "train|val|test", defaultValue = "test", description = "Split to evaluate (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--ged-samples", paramLabel = "N,N,...", split = ",", hideParamSyntax = true, defaultValue = "1,4,8," + Sampler.DEFAULT_SAMPLES, description = "Sample counts for GED and diversity (default: ${DEFAULT-VALUE}).")
    int[] gedCounts;

    @Option(names = "--pixels", paramLabel = "N|all", defaultValue = "" + EvaluationSettings.PIXELS_PER_IMAGE, description = "Pixels sampled per image for the pixel tables, or 'all' (default: ${DEFAULT-VALUE}).")
    String pixels;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "" + EvaluationSettings.BOOTSTRAP, description = "Bootstrap resamples for the 95%% intervals (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--calibration-bins", paramLabel = "N", defaultValue = "" + EvaluationSettings.CALIBRATION_BINS, description = "Bins of the reliability diagram (default: ${DEFAULT-VALUE}).")
    int bins;

    @Option(names = "--name", paramLabel = "TEXT", description = "Title of the dataset in the report (default: the data's name).")
    String name;

    @Mixin
    SampledOptions common;

    @Override
    public Integer call() {
        String data = common.data.orNull();
        Path out = common.out.get();
        long seed = common.seed.get();
        Instant started = Instant.now();
        EvaluationSettings settings = new EvaluationSettings(common.sampling.samples(), gedCounts,
                EvaluationSettings.parsePixels(pixels), bootstrap, bins, common.sampling.batchSize(), seed,
                common.estimator.get());
        Split which = Split.parse(split);
        List<NamedPredictions> external = predictions.stream().map(p -> NamedPredictions.parse(p, ignoreExtra))
                .toList();
        if (runs.isEmpty() && external.isEmpty()) {
            throw new InputException("evaluate: give at least one model: --runs DIR... (runs written by 'penumbra"
                    + " train') and/or --predictions NAME=DIR (predictions of any tool)");
        }
        checkDataOptions();
        DataOptions options = reading.build(0);
        Device device = common.engine.apply();
        settings = settings.withPrecision(common.precision.resolve(device));
        String title = name != null ? name : FileTrees.nameOf(data != null ? data
                : runs.isEmpty() ? common.data.required("evaluate --predictions") : TrainRun.readSpec(runs.get(0)).data());
        List<OutputFolder.Input> inputs = new ArrayList<>();
        runs.forEach(r -> inputs.add(new OutputFolder.Input("--runs", r)));
        external.forEach(p -> inputs.add(new OutputFolder.Input("--predictions", p.folder())));
        inputs.addAll(OutputFolder.Input.existing("--data", data != null ? List.of(data)
                : runs.stream().map(r -> TrainRun.readSpec(r).data()).toList()));
        Path report;
        DatasetEvaluation evaluation;
        try (OutputFolder folder = OutputFolder.fresh(out, "--out", inputs)) {
            evaluation = Evaluation.run(title, runs, external, data, options, which, settings, device,
                    common.engine.progress());
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("runs", runs.stream().map(Path::toString).toList());
            Map<String, String> named = new LinkedHashMap<>();
            external.forEach(p -> named.put(p.name(), p.folder().toString()));
            config.put("predictions", named);
            config.put("data", evaluation.data());
            config.put("split", which.folder());
            config.put("settings", settings.toString());
            RunSpec first = runs.isEmpty() ? null : TrainRun.readSpec(runs.get(0));
            Provenance provenance = Provenance.of("evaluate", config, Map.of("evaluate", seed), device.toString(),
                    started).withData(evaluation.data(), first != null ? first.dataOptions() : options);
            Path staged = folder.dir();
            report = folder.published(ReportWriter.write(staged, "Penumbra evaluation: " + title, List.of(evaluation),
                    e -> staged, provenance));
            folder.commit();
        }
        PrintWriter w = out();
        w.print(table(evaluation));
        w.printf("%nReport: %s%n", report);
        w.flush();
        return 0;
    }

    /**
     * The data options (--size, --layout, ...) say how to read the data for predictions alone; runs read it as they
     * were trained, so giving them beside --runs would be silently ignored: refused instead.
     */
    private void checkDataOptions() {
        if (runs.isEmpty() || spec.commandLine().getParseResult() == null) {
            return;
        }
        List<String> given = spec.commandLine().getParseResult().matchedOptions().stream()
                .filter(o -> o.userObject() instanceof java.lang.reflect.Field f
                        && f.getDeclaringClass() == DataOptionsMixin.class)
                .map(o -> o.longestName()).toList();
        if (!given.isEmpty()) {
            throw new InputException(String.join(", ", given) + ": with --runs the data is read as the runs were"
                    + " trained (their size, layout and split), and predictions must match it; these options apply"
                    + " only to --predictions without --runs");
        }
    }

    /** The summary as a plain-text table. */
    static String table(DatasetEvaluation e) {
        int k = e.settings().largestCount();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s, %s split, %d images%n", e.name(),
                e.split(), e.images()));
        MetricKey diversity = (e.settings().estimator() == Ged.Estimator.UNBIASED ? Metric.DIVERSITY_UNBIASED
                : Metric.DIVERSITY).at(k);
        sb.append(String.format(Locale.ROOT, "GED and diversity: %s estimator%n", e.settings().estimator()));
        sb.append(String.format(Locale.ROOT, "%-16s %9s %9s %9s %9s %9s %8s %7s %7s %9s%n", "model", "GED@" + k,
                "div@" + k, "HungIoU", "softDice", "majDice", "entropy", "ECE", "AUROC", "rm_corr r"));
        for (ModelSummary s : e.summaries()) {
            sb.append(String.format(Locale.ROOT, "%-16s %9.4f %9.4f %9.4f %9.4f %9.4f %8.4f %7.4f %7.3f %9s%n",
                    s.label(), s.estimate(e.settings().primaryGed()), s.estimate(diversity),
                    s.estimate(Metric.HUNGARIAN_IOU.at(k)), s.estimate(Metric.SOFT_DICE.key()),
                    s.estimate(Metric.MAJORITY_DICE.key()), s.estimate(Metric.ENTROPY.key()), s.ece(), s.auroc(),
                    s.correctness().result() == null
                            ? "-" : String.format(Locale.ROOT, "%.3f", s.correctness().result().r())));
        }
        sb.append(String.format(Locale.ROOT, "softDice: mean probability vs mean annotation, every image%n"
                + "majDice:  the samples' majority vs the annotators' majority, images with a majority lesion%n"));
        for (ModelSummary s : e.summaries()) {
            if (s.origin() != null && !s.origin().trainedRun()) {
                sb.append(String.format(Locale.ROOT, "%s: predictions from %s; probabilities: %s%n", s.label(),
                        s.origin().path(), s.origin().probabilities()));
                s.origin().notes().forEach(n -> sb.append("  - ").append(n).append(System.lineSeparator()));
            }
        }
        EvaluationOverview overview = EvaluationOverview.of(e);
        sb.append(String.format(Locale.ROOT, "%nVerdict (criteria: report.html):%n"));
        for (Verdict.Finding f : Verdict.of(overview)) {
            sb.append(String.format(Locale.ROOT, "%-16s %-58s %s%n", f.model(), f.question().text(),
                    f.answer().text()));
        }
        sb.append(overview.healthLines());
        return sb.toString();
    }
}
