package dev.penumbra.cli;

import ai.djl.Device;
import dev.penumbra.InputException;
import dev.penumbra.active.ActiveExperiment;
import dev.penumbra.active.ActiveOutputs;
import dev.penumbra.active.ActiveResult;
import dev.penumbra.active.ActiveSettings;
import dev.penumbra.config.Preset;
import dev.penumbra.config.Provenance;
import dev.penumbra.data.DataOptions;
import dev.penumbra.data.Dataset;
import dev.penumbra.data.DatasetReader;
import dev.penumbra.data.Split;
import dev.penumbra.data.synthetic.SyntheticData;
import dev.penumbra.data.synthetic.SyntheticKind;
import dev.penumbra.data.synthetic.SyntheticOptions;
import dev.penumbra.evaluate.DatasetEvaluation;
import dev.penumbra.evaluate.Evaluation;
import dev.penumbra.evaluate.EvaluationSettings;
import dev.penumbra.io.AtomicFiles;
import dev.penumbra.io.Json;
import dev.penumbra.io.Progress;
import dev.penumbra.predict.ImagePrediction;
import dev.penumbra.report.ActivePart;
import dev.penumbra.report.ReportWriter;
import dev.penumbra.train.RunSpec;
import dev.penumbra.train.RunSpecs;
import dev.penumbra.model.ModelRegistry;
import dev.penumbra.train.TrainRun;
import dev.penumbra.train.TrainedModel;
import dev.penumbra.train.TrainingOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code penumbra demo}: the main job on embedded synthetic data, small enough for a laptop. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the main job on embedded synthetic data.", "",
            "Generates both synthetic datasets (ambiguous, LIDC-like; unambiguous, ISIC-like), trains every model"
                + " (softmax U-Net, ensemble, MC-Dropout, Probabilistic U-Net) briefly on each, and writes"
                + " predictions, entropy maps, a summary, the evaluation's tables and figures, runs a small"
                + " active-learning experiment (MC-Dropout, random vs entropy-sum), and writes one HTML report"
                + " (OUT/report.html)."})
public final class DemoCommand implements Callable<Integer> {

