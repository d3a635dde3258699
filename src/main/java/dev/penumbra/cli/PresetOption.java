package dev.penumbra.cli;

import dev.penumbra.config.Preset;
import picocli.CommandLine.Option;

/** The {@code --preset} of the commands that build runs: the settings every unset option starts from. */
public final class PresetOption {

    @Option(names = "--preset", paramLabel = "lidc|isic|demo", defaultValue = "lidc", description = "Starting"
            + " settings: the paper's for its datasets (lidc, isic), or the small demo (default: ${DEFAULT-VALUE};"
            + " a new train run takes the one that fits the data's layout).")
    String preset;

    /** The preset; an unknown name is a user error. */
    public Preset get() {
        return Preset.named(preset);
    }

    /** The name as given. */
    public String name() {
        return preset;
    }
}
