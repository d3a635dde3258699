package dev.penumbra.evaluate;

import java.util.List;

/**
 * Where a model's samples and mean probabilities come from: a run that Penumbra trained and samples itself, or the
 * prediction files of any tool ({@code evaluate --predictions NAME=DIR}). The report and the terminal summary show
 * the notes beside the model, so that nobody mistakes the numbers of a folder of masks for those of a trained model.
 *
 * @param kind          {@link #RUN} or {@link #PREDICTIONS}
 * @param path          the run folder or the predictions folder, as given
 * @param samplesGiven  samples per image: drawn (a run) or found in the folder (predictions)
 * @param samplesUsed   samples per image the evaluation uses: at most {@code --samples}; a single given sample stands
 *                      for every sample (a deterministic model)
 * @param probabilities where the mean class probabilities come from, in words
 * @param notes         what is not evaluated, or evaluated differently, for this model; empty for a run
 */
public record ModelOrigin(String kind, String path, int samplesGiven, int samplesUsed, String probabilities,
                          List<String> notes) {

    public static final String RUN = "run";
    public static final String PREDICTIONS = "predictions";

    public ModelOrigin {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A trained run sampled by the evaluation itself. */
    public static ModelOrigin run(String path, int samples) {
        return new ModelOrigin(RUN, path, samples, samples, "the mean of " + samples
                + " sampled probability maps of the model", List.of());
    }

    /** Whether the model is a run folder (with training curves and provenance) rather than prediction files. */
    public boolean trainedRun() {
        return RUN.equals(kind);
    }
}
