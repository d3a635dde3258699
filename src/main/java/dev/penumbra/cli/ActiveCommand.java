package dev.penumbra.cli;

import ai.djl.Device;
import dev.penumbra.active.ActiveExperiment;
import dev.penumbra.active.ActiveOutputs;
import dev.penumbra.active.ActiveResult;
import dev.penumbra.active.ActiveSettings;
import dev.penumbra.config.Preset;
import dev.penumbra.config.Provenance;
import dev.penumbra.data.DataOptions;
import dev.penumbra.data.DataSource;
import dev.penumbra.data.Dataset;
import dev.penumbra.io.OutputFolder;
import dev.penumbra.nn.Precision;
import dev.penumbra.report.ActivePart;
import dev.penumbra.report.ReportWriter;
import dev.penumbra.train.RunSpec;
import dev.penumbra.train.RunSpecs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code penumbra active}. */
@Command(name = "active", mixinStandardHelpOptions = true, modelTransformer = ModelOptions.class,
        description = {"Run the active-learning experiment for one model.", """
            %n\
            Starts from --initial random training images and adds --add per round for --rounds rounds; every \
            round retrains the model from scratch for --steps updates, measures it on the test split (test \
            loss, GED@16, soft Dice, entropy) and labels the images the strategy picks from the unlabelled \
            pool. Repetition i (of --seeds) uses seed SEED + i for its initial set and its trainings. Writes \
            per round a manifest (OUT/<strategy>/seed_<s>/round_NN.json), rounds.csv/.json, learning curves \
            and report.html. --resume continues an interrupted experiment after its last finished round.%n\
            %n\
            Strategies: random, entropy-sum, entropy-mean, entropy-foreground, bald, diverse (see the \
            README)."""})
public final class ActiveCommand extends PenumbraCommand {

    @Mixin
    ModelNameOption modelName;

    @Option(names = "--strategies", split = ",", hideParamSyntax = true, paramLabel = "S,S,...", defaultValue = "random,entropy-sum", description = "Acquisition functions (default: ${DEFAULT-VALUE}).")
    List<String> strategies;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "" + ActiveSettings.SEEDS, description = "Repetitions with different initial sets (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--initial", paramLabel = "N", defaultValue = "" + ActiveSettings.INITIAL, description = "Randomly labelled images to start with (default: ${DEFAULT-VALUE}).")
    int initial;

    @Option(names = "--add", paramLabel = "K", defaultValue = "" + ActiveSettings.ADD, description = "Images labelled per round (default: ${DEFAULT-VALUE}).")
    int add;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "" + ActiveSettings.ROUNDS, description = "Selection rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "" + ActiveSettings.STEPS, description = "Gradient updates per round, from scratch (default: ${DEFAULT-VALUE}).")
    int steps;

    @Mixin
    LearningRateOption lr;

    @Mixin
    TrainingOptions common;

    @Override
    public Integer call() {
        Instant started = Instant.now();
        String data = common.run.data.required("active");
        Path out = common.out.get();
        long seed = common.run.seed.get();
        String model = modelName.get();
        ActiveSettings settings = new ActiveSettings(model, strategies.stream().map(String::trim).toList(), seeds,
                seed, initial, add, rounds, steps, common.estimator.get());
        Preset p = common.run.preset.get();
        DataOptions options = common.run.reading.build(p.size());
        Dataset dataset = DataSource.read(data, options);
        Device device = common.run.engine.apply();
        RunSpec base = base(model, p, data, options, dataset, seed, common.run.precision.resolve(device));
        PrintWriter log = out();
        Path report;
        ActiveResult result;
        try (OutputFolder claim = OutputFolder.inPlace(out, "--out", OutputFolder.Input.existing("--data",
                List.of(data)))) {
            result = ActiveExperiment.run(settings, base, dataset, out, common.resume, device,
                    common.run.engine.progress(), log);
            Provenance provenance = Provenance.of("active", Map.of("settings", settings, "run", base),
                    Map.of("active", seed, "split", options.splitSeed()), device.toString(), started)
                    .withData(data, options);
            report = ReportWriter.write(out, "Penumbra active learning: " + model, List.of(), e -> out,
                    List.of(new ActivePart(result, ActiveOutputs.writeFigures(result, dataset, out.resolve("figures")))),
                    provenance);
        }
        log.print(finalTable(result));
        log.printf("%nReport: %s%n", report);
        log.flush();
        return 0;
    }

    private RunSpec base(String model, Preset p, String data, DataOptions options, Dataset dataset, long seed,
                         Precision precision) {
        return common.run.steps.apply(RunSpecs.of(model, p)).optLearningRate(lr.get()).optFixedSteps(steps)
                .optPrecision(precision)
                .optModelSettings(ModelOptions.given(spec, model)).build(data, options, dataset, seed);
    }

    /** Mean test metrics after the last round, per strategy. */
    static String finalTable(ActiveResult r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%nafter %d rounds (%d labelled), mean over"
                + " %d seed(s):%n%-20s %10s %8s %9s %12s%n", r.settings().rounds(), r.settings().finalLabelled(),
                r.settings().seeds(), "strategy", "test loss", "GED@16", "soft Dice", "picked H(a)"));
        for (String s : r.settings().strategies()) {
            var last = r.rounds().stream().filter(m -> m.strategy().equals(s) && m.round() == r.settings().rounds())
                    .map(m -> m.metrics()).toList();
            double picked = r.rounds().stream().filter(m -> m.strategy().equals(s) && !m.selected().isEmpty())
                    .mapToDouble(m -> m.metrics().selectedDisagreement()).average().orElse(Double.NaN);
            sb.append(String.format(Locale.ROOT, "%-20s %10.4f %8.4f %9.4f %12.4f%n", s,
                    last.stream().mapToDouble(m -> m.testLoss()).average().orElse(Double.NaN),
                    last.stream().mapToDouble(m -> m.ged()).average().orElse(Double.NaN),
                    last.stream().mapToDouble(m -> m.softDice()).average().orElse(Double.NaN), picked));
        }
        return sb.toString();
    }
}
