package dev.penumbra.train;

import dev.penumbra.config.Preset;
import dev.penumbra.data.DataOptions;
import dev.penumbra.data.Dataset;
import dev.penumbra.data.augment.AugmentationConfig;
import dev.penumbra.model.ModelRegistry;
import dev.penumbra.model.ModelSettings;
import dev.penumbra.nn.UNetConfig;

import java.util.List;

/** Builds a {@link RunSpec} from a preset, with the user's overrides on top. */
public final class RunSpecs {

    /**
     * What the user set explicitly; null keeps the preset's value.
     *
     * @param classWeights C weights or null
     * @param beta         the Probabilistic U-Net's KL weight, or null for the preset's
     * @param gedEvery     epochs between validation GED measurements (0 = never), or null for the preset's
     * @param inputDropout whether MC-Dropout's first block drops channels of the input image (published: yes), or
     *                     null for the preset's
     */
    public record Overrides(Float learningRate, Integer batchSize, Integer maxEpochs, long maxSteps, Integer patience,
                            List<Integer> filters, Double dropout, Boolean batchNorm, boolean residual,
                            float[] classWeights, int members, int latentDim, Double beta, boolean augment,
                            Integer gedEvery, Boolean inputDropout) {

        /** The preset as it is. */
        public static Overrides none() {
            return new Overrides(null, null, null, 0, null, null, null, null, false, null, 4, 6, null, true, null,
                    null);
        }

        public Overrides withMaxEpochs(Integer epochs) {
            return new Overrides(learningRate, batchSize, epochs, maxSteps, patience, filters, dropout, batchNorm,
                    residual, classWeights, members, latentDim, beta, augment, gedEvery, inputDropout);
        }
    }

    private RunSpecs() {
    }

    /** The run of {@code model} on {@code dataset} with the preset's settings and the overrides. */
    public static RunSpec of(String model, Preset preset, Overrides o, String data, DataOptions options,
                             Dataset dataset, long seed) {
        return of(model, preset, o, data, options, dataset.channels(), dataset.height(), dataset.width(), seed);
    }

    /** The run of {@code model} on images of {@code channels} x {@code h} x {@code w}, without reading the data. */
    public static RunSpec of(String model, Preset preset, Overrides o, String data, DataOptions options,
                             int channels, int h, int w, long seed) {
        ModelRegistry.check(model);
        Preset.ModelPreset mp = preset.forModel(model);
        UNetConfig backbone = new UNetConfig(channels, options.classes(), o.filters() == null ? preset.filters() : o.filters(), 3,
                o.batchNorm() == null ? preset.batchNorm() : o.batchNorm(),
                o.dropout() == null ? mp.dropout() : o.dropout(), o.residual(),
                o.inputDropout() == null ? mp.inputDropout() : o.inputDropout());
        backbone.checkInputSize(h, w);
        float[] weights = o.classWeights() != null ? o.classWeights() : preset.classWeightsFor(options.classes());
        ModelSettings settings = new ModelSettings(backbone, weights, o.members(), o.latentDim(),
                o.beta() == null ? mp.beta() : o.beta());
        TrainSettings training = new TrainSettings(o.batchSize() == null ? preset.batchSize() : o.batchSize(),
                o.learningRate() == null ? mp.learningRate() : o.learningRate(),
                o.maxEpochs() == null ? mp.maxEpochs() : o.maxEpochs(), o.maxSteps(),
                o.patience() == null ? mp.patience() : o.patience(), seed,
                o.augment() ? preset.augmentation() : AugmentationConfig.none(),
                o.gedEvery() == null ? preset.gedEvery() : o.gedEvery());
        return new RunSpec(model, settings, training, data, options, preset.name(), channels, h, w);
    }
}
