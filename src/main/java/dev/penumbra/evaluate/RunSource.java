package dev.penumbra.evaluate;

import dev.penumbra.config.Seeds;
import dev.penumbra.data.Sample;
import dev.penumbra.model.Sampler;
import dev.penumbra.train.TrainedModel;

import java.util.List;

/**
 * A trained run sampled by the evaluation: {@link EvaluationSettings#samples()} samples per image from a
 * {@link Sampler} seeded from the evaluation seed when this source is made.
 */
final class RunSource implements PredictionSource {

    private final TrainedModel trained;
    private final Sampler sampler;
    private final int samples;
    private final ModelOrigin origin;

    RunSource(TrainedModel trained, String run, EvaluationSettings settings) {
        this.trained = trained;
        this.samples = settings.samples();
        this.sampler = trained.sampler(settings.batchSize(), Seeds.EVALUATION_SAMPLING.of(settings.seed()),
                settings.precision());
        this.origin = ModelOrigin.run(run, samples);
    }

    @Override
    public String model() {
        return trained.spec().model();
    }

    @Override
    public int classes() {
        return trained.model().classes();
    }

    @Override
    public int distinctSamples() {
        return trained.model().distinctSamples();
    }

    @Override
    public ModelOrigin origin() {
        return origin;
    }

    @Override
    public void predict(List<Sample> images, BatchConsumer each) {
        sampler.sample(images, samples, (part, prediction) -> each.accept(part, PredictedBatch.of(prediction)));
    }
}
