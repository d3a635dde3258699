package dev.penumbra.bench;

import dev.penumbra.InputException;

/**
 * The 1x1 convolution that measures the machine's achievable GFLOP/s: input N x C_in x H x W, C_out filters.
 * A 1x1 convolution is a matrix product of (N H W) x C_in by C_in x C_out; with a thousand channels it is
 * compute-bound (about 240 FLOP per byte of input, output and weights), which is what the U-Net's 3x3 convolutions would
 * reach at best.
 */
public record ConvShape(int batch, int inChannels, int height, int width, int outChannels) {

    /**
     * 8 x 1024 x 32 x 32 to 1024 channels: 17.2 GFLOP, 32 MiB in and out. On the 2-core development machine it ran
     * 5 to 20 % faster than 32 x 256 x 64 x 64 to 256 (same work, 128 MiB tensors), so it is the better ceiling.
     */
    public static final ConvShape DEFAULT = new ConvShape(8, 1024, 32, 32, 1024);

    /** Parses "N,C_in,H,W,C_out" (the {@code --conv-shape} option). */
    public static ConvShape parse(String text) {
        String[] parts = text.split(",");
        if (parts.length != 5) {
            throw new InputException("--conv-shape must be N,C_in,H,W,C_out (five integers), got '" + text + "'");
        }
        int[] v = new int[5];
        for (int i = 0; i < 5; i++) {
            try {
                v[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new InputException("--conv-shape must be N,C_in,H,W,C_out (five integers), got '" + text + "'");
            }
        }
        return new ConvShape(v[0], v[1], v[2], v[3], v[4]);
    }

    public ConvShape {
        if (batch < 1 || inChannels < 1 || height < 1 || width < 1 || outChannels < 1) {
            throw new InputException("--conv-shape must be positive, got " + batch + " x "
                    + inChannels + " x " + height + " x " + width + " -> " + outChannels);
        }
    }

    /** @return FLOP of one pass, 2 x multiply-accumulates */
    public long flops() {
        return FlopCount.conv(inChannels, outChannels, 1, height, width) * batch;
    }
}
