package dev.penumbra.active;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Everything one round did, written atomically as {@code round_NN.json} once the round is complete; an
 * experiment resumes after the last complete round.
 *
 * @param strategy     acquisition function
 * @param seed         the repetition's seed
 * @param round        0 .. rounds
 * @param trainingSeed seed of this round's training
 * @param labelled     the ids the model was trained on
 * @param pool         the score inputs of every unlabelled image (empty in the last round)
 * @param selected     the ids picked for the next round, in the order picked
 * @param metrics      test metrics and what was picked
 * @param wallSeconds  time the round took
 */
public record RoundManifest(@JsonProperty(required = true) String strategy, long seed, int round, long trainingSeed,
                            @JsonProperty(required = true) List<String> labelled,
                            List<PoolEntry> pool, List<String> selected, RoundMetrics metrics, double wallSeconds) {

    /**
     * One pool image's score inputs (the embedding is left out): enough to recompute every ranking strategy's score.
     */
    public record PoolEntry(String id, double sumEntropy, double sumMutualInformation, int foregroundPixels,
                            int pixels) {

        static PoolEntry of(PoolImage p) {
            return new PoolEntry(p.id(), p.sumEntropy(), p.sumMutualInformation(), p.foregroundPixels(), p.pixels());
        }
    }
}
