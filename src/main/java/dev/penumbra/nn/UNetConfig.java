package dev.penumbra.nn;

import dev.penumbra.InputException;

import java.util.Arrays;
import java.util.List;

/**
 * Settings of the U-Net backbone shared by every model.
 *
 * @param inChannels  image channels C_in
 * @param classes     output classes C (>= 2; 2 for binary segmentation)
 * @param filters     filters per encoder level, e.g. [32, 64, 128, 192] (the paper); decoders mirror them
 * @param convsPerBlock 3x3 convolutions per block (3 in the published code)
 * @param batchNorm   batch norm at the start of each block
 * @param dropout     channel-dropout probability p in [0, 1) at the start of each block and before the head
 * @param residual    add a 1x1-projected skip around each block's convolutions (the paper text); off = published code
 * @param inputDropout whether the first block's channel dropout acts on the input image itself, as in the published
 *                     architecture (for a one-channel image it blanks the whole input with probability p); off
 *                     keeps the input and drops only learned features. Null (a run written before this setting
 *                     existed) reads as the published on.
 */
public record UNetConfig(int inChannels, int classes, List<Integer> filters, int convsPerBlock, boolean batchNorm,
                         double dropout, boolean residual, Boolean inputDropout) {

    /** The paper's filters. */
    public static final List<Integer> PAPER_FILTERS = List.of(32, 64, 128, 192);

    /** A backbone whose dropout also acts on the input image, as published. */
    public UNetConfig(int inChannels, int classes, List<Integer> filters, int convsPerBlock, boolean batchNorm,
                      double dropout, boolean residual) {
        this(inChannels, classes, filters, convsPerBlock, batchNorm, dropout, residual, true);
    }

    public UNetConfig {
        filters = List.copyOf(filters);
        inputDropout = inputDropout == null || inputDropout;
        InputException.atLeast("image channels", inChannels, 1);
        if (classes < 2) {
            throw new InputException("--classes must be at least 2 (2 = binary segmentation), got " + classes);
        }
        if (filters.size() < 2 || filters.stream().anyMatch(f -> f < 1)) {
            throw new InputException("--filters needs at least two positive numbers, got " + filters);
        }
        InputException.atLeast("convolutions per block", convsPerBlock, 1);
        if (!(dropout >= 0 && dropout < 1)) {
            throw new InputException("--dropout must be in [0, 1), got " + dropout);
        }
    }

    /** The published backbone: paper filters, 3 convs per block, batch norm, no residual, given dropout. */
    public static UNetConfig paper(int inChannels, int classes, double dropout) {
        return new UNetConfig(inChannels, classes, PAPER_FILTERS, 3, true, dropout, false);
    }

    public int levels() {
        return filters.size();
    }

    /** Images must be divisible by this factor so every pooled map upsamples back to its skip's size. */
    public int sizeDivisor() {
        return 1 << (levels() - 1);
    }

    /** Checks an input size against {@link #sizeDivisor()}, naming the fix. */
    public void checkInputSize(int height, int width) {
        int d = sizeDivisor();
        if (height % d != 0 || width % d != 0) {
            throw new InputException("images are " + height + "x" + width + " but a U-Net with " + levels()
                    + " levels needs sides divisible by " + d + "; resize with --size (e.g. --size "
                    + Math.max(d, Math.round(height / (float) d) * d) + ")");
        }
    }

    public UNetConfig withDropout(double p) {
        return new UNetConfig(inChannels, classes, filters, convsPerBlock, batchNorm, p, residual, inputDropout);
    }

    /** @return this backbone with channel dropout p, acting on the input image too when {@code onInput} */
    public UNetConfig withDropout(double p, boolean onInput) {
        return new UNetConfig(inChannels, classes, filters, convsPerBlock, batchNorm, p, residual, onInput);
    }

    /** The channel-dropout probability of the first block, which acts on the input image: p, or 0 when off. */
    public double firstBlockDropout() {
        return inputDropout ? dropout : 0;
    }

    @Override
    public String toString() {
        return "UNetConfig[in=" + inChannels + ", classes=" + classes + ", filters=" + Arrays.toString(filters.toArray())
                + ", convs=" + convsPerBlock + ", bn=" + batchNorm + ", p=" + dropout + ", residual=" + residual
                + ", inputDropout=" + inputDropout + "]";
    }
}
