package dev.penumbra.cli;

import dev.penumbra.train.RunSpecs;
import picocli.CommandLine.Option;

import java.util.List;

/** The options of every command that trains: images per step and the U-Net's width. */
public final class StepOptions {

    @Option(names = "--batch-size", paramLabel = "N", description = "Images per training step (default: the"
            + " preset's).")
    Integer batchSize;

    @Option(names = "--filters", paramLabel = "F,F,...", split = ",", hideParamSyntax = true, description = "U-Net filters per level (default:"
            + " the preset's).")
    List<Integer> filters;

    /** @return {@code run} with the values given (unset ones stay the preset's) */
    public RunSpecs apply(RunSpecs run) {
        return run.optBatchSize(batchSize).optFilters(filters);
    }

    /** The batch size given, or null for the preset's. */
    public Integer batchSize() {
        return batchSize;
    }

    /** The filters given, or null for the preset's. */
    public List<Integer> filters() {
        return filters;
    }
}
