package dev.penumbra.cli;

import ai.djl.Device;
import dev.penumbra.InputException;
import dev.penumbra.export.ExportSummary;
import dev.penumbra.export.TorchExport;
import dev.penumbra.train.TrainingLoop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code penumbra export}. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a trained run's model as a safetensors file for PyTorch.", """
            %n\
            Every weight, bias and batch-norm statistic of the run's checkpoint under the parameter names of \
            the PyTorch modules in python/penumbra_torch.py, with the model's settings in the file's metadata, \
            so that 'penumbra_torch.load(FILE)' builds the network from the file alone (README: 'Models out, \
            to PyTorch'). The file is written atomically and never replaces an existing one unless \
            --overwrite is given."""})
public final class ExportCommand extends PenumbraCommand {

    @Mixin
    RunOption run;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The safetensors file to write, e.g. model.safetensors; outside the run folder.")
    Path out;

    @Option(names = "--checkpoint", paramLabel = "best|last", defaultValue = "best", description = "Which checkpoint of the run (default: ${DEFAULT-VALUE}).")
    String checkpoint;

    @Option(names = "--overwrite", description = "Replace --out if it exists (atomically); without it an existing file is refused.")
    boolean overwrite;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() {
        String file = switch (checkpoint) {
            case "best" -> TrainingLoop.BEST;
            case "last" -> TrainingLoop.LAST;
            default -> throw new InputException("--checkpoint must be best or last, got '" + checkpoint + "'");
        };
        Device device = engine.apply();
        ExportSummary s = TorchExport.export(run.get(), file, out, overwrite, device);
        out().printf("wrote %s: %s, %d tensors, %d values, %d bytes%n", s.file(), s.model(), s.tensors(),
                s.values(), s.bytes());
        return 0;
    }
}
