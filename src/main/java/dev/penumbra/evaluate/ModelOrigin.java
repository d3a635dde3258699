package dev.penumbra.evaluate;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Where a model's samples and mean probabilities come from: a run that Penumbra trained and samples itself, or the
 * prediction files of any tool ({@code evaluate --predictions NAME=DIR}). The report and the terminal summary show
 * the notes beside the model, so that nobody mistakes the numbers of a folder of masks for those of a trained model.
 *
 * @param kind          {@link #RUN} or {@link #PREDICTIONS}
 * @param path          the run folder or the predictions folder, as given; null in a summary for a run (see
 *                      {@link #forSummary()})
 * @param samplesGiven  samples per image: drawn (a run) or found in the folder (predictions)
 * @param samplesUsed   samples per image the evaluation uses: at most {@code --samples}; a single given sample stands
 *                      for every sample (a deterministic model)
 * @param probabilities where the mean class probabilities come from, in words
 * @param notes         what is not evaluated, or evaluated differently, for this model; empty for a run
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
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

    /**
     * This origin as {@code summary.json} keeps it: a run without its folder, which the outputs already name and
     * which differs between copies of one study (a study run locally and as a Slurm array must give equal tables);
     * prediction files with theirs, which nothing else records.
     */
    public ModelOrigin forSummary() {
        return trainedRun() ? new ModelOrigin(kind, null, samplesGiven, samplesUsed, probabilities, notes) : this;
    }

    /** Whether the model is a run folder (with training curves and provenance) rather than prediction files. */
    public boolean trainedRun() {
        return RUN.equals(kind);
    }
}
