package dev.penumbra.evaluate;

import java.util.List;

/**
 * The maps of one image under one model that the figures draw (kept for a few chosen images only).
 *
 * @param foreground mean foreground probability, H x W row-major
 * @param predicted  whether the mean prediction's argmax is a foreground class (the prediction of Fig 4), H x W
 * @param entropy    predictive entropy, bits, H x W
 * @param samples    the first sample masks (0/1, H x W each)
 */
public record ImageMaps(float[] foreground, boolean[] predicted, float[] entropy, List<byte[]> samples) {
}
