package dev.penumbra.cli;

import ai.djl.Device;
import dev.penumbra.InputException;
import dev.penumbra.config.Preset;
import dev.penumbra.config.Provenance;
import dev.penumbra.data.DataOptions;
import dev.penumbra.data.Dataset;
import dev.penumbra.data.DatasetReader;
import dev.penumbra.data.Split;
import dev.penumbra.data.synthetic.SyntheticData;
import dev.penumbra.data.synthetic.SyntheticKind;
import dev.penumbra.data.synthetic.SyntheticOptions;
import dev.penumbra.io.AtomicFiles;
import dev.penumbra.io.FileTrees;
import dev.penumbra.io.Json;
import dev.penumbra.io.OutputFolder;
import dev.penumbra.metric.Ged;
import dev.penumbra.predict.ImagePrediction;
import dev.penumbra.evaluate.EvaluationOverview;
import dev.penumbra.evaluate.Metric;
import dev.penumbra.report.HtmlReport;
import dev.penumbra.report.ReportPart;
import dev.penumbra.report.ReportWriter;
import dev.penumbra.study.Study;
import dev.penumbra.study.StudyDefinition;
import dev.penumbra.study.StudyPlan;
import dev.penumbra.study.StudyUnit;
import dev.penumbra.model.Sampler;
import dev.penumbra.nn.Precision;
import dev.penumbra.train.TrainRun;
import dev.penumbra.train.TrainedModel;
import dev.penumbra.train.TrainingOutcome;
import dev.penumbra.io.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** {@code penumbra demo}: the main job on embedded synthetic data, small enough for a laptop. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the main job on embedded synthetic data.", """
            %n\
            Generates both synthetic datasets (ambiguous, LIDC-like; unambiguous, ISIC-like) and runs the \
            study of the demo preset on each ('penumbra study --preset demo'): every model (softmax U-Net, \
            ensemble, MC-Dropout, Probabilistic U-Net) trained briefly and evaluated, and on the ambiguous \
            data a small active-learning experiment for every model (random vs entropy-sum). Writes \
            predictions, a summary and one HTML report of both (OUT/report.html)."""})
public final class DemoCommand extends PenumbraCommand {

    static final String MARKER = ".penumbra-demo";
    static final int AL_STEPS = 25;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/demo", description = "Output folder (default: ${DEFAULT-VALUE}); an earlier demo there is replaced.")
    Path out;

    @Mixin
    SeedOption seedOption;

    @Option(names = "--epochs", paramLabel = "N", description = "Training epochs per model (default: the demo preset's).")
    Integer epochs;

    @Option(names = "--active-steps", paramLabel = "N", defaultValue = "" + AL_STEPS, description = "Gradient updates per active-learning round (default: ${DEFAULT-VALUE}).")
    int activeSteps;

    @Mixin
    EngineOptions engine;

    @Mixin
    PrecisionOption precisionOption;

    /** The resolved --precision, set when the demo starts. */
    private Precision precision;

    /** One trained model's line of the demo summary. */
    public record RunResult(String dataset, String layout, String model, int trainImages, int testImages, long steps,
                            int bestEpoch, double bestValidationLoss, double trainSeconds, double meanDiceToMajority,
                            double clearLesionDice, double meanEntropyBits, double meanDistinctSamples, double meanGed,
                            double meanSampleDiversity, boolean sampling, List<String> health, String run,
                            String predictions, double oracleRatio) {
    }

    /**
     * The same line with GED@16, diversity, the majority Dice over the images with a lesion and over those with a
     * clear lesion, and the health flags from the evaluation, so the summary and the report agree.
     */
    RunResult withEvaluation(RunResult r, dev.penumbra.evaluate.ModelSummary s) {
        var dice = s.means().get(Metric.MAJORITY_DICE.key());
        var clear = s.means().get(Metric.CLEAR_LESION_DICE.key());
        return new RunResult(r.dataset(), r.layout(), r.model(), r.trainImages(), r.testImages(), r.steps(),
                r.bestEpoch(), r.bestValidationLoss(), r.trainSeconds(), dice == null ? Double.NaN : dice.estimate(),
                clear == null ? Double.NaN : clear.estimate(), r.meanEntropyBits(), r.meanDistinctSamples(), s.means().get(Metric.GED.at(Sampler.DEFAULT_SAMPLES)).estimate(),
                s.means().get(Metric.DIVERSITY.at(Sampler.DEFAULT_SAMPLES)).estimate(), r.sampling(),
                s.health().stream().map(dev.penumbra.health.HealthFlag::name).distinct().toList(), r.run(),
                r.predictions(), s.oracle() == null ? Double.NaN : s.oracle().ratio());
    }

    /** What the demo reports (tests call {@link #call()} and read this file). */
    public record Summary(String preset, List<String> models, List<RunResult> runs,
                          List<DemoAcceptance.Check> checks, String report, double seconds) {
    }

    @Override
    public Integer call() {
        Instant started = Instant.now();
        Device device = engine.apply();
        precision = precisionOption.resolve(device);
        try (OutputFolder claim = OutputFolder.inPlace(out, "--out", List.of())) {
            return demo(started, device);
        }
    }

    /** The seed paper's four models: the demo shows its study; later models are added with {@code study --models}. */
    static final List<String> PAPER_MODELS = List.of("softmax", "ensemble", "mcdropout", "punet");

    private int demo(Instant started, Device device) {
        prepareOutput();
        Progress.Factory progress = engine.progress();
        PrintWriter log = engine.quiet() ? new PrintWriter(java.io.Writer.nullWriter()) : out();
        List<String> models = PAPER_MODELS;
        List<RunResult> results = new ArrayList<>();
        List<ReportPart> parts = new ArrayList<>();
        Provenance provenance = provenance(device, started);
        for (SyntheticKind kind : SyntheticKind.values()) {
            Instant studyStarted = Instant.now();
            String name = kind.name().toLowerCase(Locale.ROOT);
            Path dataDir = out.resolve("data").resolve(name);
            SyntheticData.write(kind, SyntheticOptions.defaults(), dataDir);
            DataOptions options = DataOptions.defaults().withSize(Preset.DEMO.size());
            Dataset dataset = DatasetReader.read(dataDir, options);
            boolean active = kind == SyntheticKind.AMBIGUOUS;
            out().printf("[%s] study: %d models on %d training images (%s layout)%s%n", name,
                    models.size(), dataset.split(Split.TRAIN).size(), dataset.layout(), active
                            ? ", then active learning (random vs entropy-sum)" : "");
            out().flush();
            Path dir = out.resolve(name);
            Study study = Study.create(definition(models, dataDir, options, dataset, active), dir, dataset, device,
                    log);
            for (StudyUnit unit : study.units()) {
                study.run(unit, dataset, device, progress, log);
            }
            provenance = provenance.withData(dataDir.toString(), options);
            Study.Collected collected = study.collect(dataset, device, progress,
                    provenance(device, studyStarted).withData(dataDir.toString(), options));
            out().print(collected.healthLines());
            parts.addAll(collected.parts());
            EvaluationOverview evaluation = ((HtmlReport.Section) collected.parts().get(0)).evaluation();
            for (int i = 0; i < models.size(); i++) {
                results.add(withEvaluation(predict(name, dataset, dir, models.get(i), device, progress),
                        evaluation.summaries().get(i)));
            }
        }
        Path report = ReportWriter.write(out, "Penumbra demo: four models on two synthetic datasets", parts,
                provenance);
        Summary summary = new Summary(Preset.DEMO.name(), models, results, DemoAcceptance.of(results),
                report.toString(),
                java.time.Duration.between(started, Instant.now()).toMillis() / 1000.0);
        Json.write(out.resolve("summary.json"), summary);
        AtomicFiles.writeString(out.resolve("summary.md"), markdown(summary));
        out().print(markdown(summary));
        out().printf("%nDemo finished in %.0f s. Summary: %s%nReport: %s%n", summary.seconds(),
                out.resolve("summary.md"), report);
        return 0;
    }

    private Provenance provenance(Device device, Instant started) {
        long seed = seedOption.get();
        return Provenance.of("demo", Map.of("preset", "demo", "seed", seed, "epochs", epochs == null ? "preset"
                : epochs, "activeSteps", activeSteps), Map.of("train", seed, "evaluate", seed, "synthetic",
                SyntheticOptions.defaults().seed()), device.toString(), started);
    }

    /**
     * The study of one synthetic dataset with the demo preset, as {@code penumbra study --preset demo} defines it:
     * every model trained; on the ambiguous data also the active-learning experiment for every model, random
     * against entropy-sum, with {@code --active-steps} steps per round.
     */
    private StudyDefinition definition(List<String> models, Path dataDir, DataOptions options, Dataset dataset,
                                       boolean active) {
        return new StudyPlan(Preset.DEMO, dataDir.toAbsolutePath().toString(), options, models, !active,
                List.of("random", "entropy-sum"), null, null, null, null, activeSteps, epochs, null, null, seedOption.get(),
                Map.of(), Map.of(), precision).define(dataset);
    }

    /** Writes one trained model's predictions and its line of the summary. */
    private RunResult predict(String name, Dataset dataset, Path study, String model, Device device,
                              Progress.Factory progress) {
        Path runDir = study.resolve("train").resolve(model);
        TrainingOutcome outcome = Json.readFile(runDir.resolve(TrainRun.OUTCOME), TrainingOutcome.class,
                "the outcome of a training run", "penumbra demo");
        Path predictions = runDir.resolve("predictions");
        List<ImagePrediction> rows;
        boolean sampling;
        try (TrainedModel trained = TrainedModel.load(runDir, device)) {
            sampling = trained.model().distinctSamples() > 1;
            rows = PredictCommand.run(trained, null, Split.TEST, Sampler.DEFAULT_SAMPLES, 8, seedOption.get(),
                    Ged.Estimator.PAPER, precision, predictions,
                    progress);
        }
        return new RunResult(name, dataset.layout(), model, dataset.split(Split.TRAIN).size(), rows.size(),
                outcome.steps(), outcome.bestEpoch(), outcome.bestLoss(), outcome.seconds(),
                mean(rows, ImagePrediction::diceToMajority), Double.NaN, mean(rows, ImagePrediction::meanEntropyBits),
                mean(rows, r -> r.distinctSamples()), mean(rows, ImagePrediction::ged),
                mean(rows, ImagePrediction::sampleDiversity), sampling, List.of(), runDir.toString(),
                predictions.toString(), Double.NaN);
    }

    private static double mean(List<ImagePrediction> rows, java.util.function.ToDoubleFunction<ImagePrediction> f) {
        return rows.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    static String markdown(Summary s) {
        StringBuilder sb = new StringBuilder("# Penumbra demo\n\nPreset " + s.preset() + ": every model trained"
                + " briefly on both synthetic datasets, then 16 samples per test image; means over the test images."
                + " GED@16: generalized energy distance between the samples and the annotations (paper estimator;"
                + " lower is better; as in the report). Diversity: mean 1 - IoU between samples. Majority Dice: the"
                + " pixels in at least half of the samples against the pixels marked by at least half of the"
                + " annotators, over the test images where such pixels exist (the report's majority Dice column;"
                + " its soft Dice column is a different measure, the mean probability against the mean annotation)."
                + " Clear Dice: the same over the test images with a clear lesion, some pixel every annotator marks"
                + " (the lesions a model must find; where the annotators split, the majority is a coin toss)."
                + " Entropy: pixel predictive entropy in bits. Distinct: distinct sample masks per image (of 16)."
                + " GED / floor: GED@16 against 32 oracle annotators of the synthetic ambiguous data, divided by what"
                + " samples of the true annotator distribution score (1 = as good as the truth; see the report)."
                + " Health: the health checks that fired (see the report's warning box); \"ok\" when none did.\n\n"
                + "| dataset | model | steps | best val loss | GED@16 | diversity | majority Dice | clear Dice | entropy"
                + " | distinct | GED / floor | health | train s | predictions |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (RunResult r : s.runs()) {
            sb.append(String.format(Locale.ROOT,
                    "| %s | %s | %d | %.4f | %.3f | %.3f | %.3f | %.3f | %.4f | %.1f | %s | %s | %.1f | %s |%n",
                    r.dataset(), r.model(), r.steps(), r.bestValidationLoss(), r.meanGed(), r.meanSampleDiversity(),
                    r.meanDiceToMajority(), r.clearLesionDice(), r.meanEntropyBits(), r.meanDistinctSamples(),
                    Double.isNaN(r.oracleRatio()) ? "\u2013" : String.format(Locale.ROOT, "%.2f", r.oracleRatio()),
                    r.health().isEmpty() ? "ok" : String.join(", ", r.health()), r.trainSeconds(),
                    r.predictions()));
        }
        return sb.append(System.lineSeparator()).append(DemoAcceptance.text(s.checks())).toString();
    }

    /** Replaces an earlier demo's folder; refuses any other non-empty folder. */
    private void prepareOutput() {
        try {
            if (Files.exists(out)) {
                boolean empty;
                try (Stream<Path> entries = Files.list(out)) {
                    empty = entries.findAny().isEmpty();
                }
                if (!empty && !Files.exists(out.resolve(MARKER))) {
                    throw new InputException("--out " + out + " is not empty and holds no earlier demo; choose"
                            + " another folder");
                }
                FileTrees.deleteTree(out);
            }
            Files.createDirectories(out);
            Files.writeString(out.resolve(MARKER), "written by penumbra demo; the next demo replaces this folder\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + out + ": " + e.getMessage(), e);
        }
    }
}
