package dev.penumbra.evaluate;

import java.util.List;

/**
 * The maps of one image under one model that the figures draw (kept for a few chosen images only).
 *
 * @param foreground mean foreground probability, H x W row-major
 * @param entropy    predictive entropy, bits, H x W
 * @param samples    the first sample masks (0/1, H x W each)
 */
public record ImageMaps(float[] foreground, float[] entropy, List<byte[]> samples) {
}