    static final String MARKER = ".penumbra-demo";
    static final int AL_INITIAL = 8;
    static final int AL_ADD = 8;
    static final int AL_ROUNDS = 3;
    static final int AL_STEPS = 60;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/demo", description = "Output folder (default: ${DEFAULT-VALUE}); an earlier demo there is replaced.")
    Path out;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1", description = "Training seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--epochs", paramLabel = "N", description = "Training epochs per model (default: the demo preset's).")
    Integer epochs;

    @Option(names = "--active-steps", paramLabel = "N", defaultValue = "" + AL_STEPS, description = "Gradient updates per active-learning round (default: ${DEFAULT-VALUE}).")
    int activeSteps;

    @Mixin
    EngineOptions engine;

    @Spec
    CommandSpec spec;

    /** One trained model's line of the demo summary. */
    public record RunResult(String dataset, String layout, String model, int trainImages, int testImages, long steps,
                            int bestEpoch, double bestValidationLoss, double trainSeconds, double meanDiceToMajority,
                            double meanEntropyBits, double meanDistinctSamples, double meanGed,
                            double meanSampleDiversity, String run, String predictions) {
    }

    /** The same line with GED@16 and diversity from the evaluation, so the summary and the report agree. */
    RunResult withEvaluation(RunResult r, dev.penumbra.evaluate.ModelSummary s) {
        return new RunResult(r.dataset(), r.layout(), r.model(), r.trainImages(), r.testImages(), r.steps(),
                r.bestEpoch(), r.bestValidationLoss(), r.trainSeconds(), r.meanDiceToMajority(), r.meanEntropyBits(),
                r.meanDistinctSamples(), s.means().get("ged@16").estimate(), s.means().get("diversity@16").estimate(),
                r.run(), r.predictions());
    }

    /** What the demo reports (tests call {@link #call()} and read this file). */
    public record Summary(String preset, List<String> models, List<RunResult> runs, String report, double seconds) {
    }

    @Override
    public Integer call() {
        Instant started = Instant.now();
        Device device = engine.apply();
        prepareOutput();
        Progress.Factory progress = engine.quiet() ? Progress.Factory.QUIET : Progress.Factory.CONSOLE;
        List<String> models = List.copyOf(ModelRegistry.names());
        List<RunResult> results = new ArrayList<>();
        List<DatasetEvaluation> evaluations = new ArrayList<>();
        for (SyntheticKind kind : SyntheticKind.values()) {
            String name = kind.name().toLowerCase(Locale.ROOT);
            Path dataDir = out.resolve("data").resolve(name);
            SyntheticData.write(kind, SyntheticOptions.defaults(), dataDir);
            DataOptions options = DataOptions.defaults().withSize(Preset.DEMO.size());
            Dataset dataset = DatasetReader.read(dataDir, options);
            List<Path> runs = new ArrayList<>();
            for (String model : models) {
                results.add(runOne(name, dataset, dataDir, options, model, device, progress));
                runs.add(out.resolve(name).resolve(model));
            }
            spec.commandLine().getOut().printf("[%s] evaluating %d models on %d test images%n", name, runs.size(),
                    dataset.split(Split.TEST).size());
            spec.commandLine().getOut().flush();
            DatasetEvaluation evaluation = Evaluation.run(name, runs, dataDir.toString(), Split.TEST,
                    EvaluationSettings.paper(seed), device, progress);
            evaluations.add(evaluation);
            for (int i = 0; i < models.size(); i++) {
                int at = results.size() - models.size() + i;
                results.set(at, withEvaluation(results.get(at), evaluation.summaries().get(i)));
            }
        }
        ActivePart active = activeLearning(device, progress);
        Provenance provenance = Provenance.of("demo", Map.of("preset", "demo", "seed", seed, "epochs",
                epochs == null ? "preset" : epochs), Map.of("train", seed, "evaluate", seed, "synthetic",
                SyntheticOptions.defaults().seed()), device.toString(), started);
        Path report = ReportWriter.write(out, "Penumbra demo: four models on two synthetic datasets", evaluations,
                e -> out.resolve(e.name()).resolve("evaluation"), List.of(active), provenance);
        Summary summary = new Summary(Preset.DEMO.name(), models, results, report.toString(),
                java.time.Duration.between(started, Instant.now()).toMillis() / 1000.0);
        Json.write(out.resolve("summary.json"), summary);
        AtomicFiles.writeString(out.resolve("summary.md"), markdown(summary));
        spec.commandLine().getOut().print(markdown(summary));
        spec.commandLine().getOut().printf("%nDemo finished in %.0f s. Summary: %s%nReport: %s%n", summary.seconds(),
                out.resolve("summary.md"), report);
        return 0;
    }

    /**
     * A small active-learning experiment on the ambiguous data: MC-Dropout, random against entropy-sum picks, 2
     * seeds, {@value #AL_INITIAL} initial images plus {@value #AL_ADD} per round for {@value #AL_ROUNDS} rounds of
     * {@code --active-steps} steps: the whole loop, small enough for a laptop.
     */
    private ActivePart activeLearning(Device device, Progress.Factory progress) {
        Path dataDir = out.resolve("data").resolve("ambiguous");
        DataOptions options = DataOptions.defaults().withSize(Preset.DEMO.size());
        Dataset dataset = DatasetReader.read(dataDir, options);
        ActiveSettings settings = new ActiveSettings("mcdropout", List.of("random", "entropy-sum"), 2, seed,
                AL_INITIAL, AL_ADD, AL_ROUNDS, activeSteps);
        RunSpec base = RunSpecs.of("mcdropout", Preset.DEMO, RunSpecs.Overrides.none().withMaxEpochs(Integer.MAX_VALUE),
                dataDir.toAbsolutePath().toString(), options, dataset, seed);
        spec.commandLine().getOut().printf("[ambiguous] active learning with mcdropout: random vs entropy-sum, 2"
                + " seeds, %d + %d x %d images%n", AL_INITIAL, AL_ROUNDS, AL_ADD);
        PrintWriter quiet = new PrintWriter(java.io.Writer.nullWriter());
        ActiveResult result = ActiveExperiment.run(settings, base, dataset, out.resolve("active"), false, device,
                progress, engine.quiet() ? quiet : spec.commandLine().getOut());
        spec.commandLine().getOut().print(ActiveCommand.finalTable(result));
        spec.commandLine().getOut().flush();
        return new ActivePart(result, ActiveOutputs.writeFigures(result, dataset,
                out.resolve("active").resolve("figures")));
    }

    private RunResult runOne(String name, Dataset dataset, Path dataDir, DataOptions options, String model,
                             Device device, Progress.Factory progress) {
        RunSpec run = RunSpecs.of(model, Preset.DEMO, RunSpecs.Overrides.none().withMaxEpochs(epochs),
                dataDir.toAbsolutePath().toString(), options, dataset, seed);
        Path runDir = out.resolve(name).resolve(model);
        spec.commandLine().getOut().printf("[%s] training %s on %d images (%s layout)%n", name, model,
                dataset.split(Split.TRAIN).size(), dataset.layout());
        spec.commandLine().getOut().flush();
        TrainingOutcome outcome = TrainRun.run(run, dataset, runDir, device, progress, false);
        Path predictions = runDir.resolve("predictions");
        List<ImagePrediction> rows;
        try (TrainedModel trained = TrainedModel.load(runDir, device)) {
            rows = PredictCommand.run(trained, null, Split.TEST, 16, 8, seed, predictions, progress);
        }
        return new RunResult(name, dataset.layout(), model, dataset.split(Split.TRAIN).size(), rows.size(),
                outcome.steps(), outcome.bestEpoch(), outcome.bestLoss(), outcome.seconds(),
                mean(rows, ImagePrediction::diceToMajority), mean(rows, ImagePrediction::meanEntropyBits),
                mean(rows, r -> r.distinctSamples()), mean(rows, ImagePrediction::ged),
                mean(rows, ImagePrediction::sampleDiversity), runDir.toString(), predictions.toString());
    }

    private static double mean(List<ImagePrediction> rows, java.util.function.ToDoubleFunction<ImagePrediction> f) {
        return rows.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    static String markdown(Summary s) {
        StringBuilder sb = new StringBuilder("# Penumbra demo\n\nPreset " + s.preset() + ": every model trained"
                + " briefly on both synthetic datasets, then 16 samples per test image; means over the test images."
                + " GED@16: generalized energy distance between the samples and the annotations (paper estimator;"
                + " lower is better; as in the report). Diversity: mean 1 - IoU between samples. Dice: the mean prediction against the"
                + " pixels marked by at least half of the annotators. Entropy: pixel predictive entropy in bits."
                + " Distinct: distinct sample masks per image (of 16).\n\n"
                + "| dataset | model | steps | best val loss | GED@16 | diversity | Dice | entropy | distinct "
                + "| train s | predictions |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (RunResult r : s.runs()) {
            sb.append(String.format(Locale.ROOT,
                    "| %s | %s | %d | %.4f | %.3f | %.3f | %.3f | %.4f | %.1f | %.1f | %s |%n", r.dataset(), r.model(),
                    r.steps(), r.bestValidationLoss(), r.meanGed(), r.meanSampleDiversity(), r.meanDiceToMajority(),
                    r.meanEntropyBits(), r.meanDistinctSamples(), r.trainSeconds(), r.predictions()));
        }
        return sb.toString();
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
                deleteTree(out);
            }
            Files.createDirectories(out);
            Files.writeString(out.resolve(MARKER), "written by penumbra demo; the next demo replaces this folder\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + out + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
