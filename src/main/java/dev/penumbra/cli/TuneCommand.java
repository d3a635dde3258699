package dev.penumbra.cli;

import ai.djl.Device;
import dev.penumbra.InputException;
import dev.penumbra.config.Preset;
import dev.penumbra.config.Provenance;
import dev.penumbra.data.DataOptions;
import dev.penumbra.data.DataSource;
import dev.penumbra.data.Dataset;
import dev.penumbra.io.OutputFolder;
import dev.penumbra.nn.Precision;
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

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code penumbra tune}. */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = {"Choose settings by validation GED, as the paper chose dropout p and beta.",
            """
            %n\
            Trains one run per point of the grid into OUT/<point>/ with the preset's settings (early \
            stopping included), measures each best checkpoint's mean GED@16 on the validation split, and \
            writes OUT/results.csv and OUT/tune.json with the winner marked. Example: --model mcdropout \
            --grid dropout=0.3,0.5,0.7; several --grid options make a full grid. --resume completes an \
            earlier tuning of the same grid in --out: finished points are not retrained."""})
public final class TuneCommand extends PenumbraCommand {

    @Mixin
    ModelNameOption modelName;

    @Option(names = "--grid", required = true, paramLabel = "NAME=V,V,...", description = "Values of one setting: lr (any model) or a tunable setting of the model's own: dropout (mcdropout), beta (punet), ...; repeat for a full grid.")
    List<String> grid;

    @Mixin
    MaxEpochsOption maxEpochs;

    @Mixin
    MaxStepsOption maxSteps;

    @Mixin
    TrainingOptions common;

    @Override
    public Integer call() {
        Instant started = Instant.now();
        String data = DataSource.absolute(common.run.data.required("tune"));
        Path out = common.out.get();
        long seed = common.run.seed.get();
        String model = modelName.get();
        List<Map<String, Double>> points = Grid.parse(grid, model);
        Preset p = common.run.preset.get();
        DataOptions options = common.run.reading.build(p.size());
        PrintWriter log = out();
        Tuning.Summary summary;
        try (OutputFolder claim = OutputFolder.inPlace(out, "--out", OutputFolder.Input.existing("--data",
                List.of(data)))) {
            if (common.resume) {
                if (!Files.isDirectory(out)) {
                    throw new InputException("--resume: " + out + " does not exist");
                }
            } else {
                TrainRun.requireEmpty(out);
            }
            Dataset dataset = DataSource.read(data, options);
            Device device = common.run.engine.apply();
            Precision precision = common.run.precision.resolve(device);
            summary = Tuning.run(model, p.name(), data, grid, points, point -> GridParameter.apply(point, model,
                    common.run.steps.apply(RunSpecs.of(model, p)).optMaxEpochs(maxEpochs.get())
                    .optMaxSteps(maxSteps.get()).optGedEvery(0).optGedEstimator(common.estimator.get())
                    .optPrecision(precision))
                    .build(data, options, dataset, seed), dataset, out, device,
                    common.run.engine.progress(), log);
            Provenance.of("tune", Map.of("model", model, "preset", p.name(), "data", data, "grid", grid),
                    Map.of("train", seed, "split", options.splitSeed()), device.toString(), started)
                    .withData(data, options).writeTo(out);
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
