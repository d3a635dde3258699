package dev.penumbra.bench;

import dev.penumbra.nn.UNetConfig;

import java.util.List;

/**
 * Analytic cost of the U-Net backbone ({@link dev.penumbra.nn.UNet}): floating-point operations counted as
 * 2 x multiply-accumulates of every convolution (3x3 convolutions, the residual 1x1 projections when on, and the 1x1
 * head), and trainable parameters.
 *
 * <p>Batch norm, ReLU, pooling, dropout and the upsampling products are left out: they cost a few operations per
 * element, which is below 1 % of the convolutions for the paper's net, and they are memory-bound anyway. The paper
 * net ([32, 64, 128, 192], 1 x 128 x 128 input, 2 classes) costs 6.96 GFLOP per image forward.
 */
public final class FlopCount {

    /**
     * A training step is counted as 3 forward passes: the backward pass computes the gradient with respect to both
     * the input and the weights of every convolution, each as costly as the forward product. (The first layer's
     * input gradient is not needed; for the paper net that is 0.1 % of the total, so the convention stands.)
     */
    public static final int TRAINING_STEP_FORWARDS = 3;

    private FlopCount() {
    }

    /**
     * One stride-1 convolution with same padding.
     *
     * @return 2 * inChannels * outChannels * kernel^2 * height * width, in FLOP
     */
    public static long conv(long inChannels, long outChannels, int kernel, long height, long width) {
        return 2L * inChannels * outChannels * kernel * kernel * height * width;
    }

    /**
     * @param withHead whether the 1x1 head to the classes is counted (true for the segmentation models)
     * @param height   input rows, divisible by {@link UNetConfig#sizeDivisor()}
     * @param width    input columns, likewise
     * @return FLOP of one forward pass for one image
     */
    public static long forward(UNetConfig config, boolean withHead, int height, int width) {
        List<Integer> f = config.filters();
        long total = 0;
        long channels = config.inChannels();
        for (int i = 0; i < f.size(); i++) {
            total += block(config, channels, f.get(i), height >> i, width >> i);
            channels = f.get(i);
        }
        // The decoder at level j sees the deeper level's output (f[j+1] channels) concatenated with the skip (f[j]).
        for (int j = f.size() - 2; j >= 0; j--) {
            total += block(config, f.get(j + 1) + f.get(j), f.get(j), height >> j, width >> j);
        }
        if (withHead) {
            total += conv(f.get(0), config.classes(), 1, height, width);
        }
        return total;
    }

    private static long block(UNetConfig config, long in, long out, long h, long w) {
        long total = conv(in, out, 3, h, w) + (config.convsPerBlock() - 1) * conv(out, out, 3, h, w);
        if (config.residual()) {
            total += conv(in, out, 1, h, w);
        }
        return total;
    }

    /**
     * Trainable parameters: convolution weights and biases, and the batch-norm scale and shift (not its running
     * statistics).
     */
    public static long parameters(UNetConfig config, boolean withHead) {
        List<Integer> f = config.filters();
        long total = 0;
        long channels = config.inChannels();
        for (int i = 0; i < f.size(); i++) {
            total += blockParameters(config, channels, f.get(i));
            channels = f.get(i);
        }
        for (int j = f.size() - 2; j >= 0; j--) {
            total += blockParameters(config, f.get(j + 1) + f.get(j), f.get(j));
        }
        if (withHead) {
            total += convParameters(f.get(0), config.classes(), 1);
        }
        return total;
    }

    private static long blockParameters(UNetConfig config, long in, long out) {
        long total = convParameters(in, out, 3) + (config.convsPerBlock() - 1) * convParameters(out, out, 3);
        if (config.batchNorm()) {
            total += 2 * in;
        }
        if (config.residual()) {
            total += convParameters(in, out, 1);
        }
        return total;
    }

    private static long convParameters(long in, long out, int kernel) {
        return in * out * kernel * kernel + out;
    }
}
