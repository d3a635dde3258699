package dev.penumbra.external;

import dev.penumbra.InputException;
import dev.penumbra.data.Sample;
import dev.penumbra.evaluate.EvaluationSettings;
import dev.penumbra.evaluate.ExternalModel;
import dev.penumbra.evaluate.PredictionSource;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One {@code --predictions NAME=DIR}: a model's name and the folder of its prediction files.
 *
 * @param name        the model's name in every table and figure
 * @param folder      {@code DIR}, as given
 * @param ignoreExtra whether folders of images outside the evaluated split are skipped (else they are an error)
 */
public record NamedPredictions(String name, Path folder, boolean ignoreExtra) implements ExternalModel {

    /** Letters, digits and {@code _ . - + ( )} and spaces, starting with a letter or digit; at most 40. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+() -]{0,39}");

    /** Parses {@code NAME=DIR}. */
    public static NamedPredictions parse(String text, boolean ignoreExtra) {
        int eq = text.indexOf('=');
        if (eq < 0) {
            throw new InputException("--predictions '" + text + "': expected NAME=DIR, e.g. --predictions"
                    + " nnunet=preds/nnunet (the model's name, '=', the folder of its predictions)");
        }
        String name = text.substring(0, eq).strip();
        String dir = text.substring(eq + 1).strip();
        if (!NAME.matcher(name).matches()) {
            throw new InputException("--predictions '" + text + "': the name '" + name + "' is not usable:"
                    + " expected 1 to 40 letters, digits, spaces or _ . - + ( ), starting with a letter or digit");
        }
        if (dir.isEmpty()) {
            throw new InputException("--predictions '" + text + "': no folder after '=': expected NAME=DIR");
        }
        return new NamedPredictions(name, Path.of(dir), ignoreExtra);
    }

    @Override
    public String label() {
        return name;
    }

    @Override
    public PredictionSource open(List<Sample> images, int classes, EvaluationSettings settings) {
        return PredictionFolder.open(this, images, classes, settings);
    }

    /** How messages name this model's folder: {@code --predictions NAME=DIR}. */
    String shown() {
        return "--predictions " + name + "=" + folder;
    }
}
