package dev.penumbra.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the metrics log.
 *
 * @param epoch               1-based epoch number
 * @param step                gradient updates so far
 * @param trainLoss           mean training loss over the epoch's steps
 * @param validationLoss      mean validation loss after the epoch (NaN without validation data)
 * @param validationGed       mean validation GED@16 (paper estimator), or NaN in epochs where it was not computed
 * @param validationDiversity mean sample diversity of the same validation samples (E[1 - IoU], pairs i = j
 *                            included), NaN where the GED was not computed
 * @param trainTerms          the loss's named terms (see {@code model.Loss}), means over the epoch's steps; empty for
 *                            a single-term loss
 * @param validationTerms     the same terms on the validation set
 * @param best                whether this epoch has the lowest validation loss so far
 * @param seconds             wall time since the start of training, in seconds
 */
public record EpochRecord(int epoch, long step, double trainLoss, double validationLoss, double validationGed,
                          double validationDiversity, Map<String, Double> trainTerms,
                          Map<String, Double> validationTerms, boolean best, double seconds) {

    public EpochRecord {
        trainTerms = Collections.unmodifiableMap(new LinkedHashMap<>(trainTerms));
        validationTerms = Collections.unmodifiableMap(new LinkedHashMap<>(validationTerms));
    }

    /** An epoch of a single-term loss without validation diversity. */
    public EpochRecord(int epoch, long step, double trainLoss, double validationLoss, double validationGed,
                       boolean best, double seconds) {
        this(epoch, step, trainLoss, validationLoss, validationGed, Double.NaN, Map.of(), Map.of(), best, seconds);
    }

    /** Reads records written before diversity and loss terms were logged: what is missing reads as not measured. */
    @JsonCreator
    static EpochRecord read(@JsonProperty("epoch") int epoch, @JsonProperty("step") long step,
                            @JsonProperty("trainLoss") double trainLoss,
                            @JsonProperty("validationLoss") double validationLoss,
                            @JsonProperty("validationGed") double validationGed,
                            @JsonProperty("validationDiversity") Double validationDiversity,
                            @JsonProperty("trainTerms") Map<String, Double> trainTerms,
                            @JsonProperty("validationTerms") Map<String, Double> validationTerms,
                            @JsonProperty("best") boolean best, @JsonProperty("seconds") double seconds) {
        return new EpochRecord(epoch, step, trainLoss, validationLoss, validationGed,
                validationDiversity == null ? Double.NaN : validationDiversity,
                trainTerms == null ? Map.of() : trainTerms, validationTerms == null ? Map.of() : validationTerms,
                best, seconds);
    }

    /** A term of the training loss, NaN when the model's loss has no such term. */
    public double trainTerm(String name) {
        return trainTerms.getOrDefault(name, Double.NaN);
    }

    /** A term of the validation loss, NaN when the model's loss has no such term. */
    public double validationTerm(String name) {
        return validationTerms.getOrDefault(name, Double.NaN);
    }
}
