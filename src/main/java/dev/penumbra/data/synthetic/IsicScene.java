package dev.penumbra.data.synthetic;

import dev.penumbra.data.Image;
import dev.penumbra.data.Mask;
import dev.penumbra.data.Sample;
import dev.penumbra.io.ImageFiles;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One unambiguous image in the manner of ISIC 2018: textured skin with one clearly darker lesion of irregular but
 * sharp outline, and one annotation that is exactly the lesion.
 *
 * @param sample 3 x size x size RGB image in [0, 1] with its single mask
 */
record IsicScene(Sample sample) {

    /** Width of the image's blend from lesion to skin, pixels: sharp, yet not aliased. */
    static final double EDGE_WIDTH = 1.5;

    static IsicScene generate(String id, int size, SplittableRandom rng) {
        SplittableRandom shape = rng.split();
        SplittableRandom pixels = rng.split();
        Outline outline = Outline.random(size, shape);
        Mask mask = Mask.blank(size, size);
        double[] alpha = new double[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double d = outline.signedDistance(x, y);
                alpha[y * size + x] = Noise.clamp01(0.5 - d / EDGE_WIDTH);
                // the annotation is the region inside the outline: where the image is more lesion than skin
                mask.set(y, x, (byte) (d < 0 ? 1 : 0));
            }
        }
        return new IsicScene(new Sample(id, id, render(size, alpha, pixels), List.of(mask)));
    }

    /** Writes {@code images/<id>.png} and {@code segmentations/<id>_segmentation.png} under one split folder. */
    void write(Path splitDir) {
        String id = sample.id();
        SceneFiles.write(splitDir.resolve("images").resolve(id + ".png"), ImageFiles.imagePng(sample.image()));
        SceneFiles.write(splitDir.resolve("segmentations").resolve(id + "_segmentation.png"),
                ImageFiles.maskPng(sample.masks().get(0)));
    }

    private static Image render(int size, double[] alpha, SplittableRandom rng) {
        // from pale to tanned skin; from mid to dark brown lesion; the darkest skin is still far lighter
        double tone = rng.nextDouble();
        double[] skin = {0.93 - 0.25 * tone, 0.76 - 0.25 * tone, 0.66 - 0.25 * tone};
        double dark = rng.nextDouble();
        double[] lesion = {0.42 - 0.18 * dark, 0.26 - 0.12 * dark, 0.17 - 0.08 * dark};
        double[] shading = Noise.texture(size, rng);
        double[] mottling = Noise.smoothField(size, 6, rng);
        double[][] tint = new double[3][];
        for (int c = 0; c < 3; c++) {
            tint[c] = Noise.smoothField(size, 4, rng);
        }
        Image image = Image.zeros(3, size, size);
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < alpha.length; i++) {
                double background = skin[c] + 0.06 * shading[i] + 0.02 * tint[c][i];
                double foreground = lesion[c] + 0.06 * mottling[i];
                double value = Noise.lerp(background, foreground, alpha[i]) + 0.015 * Noise.gaussian(rng);
                image.pixels()[c * alpha.length + i] = (float) Noise.clamp01(value);
            }
        }
        return image;
    }
}
