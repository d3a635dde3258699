package dev.penumbra.data.layout;

import dev.penumbra.InputException;
import dev.penumbra.data.DataOptions;
import dev.penumbra.data.DatasetFiles;
import dev.penumbra.data.Image;
import dev.penumbra.data.Mask;
import dev.penumbra.data.MaskReader;
import dev.penumbra.data.Resize;
import dev.penumbra.data.Sample;
import dev.penumbra.data.Split;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;

/**
 * The LIDC-IDRI crops as published in one HDF5 file, {@code data_lidc.hdf5}: the file PHiSeg's preprocessing
 * writes and PHiSeg, CCDM and later papers train on (its structure, and where it was read: {@link LidcHdf5}).
 * {@code --data path/to/data_lidc.hdf5} names the file itself.
 *
 * <p>The file's own split is used ({@code /train}, {@code /val}, {@code /test}). A sample's id is
 * {@code <patient>_<row>}: the patient from {@code uids} (in decimal, a leading minus written {@code m}) and the
 * sample's row in its split, zero-padded, so {@code m4354350145716376143_0042} of the test split is
 * {@code f['test']['images'][42]}. The group is the patient (or the first capturing group of
 * {@code --group-regex} in the id). A patient with images in two splits is an error: the file is split by patient,
 * and such a patient would put training images into the evaluation (and could give two images one id). The
 * annotators are {@code l0 .. l(L-1)} in the file's order.
 *
 * <p>Decoding follows the folder layouts' rules: images (stored minus 0.5) come back in [0, 1]; each mask must have
 * at most two levels, the higher being foreground, unless {@code --mask-threshold} is given, or with
 * {@code --classes C} hold class indices 0 .. C - 1; {@code --size} resizes as for image files.
 */
final class LidcHdf5Layout implements FileLayout {

    static final String NAME = "lidc-hdf5";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean recognises(Path root) {
        return Files.isRegularFile(root) && LidcHdf5.hasSignature(root);
    }

    @Override
    public String expected(Path root) {
        return "an HDF5 file such as PHiSeg's data_lidc.hdf5: groups train, val and test, each with the datasets"
                + " images (N x H x W floats in [-0.5, 0.5]), labels (N x H x W x L or N x L x H x W, 0 and 1) and"
                + " uids (N patient ids)";
    }

    @Override
    public Map<Split, List<SampleFiles>> scan(Path root, DataOptions opts) {
        GroupNamer regex = new GroupNamer(opts.groupPattern(), Optional.empty());
        Map<Split, List<SampleFiles>> out = new EnumMap<>(Split.class);
        Map<String, String> splitOfPatient = new HashMap<>();
        try (LidcHdf5 file = LidcHdf5.open(root)) {
            // rows zero-padded to one width, at least 4 digits, so that ids sort by row within a patient
            int width = Math.max(4, Integer.toString(maxRows(file) - 1).length());
            for (Split split : Split.values()) {
                LidcHdf5.Part part = file.part(split);
                List<String> annotators = IntStream.range(0, part.annotators()).mapToObj(k -> "l" + k).toList();
                List<Path> masks = Collections.nCopies(part.annotators(), root);
                List<SampleFiles> samples = new ArrayList<>();
                for (int row = 0; row < part.rows(); row++) {
                    String patient = part.patients().get(row);
                    String before = splitOfPatient.putIfAbsent(patient, split.folder());
                    if (before != null && !before.equals(split.folder())) {
                        throw new InputException("patient " + patient + " has images in both the " + before
                                + " and the " + split.folder() + " split of " + root + " (" + file.show(part, LidcHdf5.UIDS, row)
                                + "): the file is split by patient, and a patient in two splits puts training images"
                                + " into the evaluation");
                    }
                    String id = patient + "_" + String.format(Locale.ROOT, "%0" + width + "d", row);
                    String group = opts.groupPattern().isPresent()
                            ? regex.groupOf(id, file.show(part, LidcHdf5.IMAGES, row)) : patient;
                    samples.add(new SampleFiles(id, group, root, masks, annotators, row));
                }
                out.put(split, samples);
            }
        }
        return out;
    }

    @Override
    public void load(DatasetFiles files, DataOptions opts, BiConsumer<Split, Sample> sink) {
        try (LidcHdf5 file = LidcHdf5.open(files.root())) {
            for (Split split : Split.values()) {
                LidcHdf5.Part part = file.part(split);
                // in row order: each chunk of a compressed file is then decompressed once, not once per patient
                for (SampleFiles f : files.split(split).stream().sorted(Comparator.comparingInt(SampleFiles::row))
                        .toList()) {
                    sink.accept(split, decode(file, part, f, opts));
                }
            }
        }
    }

    private static Sample decode(LidcHdf5 file, LidcHdf5.Part part, SampleFiles f, DataOptions opts) {
        int row = f.row();
        if (row < 0 || row >= part.rows() || part.annotators() != f.annotators().size()) {
            throw new InputException(file.show(part, LidcHdf5.IMAGES, row) + " no longer fits what was scanned:"
                    + " the file changed while it was read");
        }
        int h = part.height();
        int w = part.width();
        Image image = new Image(1, h, w, file.image(part, row));
        int[][] levels = file.labels(part, row);
        List<Mask> masks = new ArrayList<>();
        for (int k = 0; k < levels.length; k++) {
            String shown = file.show(part, LidcHdf5.LABELS, row) + ", annotator l" + k;
            masks.add(opts.classes() > 2 ? classes(levels[k], h, w, opts.classes(), shown)
                    : MaskReader.binarise(levels[k], h, w, opts.maskThreshold(), shown));
        }
        int size = opts.size();
        if (size > 0) {
            image = Resize.bilinear(image, size, size);
            masks.replaceAll(m -> Resize.nearest(m, size, size));
        }
        return new Sample(f.id(), f.group(), image, masks);
    }

    /** A mask of class indices, each below {@code classes}, as {@link MaskReader#readClasses} requires of files. */
    private static Mask classes(int[] levels, int h, int w, int classes, String shown) {
        byte[] out = new byte[levels.length];
        for (int i = 0; i < levels.length; i++) {
            if (levels[i] >= classes) {
                throw new InputException("mask " + shown + " has the value " + levels[i] + " at pixel (" + i / w
                        + ", " + i % w + "), but --classes " + classes + " expects class indices 0 to "
                        + (classes - 1));
            }
            out[i] = (byte) levels[i];
        }
        return new Mask(h, w, out);
    }

    private static int maxRows(LidcHdf5 file) {
        int max = 0;
        for (Split s : Split.values()) {
            max = Math.max(max, file.part(s).rows());
        }
        return max;
    }
}
