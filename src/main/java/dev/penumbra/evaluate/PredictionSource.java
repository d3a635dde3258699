package dev.penumbra.evaluate;

import dev.penumbra.data.Sample;

import java.util.List;

/**
 * Where the evaluation gets a model's samples from: a trained run sampled on the spot, or the files another tool
 * wrote ({@code dev.penumbra.external}). Everything downstream (scores, pixels, calibration, figures, statistics)
 * sees only the {@link PredictedBatch}es, so every model is measured by the same code.
 */
public interface PredictionSource {

    /** What is done with the samples of one batch. */
    @FunctionalInterface
    interface BatchConsumer {
        /**
         * @param images the batch's B images, in the order given
         * @param batch  their samples and what derives from them
         */
        void accept(List<Sample> images, PredictedBatch batch);
    }

    /** @return registry name of the model, or {@link ModelOrigin#PREDICTIONS} for prediction files */
    String model();

    /** @return classes C of the mean probabilities */
    int classes();

    /** @return distinct masks the model can give per image (Integer.MAX_VALUE for unbounded; 1 = deterministic) */
    int distinctSamples();

    /** @return where the samples come from, for the outputs */
    ModelOrigin origin();

    /** Gives the samples of each of {@code images}, batch by batch, in order. */
    void predict(List<Sample> images, BatchConsumer each);
}
