package dev.penumbra.bench;

import dev.penumbra.InputException;
import dev.penumbra.model.ModelRegistry;
import dev.penumbra.nn.Precision;
import dev.penumbra.nn.UNetConfig;

import java.util.List;

/**
 * What {@link Benchmark} measures and how often. Checked once, here; messages name the command-line option.
 *
 * @param backbone  the U-Net of the softmax items; the MC item uses it with {@code mcDropout}
 * @param size      image side in pixels (square images of {@code backbone.inChannels()} channels)
 * @param batch     images per training step and per inference forward (32 in the paper)
 * @param mcBatch   images per Monte-Carlo prediction (8)
 * @param mcSamples samples per Monte-Carlo prediction (16, the paper's count)
 * @param mcModel   registered name of the model sampled in the MC item ({@code mcdropout})
 * @param mcDropout dropout probability of that model (0.5, the paper's)
 * @param conv      shape of the ceiling convolution
 * @param warmup    untimed runs before the timed ones, per item
 * @param repeats   timed runs per item
 * @param items     what to time, in this order
 * @param seed      seed of the weights, the random inputs and dropout
 * @param precision the precision of the networks' convolutions (bf16: the training step in mixed precision) and of
 *                  the ceiling convolution
 */
public record BenchSettings(UNetConfig backbone, int size, int batch, int mcBatch, int mcSamples, String mcModel,
                            double mcDropout, ConvShape conv, int warmup, int repeats, List<BenchItem> items,
                            long seed, Precision precision) {

    /** Default warm-up runs. */
    public static final int WARMUP = 2;
    /** Default timed runs. */
    public static final int REPEATS = 5;

    public BenchSettings {
        items = List.copyOf(items);
        InputException.atLeast("--repeats", repeats, 1);
        InputException.atLeast("--warmup", warmup, 0);
        InputException.atLeast("--batch", batch, 1);
        InputException.atLeast("--mc-batch", mcBatch, 1);
        InputException.atLeast("MC samples", mcSamples, 1);
        if (size < 1) {
            throw new InputException("--size must be positive, got " + size);
        }
        backbone.checkInputSize(size, size);
        if (items.isEmpty()) {
            throw new InputException("--items: no item given, expected some of train, inference, mc16, conv");
        }
        if (items.contains(BenchItem.MC16) && !ModelRegistry.names().contains(mcModel)) {
            throw new InputException("--mc-model: unknown model '" + mcModel + "', expected one of "
                    + String.join(", ", ModelRegistry.names()) + " (or leave mc16 out of --items)");
        }
    }

    /** The paper's setting: U-Net [32, 64, 128, 192] on 1 x 128 x 128, batch 32, 16 MC-dropout samples of batch 8. */
    public static BenchSettings paper() {
        return new BenchSettings(UNetConfig.paper(1, 2, 0), 128, 32, 8, 16, "mcdropout", 0.5, ConvShape.DEFAULT,
                WARMUP, REPEATS, BenchItem.all(), 1, Precision.FP32);
    }
}
