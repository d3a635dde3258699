package dev.penumbra.predict;

import ai.djl.ndarray.NDArray;
import dev.penumbra.data.Image;
import dev.penumbra.data.Mask;
import dev.penumbra.data.Resize;
import dev.penumbra.io.Heatmap;
import dev.penumbra.io.ImageFiles;
import dev.penumbra.io.Npy;
import dev.penumbra.metric.MeanPrediction;
import dev.penumbra.metric.Overlap;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The prediction of one image at the size the model saw, its summaries, and its files. The files can be written at
 * another size (an unannotated image's own): the probability and entropy maps are resized bilinearly, as images
 * are, and the sample masks by nearest neighbour, as masks are (see {@link Resize}).
 *
 * @param mean    C x H x W mean class probabilities
 * @param entropy H x W predictive entropy of the mean, in bits
 * @param samples n x H x W sampled class indices
 * @param classes C
 * @param height  H, the model's
 * @param width   W, the model's
 */
record PredictionMaps(float[] mean, float[] entropy, long[] samples, int classes, int height, int width) {

    /** Entropy summaries and the foreground share of the mean prediction, at the model's size. */
    record Summary(double meanBits, double maxBits, double sumBits, double foregroundFraction, byte[] predicted) {
    }

    /**
     * @param mean    C x H x W of one image
     * @param entropy H x W of one image
     * @param masks   n x 1 x H x W of one image
     */
    static PredictionMaps of(NDArray mean, NDArray entropy, NDArray masks, int classes) {
        long[] shape = entropy.getShape().getShape();
        int h = (int) shape[shape.length - 2];
        int w = (int) shape[shape.length - 1];
        return new PredictionMaps(mean.toFloatArray(), entropy.toFloatArray(), masks.toLongArray(), classes, h, w);
    }

    int pixels() {
        return height * width;
    }

    /** The first {@code count} samples as foreground masks (1 where not background), H x W each. */
    List<byte[]> foreground(int count) {
        List<byte[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(Overlap.foreground(samples, i * pixels(), pixels()));
        }
        return out;
    }

    /** How many of the first {@code count} samples differ from each other. */
    int distinct(int count) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < count; i++) {
            seen.add(Arrays.toString(sample(i)));
        }
        return seen.size();
    }

    Summary summary() {
        int n = pixels();
        boolean[] argmax = MeanPrediction.predicted(mean, 0, classes, n);
        byte[] predicted = new byte[n];
        double sum = 0;
        double max = 0;
        int fg = 0;
        for (int i = 0; i < n; i++) {
            sum += entropy[i];
            max = Math.max(max, entropy[i]);
            predicted[i] = (byte) (argmax[i] ? 1 : 0);
            fg += predicted[i];
        }
        return new Summary(sum / n, max, sum, fg / (double) n, predicted);
    }

    /**
     * Writes {@code probability_c<k>.png} (16-bit, every class but background), {@code entropy.png} (heat-map,
     * black = 0, yellow = log2(C) bits), {@code entropy.npy} (float32 bits, outHeight x outWidth) and the first
     * {@code written} sample masks {@code sample_<i>.png} (class k drawn as k * 255 / (C - 1)) into {@code dir}.
     */
    void write(Path dir, int written, int outHeight, int outWidth) {
        for (int c = 1; c < classes; c++) {
            float[] p = resized(Arrays.copyOfRange(mean, c * pixels(), (c + 1) * pixels()), outHeight, outWidth);
            ImageFiles.writeGray16(dir.resolve("probability_c" + c + ".png"), p, outHeight, outWidth);
        }
        float[] ent = resized(entropy, outHeight, outWidth);
        float maxBits = (float) (Math.log(classes) / Math.log(2));
        ImageFiles.writePng(dir.resolve("entropy.png"), Heatmap.render(ent, outHeight, outWidth, maxBits));
        Npy.writeFloats(dir.resolve("entropy.npy"), ent, outHeight, outWidth);
        for (int i = 0; i < written; i++) {
            ImageFiles.writePng(dir.resolve(String.format(Locale.ROOT, "sample_%02d.png", i)),
                    classImage(resizedClasses(sample(i), outHeight, outWidth), outHeight, outWidth));
        }
    }

    private long[] sample(int i) {
        return Arrays.copyOfRange(samples, i * pixels(), (i + 1) * pixels());
    }

    private float[] resized(float[] map, int outHeight, int outWidth) {
        return Resize.bilinear(new Image(1, height, width, map), outHeight, outWidth).pixels();
    }

    private int[] resizedClasses(long[] classIndices, int outHeight, int outWidth) {
        Mask mask = Mask.blank(height, width);
        for (int i = 0; i < classIndices.length; i++) {
            mask.pixels()[i] = (byte) classIndices[i];
        }
        byte[] out = Resize.nearest(mask, outHeight, outWidth).pixels();
        int[] classes = new int[out.length];
        for (int i = 0; i < out.length; i++) {
            classes[i] = out[i] & 0xFF;
        }
        return classes;
    }

    private BufferedImage classImage(int[] classIndices, int h, int w) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, classIndices[y * w + x] * 255 / (classes - 1));
            }
        }
        return img;
    }
}
