package dev.penumbra.cli;

import dev.penumbra.config.Preset;
import dev.penumbra.data.DataSource;
import dev.penumbra.data.DatasetReader;

import java.util.Map;
import java.util.Optional;

/**
 * The preset of a new training run: the one {@code --preset} names, else the one that fits the layout of the data
 * (ISIC data, in either ISIC layout, gets {@code isic}; LIDC crops get {@code lidc}), else the default of
 * {@link PresetOption}.
 *
 * @param preset  the preset to use
 * @param message what was chosen and why, for the console; empty when {@code --preset} was given
 */
record PresetChoice(Preset preset, Optional<String> message) {

    /** The preset that fits each layout; a layout not listed (e.g. {@code folder}) gets the default. */
    static final Map<String, Preset> BY_LAYOUT = Map.of("isic", Preset.ISIC, "isic-challenge", Preset.ISIC,
            "lidc", Preset.LIDC, "lidc-kohl", Preset.LIDC);

    /**
     * @param given   whether {@code --preset} was given on the command line
     * @param data    the {@code --data} value
     * @param reading how the data is read; only its layout counts here
     * @throws dev.penumbra.InputException when the data has no recognisable layout
     */
    static PresetChoice of(PresetOption option, boolean given, String data, DataOptionsMixin reading) {
        if (given) {
            return new PresetChoice(option.get(), Optional.empty());
        }
        // the layout does not depend on the size, so any valid one does for this scan (no pixel is decoded)
        String layout = DatasetReader.scan(DataSource.resolve(data), reading.build(Preset.LIDC.size())).layout();
        Preset fits = BY_LAYOUT.get(layout);
        if (fits != null) {
            return new PresetChoice(fits, Optional.of("preset " + fits.name() + ": it fits the " + layout
                    + " layout of " + data + " (--preset chooses another)"));
        }
        Preset fallback = option.get();
        return new PresetChoice(fallback, Optional.of("preset " + fallback.name() + ", the default: no preset"
                + " belongs to the " + layout + " layout of " + data + " (--preset chooses another)"));
    }
}
