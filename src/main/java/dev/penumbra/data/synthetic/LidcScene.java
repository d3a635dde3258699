package dev.penumbra.data.synthetic;

import dev.penumbra.data.Image;
import dev.penumbra.data.Mask;
import dev.penumbra.data.Sample;
import dev.penumbra.io.ImageFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One ambiguous crop in the manner of LIDC-IDRI: a grey, textured background with 0-2 soft blobs of varying
 * contrast, four annotations from {@link Annotators}, {@value #ORACLE_DRAWS} more independent draws of the same
 * annotators (the oracle set, for evaluations with a known answer) and the true p(a|x).
 *
 * @param sample 1 x size x size image in [0, 1] with 4 masks, in annotator order
 * @param pax    size x size true annotator probabilities in [0, 1], row-major
 * @param blobs  the blobs in the image (empty for a crop without lesion)
 * @param oracle {@value #ORACLE_DRAWS} further annotator draws, independent of the four and of each other
 */
record LidcScene(Sample sample, float[] pax, List<Blob> blobs, List<Mask> oracle) {

    /** Oracle annotator draws written per image. */
    static final int ORACLE_DRAWS = 32;

    static final double NO_BLOB_SHARE = 0.05;
    static final double TWO_BLOB_SHARE = 0.22;

    /**
     * Generates one crop. Shapes, image noise, annotators and oracle draws come from separate streams split off
     * {@code rng} in that order, so that a change in one part does not reshuffle the others (the oracle stream was
     * added last: images and the four annotations are the bytes they were before it).
     */
    static LidcScene generate(String id, String patient, int size, SplittableRandom rng) {
        SplittableRandom shapes = rng.split();
        SplittableRandom pixels = rng.split();
        SplittableRandom raters = rng.split();
        SplittableRandom oracleRaters = rng.split();
        List<Blob> blobs = drawBlobs(size, shapes);
        Image image = render(size, blobs, pixels);
        Annotators annotators = new Annotators(blobs, size);
        List<Mask> masks = new ArrayList<>();
        for (int k = 0; k < Annotators.COUNT; k++) {
            masks.add(annotators.draw(raters));
        }
        List<Mask> oracle = new ArrayList<>(ORACLE_DRAWS);
        for (int k = 0; k < ORACLE_DRAWS; k++) {
            oracle.add(annotators.draw(oracleRaters));
        }
        return new LidcScene(new Sample(id, patient, image, masks), annotators.expected(), blobs, oracle);
    }

    /**
     * Writes {@code images/<id>.png}, {@code lesions/<id>_l0.png .. _l3.png}, {@code truth/<id>_pax.png} (16-bit,
     * p * 65535) and {@code truth/<id>_o00.png .. _o31.png} (the oracle draws, 0/255) under one split folder of the
     * LIDC crops layout.
     */
    void write(Path splitDir) {
        String id = sample.id();
        Image image = sample.image();
        SceneFiles.write(splitDir.resolve("images").resolve(id + ".png"), ImageFiles.imagePng(image));
        for (int k = 0; k < sample.masks().size(); k++) {
            SceneFiles.write(splitDir.resolve("lesions").resolve(id + "_l" + k + ".png"),
                    ImageFiles.maskPng(sample.masks().get(k)));
        }
        Path truth = splitDir.resolve("truth");
        SceneFiles.write(truth.resolve(id + "_pax.png"), ImageFiles.gray16Png(pax, image.height(), image.width()));
        for (int k = 0; k < oracle.size(); k++) {
            // not String.format: 32 Formatters per image cost more than the names are worth
            SceneFiles.write(truth.resolve(id + "_o" + (k < 10 ? "0" : "") + k + ".png"),
                    ImageFiles.maskPng(oracle.get(k)));
        }
    }

    private static List<Blob> drawBlobs(int size, SplittableRandom rng) {
        double u = rng.nextDouble();
        int count = u < NO_BLOB_SHARE ? 0 : u < 1 - TWO_BLOB_SHARE ? 1 : 2;
        List<Blob> blobs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            blobs.add(Blob.random(size, rng));
        }
        return blobs;
    }

    /** Background level + smooth shading and texture + the blobs + pixel noise, clamped to [0, 1]. */
    private static Image render(int size, List<Blob> blobs, SplittableRandom rng) {
        double base = Noise.uniform(rng, 0.25, 0.45);
        double[] texture = Noise.texture(size, rng);
        double[] grey = new double[size * size];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = base + 0.08 * texture[i];
        }
        for (Blob b : blobs) {
            double[] profile = b.profile(size);
            for (int i = 0; i < grey.length; i++) {
                grey[i] += b.contrast() * profile[i];
            }
        }
        float[] out = new float[grey.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) Noise.clamp01(grey[i] + 0.025 * Noise.gaussian(rng));
        }
        return new Image(1, size, size, out);
    }
}
