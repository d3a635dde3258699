package dev.penumbra.cli;

import ai.djl.Device;
import dev.penumbra.config.Provenance;
import dev.penumbra.data.Split;
import dev.penumbra.evaluate.DatasetEvaluation;
import dev.penumbra.evaluate.Evaluation;
import dev.penumbra.evaluate.EvaluationSettings;
import dev.penumbra.evaluate.EvaluationOverview;
import dev.penumbra.evaluate.Metric;
import dev.penumbra.evaluate.MetricKey;
import dev.penumbra.evaluate.ModelSummary;
import dev.penumbra.evaluate.Verdict;
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
        description = {"Evaluate trained runs on a dataset split and write the report.",
            """
            %n\
            Draws samples per image from every run and writes into OUT: images.csv/.json (GED and diversity \
            at each sample count, the three estimators side by side at the largest, NCC, Hungarian IoU, soft \
            Dice, entropies), pixels.csv/.jsonl (sampled pixels: entropy, prediction, annotator votes, \
            TP/FP/FN/TN), summary.json (means with bootstrap 95%% intervals, ECE, AUROC, AURC), \
            statistics.json (rm_corr, t-tests), figures/ (PNG and SVG) and report.html, with \
            provenance.json.%n\
            %n\
            --estimator chooses the primary GED: the one the model comparisons test and the tables lead \
            with.\s""" + EstimatorOption.HELP})
public final class EvaluateCommand extends PenumbraCommand {

    @Option(names = "--runs", required = true, arity = "1..*", paramLabel = "DIR", description = "Run folders written by 'penumbra train'.")
    List<Path> runs;

    @Option(names = "--split", paramLabel = "train|val|test", defaultValue = "test", description = "Split to evaluate (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--ged-samples", paramLabel = "N,N,...", split = ",", hideParamSyntax = true, defaultValue = "1,4,8," + Sampler.DEFAULT_SAMPLES, description = "Sample counts for GED and diversity (default: ${DEFAULT-VALUE}).")
    int[] gedCounts;

    @Option(names = "--pixels", paramLabel = "N|all", defaultValue = "1000", description = "Pixels sampled per image for the pixel tables, or 'all' (default: ${DEFAULT-VALUE}).")
    String pixels;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "1000", description = "Bootstrap resamples for the 95%% intervals (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--calibration-bins", paramLabel = "N", defaultValue = "10", description = "Bins of the reliability diagram (default: ${DEFAULT-VALUE}).")
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
        Device device = common.engine.apply();
        String title = name != null ? name : FileTrees.nameOf(data != null ? data
                : TrainRun.readSpec(runs.get(0)).data());
        List<OutputFolder.Input> inputs = new ArrayList<>();
        runs.forEach(r -> inputs.add(new OutputFolder.Input("--runs", r)));
        inputs.addAll(OutputFolder.Input.existing("--data", data != null ? List.of(data)
                : runs.stream().map(r -> TrainRun.readSpec(r).data()).toList()));
        Path report;
        DatasetEvaluation evaluation;
        try (OutputFolder folder = OutputFolder.fresh(out, "--out", inputs)) {
            evaluation = Evaluation.run(title, runs, data, which, settings, device,
                    common.engine.progress());
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("runs", runs.stream().map(Path::toString).toList());
            config.put("data", evaluation.data());
            config.put("split", which.folder());
            config.put("settings", settings.toString());
            RunSpec first = TrainRun.readSpec(runs.get(0));
            Provenance provenance = Provenance.of("evaluate", config, Map.of("evaluate", seed), device.toString(),
                    started).withData(data != null ? data : first.data(), first.dataOptions());
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
            var majority = s.means().get(Metric.MAJORITY_DICE.key());
            sb.append(String.format(Locale.ROOT, "%-16s %9.4f %9.4f %9.4f %9.4f %9.4f %8.4f %7.4f %7.3f %9s%n",
                    s.label(), s.means().get(e.settings().primaryGed()).estimate(),
                    s.means().get(diversity).estimate(),
                    s.means().get(Metric.HUNGARIAN_IOU.at(k)).estimate(),
                    s.means().get(Metric.SOFT_DICE.key()).estimate(),
                    majority == null ? Double.NaN : majority.estimate(),
                    s.means().get(Metric.ENTROPY.key()).estimate(), s.ece(), s.auroc(),
                    s.correctness().result() == null
                            ? "-" : String.format(Locale.ROOT, "%.3f", s.correctness().result().r())));
        }
        sb.append(String.format(Locale.ROOT, "softDice: mean probability vs mean annotation, every image%n"
                + "majDice:  the samples' majority vs the annotators' majority, images with a majority lesion%n"));
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
