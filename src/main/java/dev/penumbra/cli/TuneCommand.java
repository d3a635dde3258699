package dev.penumbra.cli;

import ai.djl.Device;
import dev.penumbra.InputException;
import dev.penumbra.config.Preset;
import dev.penumbra.config.Provenance;
import dev.penumbra.data.DataOptions;
import dev.penumbra.data.DataSource;
import dev.penumbra.data.Dataset;
import dev.penumbra.io.OutputFolder;
import dev.penumbra.io.Progress;
import dev.penumbra.model.ModelRegistry;
import dev.penumbra.train.RunSpec;
import dev.penumbra.train.RunSpecs;
import dev.penumbra.train.TrainRun;
import dev.penumbra.tune.Grid;
import dev.penumbra.tune.GridParameter;
import dev.penumbra.tune.TuneResult;
import dev.penumbra.tune.Tuning;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code penumbra tune}. */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = {"Choose settings by validation GED, as the paper chose dropout p and beta.", "",
            "Trains one run per point of the grid into OUT/<point>/ with the preset's settings (early stopping"
                + " included), measures each best checkpoint's mean GED@16 on the validation split, and writes"
                + " OUT/results.csv and OUT/tune.json with the winner marked. Example: --model mcdropout --grid"
                + " dropout=0.3,0.5,0.7; several --grid options make a full grid."})
public final class TuneCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "NAME", description = "Model: ${COMPLETION-CANDIDATES}.",
            completionCandidates = TrainCommand.ModelNames.class)
    String model;

    @Option(names = "--data", required = true, paramLabel = "DIR|NAME", description = "Dataset folder, or synthetic-ambiguous / synthetic-unambiguous.")
    String data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "New or empty folder (with --resume: an earlier tuning folder of the same grid).")
    Path out;

    @Option(names = "--grid", required = true, paramLabel = "NAME=V,V,...", description = "Values of one setting: dropout (mcdropout), beta (punet) or lr (any); repeat for a full grid.")
    List<String> grid;

    @Option(names = "--preset", paramLabel = "lidc|isic|demo", defaultValue = "lidc", description = "Starting settings (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--max-epochs", paramLabel = "N", description = "Epoch cap per run (default: the preset's).")
    Integer maxEpochs;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "0", description = "Cap on gradient updates per run; 0 = none (default).")
    long maxSteps;

    @Option(names = "--batch-size", paramLabel = "N", description = "Images per step (default: the preset's).")
    Integer batchSize;

    @Option(names = "--filters", paramLabel = "F,F,...", split = ",", description = "U-Net filters per level (default: the preset's).")
    List<Integer> filters;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1", description = "Seed of every run (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--resume", description = "Complete an earlier tuning in --out: finished points are not retrained.")
    boolean resume;

    @Mixin
    DataOptionsMixin dataOptions;

    @Mixin
    EstimatorOption estimator;

    @Mixin
    EngineOptions engine;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Instant started = Instant.now();
        ModelRegistry.check(model);
        List<Map<GridParameter, Double>> points = Grid.parse(grid, model);
        Preset p = Preset.named(preset);
        DataOptions options = dataOptions.build(p.size());
        if (!DataSource.SYNTHETIC.containsKey(data)) {
            data = Path.of(data).toAbsolutePath().normalize().toString();
        }
        PrintWriter log = spec.commandLine().getOut();
        Tuning.Summary summary;
        try (OutputFolder claim = OutputFolder.inPlace(out, "--out", OutputFolder.Input.existing("--data",
                List.of(data)))) {
            if (resume) {
                if (!Files.isDirectory(out)) {
                    throw new InputException("--resume: " + out + " does not exist");
                }
            } else {
                TrainRun.requireEmpty(out);
            }
            Dataset dataset = DataSource.read(data, options);
            Device device = engine.apply();
            summary = Tuning.run(model, p.name(), data, grid, points, point -> {
                RunSpecs.Overrides o = new RunSpecs.Overrides(
                        point.containsKey(GridParameter.LR) ? point.get(GridParameter.LR).floatValue() : null, batchSize,
                        maxEpochs, maxSteps, null, filters, point.get(GridParameter.DROPOUT), null, false, null, 4, 6,
                        point.get(GridParameter.BETA), true, 0, null);
                RunSpec r = RunSpecs.of(model, p, o, data, options, dataset, seed);
                return r.withTraining(r.training().withGedEstimator(estimator.get()));
            }, dataset, out, device, engine.quiet() ? Progress.Factory.QUIET : Progress.Factory.CONSOLE, log);
            Provenance.of("tune", Map.of("model", model, "preset", p.name(), "data", data, "grid", grid),
                    Map.of("train", seed, "split", options.splitSeed()), device.toString(), started).writeTo(out);
        }
        log.printf("%n%-28s %14s %16s%n", "point", "validation GED", "validation loss");
        for (TuneResult r : summary.results()) {
            log.printf(Locale.ROOT, "%-28s %14.4f %16.4f%s%n", r.name(), r.validationGed(), r.validationLoss(),
                    r.best() ? "  <- lowest GED" : "");
        }
        log.printf("%nResults: %s%n", out.resolve("results.csv"));
        log.flush();
        return 0;
    }
}
