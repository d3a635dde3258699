package dev.penumbra.evaluate;

import dev.penumbra.metric.Ncc;
import dev.penumbra.model.SampledPrediction;

/**
 * What the evaluation needs of the samples of a batch of B images, as plain arrays (row-major), whoever made them:
 * a trained model's {@link SampledPrediction} or prediction files.
 *
 * @param samples n, samples per image
 * @param mean    B x C x H x W mean class probabilities
 * @param entropy B x H x W predictive entropy of the mean, bits
 * @param mutual  B x H x W mutual information (entropy minus the samples' mean entropy), bits; NaN where the samples'
 *                own probabilities are unknown (hard masks)
 * @param masks   n x B x H x W class index of each sample
 * @param meanLog B x C x H x W mean over the samples of log(s_i,c + 1e-8), nats (see {@link Ncc#meanLog})
 */
public record PredictedBatch(int samples, float[] mean, float[] entropy, float[] mutual, long[] masks,
                             float[] meanLog) {

    /** The arrays of a model's samples (copied out of the engine while the batch's arrays live). */
    public static PredictedBatch of(SampledPrediction prediction) {
        return new PredictedBatch(prediction.count(), prediction.mean().toFloatArray(),
                prediction.entropy().toFloatArray(), prediction.mutualInformation().toFloatArray(),
                prediction.masks().toLongArray(), Ncc.meanLog(prediction.probabilities()).toFloatArray());
    }
}
