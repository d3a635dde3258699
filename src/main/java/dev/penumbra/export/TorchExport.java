package dev.penumbra.export;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import dev.penumbra.InputException;
import dev.penumbra.config.Provenance;
import dev.penumbra.io.AtomicFiles;
import dev.penumbra.io.Json;
import dev.penumbra.io.OutputFolder;
import dev.penumbra.train.RunSpec;
import dev.penumbra.train.TrainRun;
import dev.penumbra.train.TrainedModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a trained run's network as a safetensors file for PyTorch: every parameter (weights, biases, batch-norm
 * scale, shift and running statistics) under its PyTorch name ({@link TorchNames}), and in the metadata, under
 * {@value #METADATA_KEY}, a JSON string with what {@code python/penumbra_torch.py} builds the network from: the
 * model's registry name, the backbone ({@link dev.penumbra.nn.UNetConfig}), the model's own settings (dropout p,
 * latent dimensions, rank, members, TTA rotations), the input size and, for the Probabilistic U-Net, the widths of
 * its encoders' fully connected layers. The export's provenance (run, checkpoint, versions, git revision) sits
 * beside it under {@code provenance}.
 */
public final class TorchExport {

    /** The metadata key of the settings, and the format's name and version that the Python side checks. */
    public static final String METADATA_KEY = "penumbra";
    public static final String FORMAT = "penumbra-torch";
    public static final int VERSION = 1;

    private TorchExport() {
    }

    /**
     * @param checkpoint the run's checkpoint, relative to the run folder (e.g. {@code TrainingLoop.BEST})
     * @param overwrite  whether an existing {@code out} file may be replaced (atomically); otherwise it is refused
     * @throws InputException for a missing run, a damaged or unfitting checkpoint, or an {@code out} that exists
     *                        (without {@code overwrite}), is a folder or lies inside the run
     */
    public static ExportSummary export(Path run, String checkpoint, Path out, boolean overwrite, Device device) {
        Instant started = Instant.now();
        RunSpec spec = TrainRun.readSpec(run);
        checkOut(run, out, overwrite);
        try (TrainedModel trained = TrainedModel.load(run, device, checkpoint)) {
            List<Safetensors.Tensor> tensors = tensors(TorchNames.of(trained.model().block()));
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("format", "pt");
            metadata.put(METADATA_KEY, Json.toLine(settings(spec, tensors)));
            metadata.put("provenance", Json.toLine(Provenance.of("export", Map.of("run", run.toString(),
                    "checkpoint", checkpoint, "out", out.toString(), "spec", spec), Map.of(),
                    trained.manager().getDevice().toString(), started)));
            AtomicFiles.Body body = stream -> Safetensors.write(stream, tensors, metadata);
            if (overwrite) {
                AtomicFiles.write(out, body);
            } else {
                NewFile.write(out, "--out", body);
            }
            long values = tensors.stream().mapToLong(t -> t.values().length).sum();
            return new ExportSummary(out, spec.model(), tensors.size(), values, size(out));
        }
    }

    private static void checkOut(Path run, Path out, boolean overwrite) {
        if (Files.isDirectory(out)) {
            throw new InputException("--out " + out + " is a folder; expected the name of the file to write, e.g. "
                    + out.resolve("model.safetensors"));
        }
        if (OutputFolder.real(out).startsWith(OutputFolder.real(run))) {
            throw new InputException("--out " + out + " lies inside --run " + run + "; Penumbra never writes into"
                    + " a run folder: choose a file outside it");
        }
        if (!overwrite && Files.exists(out)) {
            throw NewFile.exists("--out", out);
        }
    }

    private static List<Safetensors.Tensor> tensors(Map<String, Parameter> parameters) {
        List<Safetensors.Tensor> out = new ArrayList<>();
        parameters.forEach((name, p) -> {
            NDArray a = p.getArray();
            out.add(new Safetensors.Tensor(name, a.getShape().getShape(), a.toFloatArray()));
        });
        return out;
    }

    /** What the Python side builds the network from (see the class comment). */
    static Map<String, Object> settings(RunSpec spec, List<Safetensors.Tensor> tensors) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("format", FORMAT);
        s.put("version", VERSION);
        s.put("model", spec.model());
        s.put("backbone", spec.settings().backbone());
        s.put("settings", spec.settings().model());
        s.put("classWeights", spec.settings().classWeights());
        Map<String, Integer> input = new LinkedHashMap<>();
        input.put("channels", spec.channels());
        input.put("height", spec.height());
        input.put("width", spec.width());
        s.put("input", input);
        List<Long> hidden = new ArrayList<>();
        for (Safetensors.Tensor t : tensors) {
            if (t.name().matches("prior\\.fc\\.\\d+\\.weight")) {
                hidden.add(t.shape()[0]);
            }
        }
        if (!hidden.isEmpty()) {
            s.put("encoderHidden", hidden);
        }
        return s;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + file + ": " + e.getMessage(), e);
        }
    }
}
