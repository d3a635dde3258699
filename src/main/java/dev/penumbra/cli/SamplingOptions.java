package dev.penumbra.cli;

import dev.penumbra.model.Sampler;
import picocli.CommandLine.Option;

/** How a trained model is sampled by {@code predict} and {@code evaluate}. */
public final class SamplingOptions {

    @Option(names = "--samples", paramLabel = "N", defaultValue = "" + Sampler.DEFAULT_SAMPLES,
            description = "Samples per image (default:"
            + " ${DEFAULT-VALUE}, the paper's).")
    int samples;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "8", description = "Images per forward pass"
            + " when sampling (default: ${DEFAULT-VALUE}).")
    int batchSize;

    public int samples() {
        return samples;
    }

    public int batchSize() {
        return batchSize;
    }
}
