package dev.penumbra.cli;

import dev.penumbra.model.ModelRegistry;
import picocli.CommandLine.Option;

/** The required {@code --model} of the commands that study one model ({@code active}, {@code tune}). */
public final class ModelNameOption {

    @Option(names = "--model", required = true, paramLabel = "NAME", description = "Model: ${COMPLETION-CANDIDATES}.",
            completionCandidates = TrainCommand.ModelNames.class)
    String model;

    /** The model's registered name; an unknown name is a user error. */
    public String get() {
        ModelRegistry.check(model);
        return model;
    }
}
