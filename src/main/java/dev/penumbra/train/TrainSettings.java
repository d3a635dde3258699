package dev.penumbra.train;

import dev.penumbra.InputException;
import dev.penumbra.data.augment.AugmentationConfig;
import dev.penumbra.metric.Ged;
import dev.penumbra.nn.Precision;

/**
 * Settings of one training run.
 *
 * @param batchSize    images per step
 * @param learningRate Adam learning rate
 * @param maxEpochs    upper bound on passes over the training set
 * @param maxSteps     upper bound on gradient updates; 0 = no bound other than the epochs
 * @param patience     epochs without a better validation loss before stopping; 0 = no early stopping
 * @param seed         seeds initialisation, batch order, augmentation, annotator draws and dropout
 * @param augmentation the training-time augmentation ({@link AugmentationConfig#none()} to switch it off)
 * @param gedEvery     compute the validation GED with {@value dev.penumbra.model.Sampler#DEFAULT_SAMPLES} samples every this many epochs; 0 = never
 * @param gedEstimator the estimator of that validation GED (and of the tuning criterion); paper when absent
 * @param precision    the precision of the training forwards and backwards, the validation and the validation GED:
 *                     fp32, or bf16 as mixed precision (float32 master weights and optimiser state); fp32 when absent
 */
public record TrainSettings(int batchSize, float learningRate, int maxEpochs, long maxSteps, int patience, long seed,
                            AugmentationConfig augmentation, int gedEvery, Ged.Estimator gedEstimator,
                            Precision precision) {

    /** Settings in fp32. */
    public TrainSettings(int batchSize, float learningRate, int maxEpochs, long maxSteps, int patience, long seed,
                         AugmentationConfig augmentation, int gedEvery, Ged.Estimator gedEstimator) {
        this(batchSize, learningRate, maxEpochs, maxSteps, patience, seed, augmentation, gedEvery, gedEstimator,
                Precision.FP32);
    }

    /** Settings without validation GED. */
    public TrainSettings(int batchSize, float learningRate, int maxEpochs, long maxSteps, int patience, long seed,
                         AugmentationConfig augmentation) {
        this(batchSize, learningRate, maxEpochs, maxSteps, patience, seed, augmentation, 0);
    }

    /** Settings whose validation GED uses the paper estimator. */
    public TrainSettings(int batchSize, float learningRate, int maxEpochs, long maxSteps, int patience, long seed,
                         AugmentationConfig augmentation, int gedEvery) {
        this(batchSize, learningRate, maxEpochs, maxSteps, patience, seed, augmentation, gedEvery, Ged.Estimator.PAPER);
    }

    /** @return these settings with the validation GED measured by {@code estimator} */
    public TrainSettings withGedEstimator(Ged.Estimator estimator) {
        return new TrainSettings(batchSize, learningRate, maxEpochs, maxSteps, patience, seed, augmentation, gedEvery,
                estimator, precision);
    }

    /** @return these settings computing in {@code p} */
    public TrainSettings withPrecision(Precision p) {
        return new TrainSettings(batchSize, learningRate, maxEpochs, maxSteps, patience, seed, augmentation, gedEvery,
                gedEstimator, p);
    }

    public TrainSettings {
        InputException.atLeast("--batch-size", batchSize, 1);
        if (!(learningRate > 0 && Float.isFinite(learningRate))) {
            throw new InputException("--lr must be a positive number, got " + learningRate);
        }
        InputException.atLeast("--max-epochs", maxEpochs, 1);
        InputException.notNegative("--max-steps", maxSteps, "no limit");
        InputException.notNegative("--ged-every", gedEvery, "never");
        InputException.notNegative("--patience", patience, "off");
        gedEstimator = gedEstimator == null ? Ged.Estimator.PAPER : gedEstimator; // run.json written before it
        precision = precision == null ? Precision.FP32 : precision; // likewise
    }
}
