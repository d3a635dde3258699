package dev.penumbra.data.layout;

import dev.penumbra.InputException;
import dev.penumbra.data.Split;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.StringData;
import io.jhdf.object.datatype.VariableLength;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An open {@code data_lidc.hdf5}, its structure checked: the LIDC-IDRI crops as PHiSeg's preprocessing writes them
 * and PHiSeg, CCDM and later papers read them.
 *
 * <p>The structure, as read in the code that writes and reads the file:
 * <ul>
 *   <li>baumgach/PHiSeg-code, {@code data/lidc_data_loader.py} ({@code prepare_data}, commit
 *       b2e795f44d9de1e0a17d98fba4985c2858ca9bbc) writes it from Stefan Knegt's {@code data_lidc.pickle}; its
 *       {@code data/lidc_data.py} (commit 620b04290309ec903bed521a255b4532d5b4263b) and
 *       {@code data/batch_provider.py} read it;</li>
 *   <li>LarsDoorenbos/ccdm-stochastic-segmentation, {@code datasets/lidc.py} (commit
 *       29e3b4150bc80d3850f0c273cd633d13dd779121), CCDM's copy of the same preprocessing and its reader.</li>
 * </ul>
 * Three groups {@code /train}, {@code /val}, {@code /test} (a patient-wise 64 / 16 / 20 split of the CT series,
 * made once with scikit-learn's {@code train_test_split}), each holding three arrays of N rows:
 * <ul>
 *   <li>{@code images}: N x 128 x 128 float64, the pickle's intensities in [0, 1] minus 0.5, so in [-0.5, 0.5];
 *       Penumbra adds the 0.5 back;</li>
 *   <li>{@code labels}: uint8, 0 = background and 1 = lesion, the four annotators' masks. PHiSeg transposes each
 *       4 x 128 x 128 stack to N x 128 x 128 x 4 (annotator last; its batch provider takes
 *       {@code labels[i, ..., k]}); CCDM's copy leaves out the transpose and writes N x 4 x 128 x 128 (it takes
 *       {@code labels[i][k]}). Both are read: the annotator axis is the one that is not the images' H and W
 *       (annotator last when both would fit, as PHiSeg writes it);</li>
 *   <li>{@code uids}: N int64, Python's {@code hash()} of the image's CT series UID: the patient (a handful of LIDC
 *       patients have two series). Strings are read too.</li>
 * </ul>
 * h5py writes every array contiguous and uncompressed; a chunked or compressed copy reads the same (see
 * {@link Hdf5Rows}). Other members of the file are ignored.
 */
final class LidcHdf5 implements AutoCloseable {

    static final String IMAGES = "images";
    static final String LABELS = "labels";
    static final String UIDS = "uids";

    /** The 8 bytes every HDF5 file starts with (at offset 0, or 512, 1024, 2048, ... after a user block). */
    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    /** Tolerance on the image range, for copies that went through float32 and back. */
    private static final double RANGE_SLACK = 1e-6;
    private static final Pattern STRING_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /**
     * One split's arrays.
     *
     * @param annotatorLast whether labels are N x H x W x L (PHiSeg) rather than N x L x H x W (CCDM)
     * @param patients      the patient of each row, as ids show it: the uid in decimal, a leading minus written
     *                      {@code m} (so that no id or folder name starts with '-'), or the uid string
     */
    record Part(Split split, int rows, int height, int width, int annotators, boolean annotatorLast,
                Hdf5Rows images, Hdf5Rows labels, List<String> patients) {
    }

    private final Path file;
    private final HdfFile hdf;
    private final Map<Split, Part> parts;

    private LidcHdf5(Path file, HdfFile hdf, Map<Split, Part> parts) {
        this.file = file;
        this.hdf = hdf;
        this.parts = parts;
    }

    /** Whether {@code file} starts with the HDF5 signature (at 0, or after a user block of 512 * 2^k bytes). */
    static boolean hasSignature(Path file) {
        try (FileChannel fc = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = fc.size();
            ByteBuffer head = ByteBuffer.allocate(SIGNATURE.length);
            for (long offset = 0; offset + SIGNATURE.length <= size; offset = offset == 0 ? 512 : offset * 2) {
                head.clear();
                while (head.hasRemaining() && fc.read(head, offset + head.position()) > 0) {
                    // read the 8 bytes
                }
                if (!head.hasRemaining() && Arrays.equals(head.array(), SIGNATURE)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new InputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens {@code file} and checks its structure; reads the uids, no pixels.
     *
     * @throws InputException for a file that is not HDF5 or cannot be parsed, a missing group or array (naming
     *     what was found and what was expected), an array of the wrong rank or type, arrays of one split with
     *     different row counts or sizes, an empty split, or a uid that cannot name a patient
     */
    static LidcHdf5 open(Path file) {
        if (!hasSignature(file)) {
            throw new InputException(file + " is not an HDF5 file (no HDF5 signature): the lidc-hdf5 layout reads"
                    + " an HDF5 file such as PHiSeg's data_lidc.hdf5");
        }
        HdfFile hdf;
        try {
            hdf = new HdfFile(file);
        } catch (HdfException e) {
            throw new InputException("cannot read the HDF5 file " + file + ": " + e.getMessage()
                    + " (is it truncated or damaged?)", e);
        }
        try {
            Map<Split, Part> parts = new EnumMap<>(Split.class);
            for (Split s : Split.values()) {
                parts.put(s, part(file, hdf, s));
            }
            return new LidcHdf5(file, hdf, parts);
        } catch (HdfException e) {
            hdf.close();
            throw new InputException("cannot read the HDF5 file " + file + ": " + e.getMessage()
                    + " (is it truncated or damaged?)", e);
        } catch (RuntimeException e) {
            hdf.close();
            throw e;
        }
    }

    Part part(Split split) {
        return parts.get(split);
    }

    /** "data_lidc.hdf5 /train/labels row 12": where a value lies, for messages. */
    String show(Part part, String array, int row) {
        return file + " /" + part.split().folder() + "/" + array + " row " + row;
    }

    /**
     * The image of one row, H x W row-major, the stored value plus 0.5.
     *
     * @throws InputException for a value outside [-0.5, 0.5], NaN or infinity
     */
    float[] image(Part part, int row) {
        double[] v = Hdf5Rows.doubles(part.images().row(row));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            double x = v[i];
            if (!(x >= -0.5 - RANGE_SLACK && x <= 0.5 + RANGE_SLACK)) {
                throw new InputException(show(part, IMAGES, row) + " has the value " + x + " at pixel ("
                        + i / part.width() + ", " + i % part.width() + "): the lidc-hdf5 layout expects PHiSeg's"
                        + " images, intensities in [0, 1] stored minus 0.5, so values in [-0.5, 0.5]");
            }
            out[i] = (float) Math.min(1, Math.max(0, x + 0.5));
        }
        return out;
    }

    /**
     * The L annotations of one row as raw levels, each H x W row-major, in annotator order.
     *
     * @throws InputException for a negative level
     */
    int[][] labels(Part part, int row) {
        long[] v = Hdf5Rows.longs(part.labels().row(row));
        int pixels = part.height() * part.width();
        int l = part.annotators();
        int[][] out = new int[l][pixels];
        for (int k = 0; k < l; k++) {
            for (int i = 0; i < pixels; i++) {
                long level = part.annotatorLast() ? v[i * l + k] : v[k * pixels + i];
                if (level < 0 || level > Integer.MAX_VALUE) {
                    throw new InputException(show(part, LABELS, row) + ", annotator l" + k + ", has the value "
                            + level + " at pixel (" + i / part.width() + ", " + i % part.width() + "): expected"
                            + " 0 (background) and 1 (lesion)");
                }
                out[k][i] = (int) level;
            }
        }
        return out;
    }

    @Override
    public void close() {
        hdf.close();
    }

    private static Part part(Path file, HdfFile hdf, Split split) {
        String name = split.folder();
        Node node = hdf.getChild(name);
        if (node == null || !node.isGroup()) {
            throw new InputException("HDF5 file " + file + " has no group /" + name + (node == null ? ""
                    : " (/" + name + " is a dataset)") + ": expected the groups train, val and test, as in PHiSeg's"
                    + " data_lidc.hdf5; found " + members(hdf));
        }
        Group group = (Group) node;
        Dataset images = dataset(file, group, IMAGES);
        Dataset labels = dataset(file, group, LABELS);
        Dataset uids = dataset(file, group, UIDS);
        String where = file + " /" + name + "/";

        int[] im = images.getDimensions();
        if (im.length != 3 || !(images.getDataType() instanceof FloatingPoint)) {
            throw new InputException(where + IMAGES + " is " + describe(images) + ": expected N x H x W floats"
                    + " (PHiSeg writes N x 128 x 128 float64)");
        }
        int n = im[0];
        int h = im[1];
        int w = im[2];
        if (n == 0) {
            throw new InputException("split " + name + " of " + file + " is empty: " + where + IMAGES + " has 0 rows;"
                    + " every split needs at least one image");
        }
        if (h == 0 || w == 0) {
            throw new InputException(where + IMAGES + " is " + describe(images) + ": images of no pixels");
        }

        int[] lb = labels.getDimensions();
        boolean rank4 = lb.length == 4;
        boolean last = rank4 && lb[1] == h && lb[2] == w;
        boolean second = rank4 && !last && lb[2] == h && lb[3] == w;
        boolean single = lb.length == 3 && lb[1] == h && lb[2] == w;
        if (!(labels.getDataType() instanceof FixedPoint)) {
            throw new InputException(where + LABELS + " is " + describe(labels) + ": expected integer masks,"
                    + " 0 = background and 1 = lesion (PHiSeg writes uint8)");
        }
        if (!(last || second || single) || lb[0] != n) {
            throw new InputException("shape mismatch in split " + name + " of " + file + ": " + IMAGES + " is "
                    + shape(im) + " but " + LABELS + " is " + shape(lb) + "; expected " + LABELS + " " + n + " x " + h
                    + " x " + w + " x L (annotator last, as PHiSeg writes it) or " + n + " x L x " + h + " x " + w
                    + ", with the images' N, H and W");
        }
        int annotators = single ? 1 : last ? lb[3] : lb[1];
        if (annotators == 0) {
            throw new InputException(where + LABELS + " is " + shape(lb) + ": no annotator");
        }

        int[] ud = uids.getDimensions();
        if (ud.length == 0 || ud[0] != n || Arrays.stream(ud).skip(1).anyMatch(d -> d != 1)) {
            throw new InputException("shape mismatch in split " + name + " of " + file + ": " + IMAGES + " has " + n
                    + " rows but " + UIDS + " is " + shape(ud) + "; expected one patient id per image (" + n + ")");
        }
        List<String> patients = patients(where + UIDS, uids);
        return new Part(split, n, h, w, annotators, !second, new Hdf5Rows(images, where + IMAGES),
                new Hdf5Rows(labels, where + LABELS), patients);
    }

    private static Dataset dataset(Path file, Group group, String name) {
        Node node = group.getChild(name);
        if (node instanceof Dataset d) {
            return d;
        }
        throw new InputException("group /" + group.getName() + " of HDF5 file " + file + " has no dataset '" + name
                + "'" + (node == null ? "" : " (it is a group)") + ": expected the datasets images, labels and uids,"
                + " as in PHiSeg's data_lidc.hdf5; found " + members(group));
    }

    /** The patient of each row, from the uids (integers, or strings fit for a file name). */
    private static List<String> patients(String shown, Dataset uids) {
        DataType type = uids.getDataType();
        Object flat = uids.getDataFlat();
        List<String> out = new ArrayList<>();
        if (type instanceof FixedPoint && flat instanceof BigInteger[] big) { // uint64
            for (BigInteger b : big) {
                out.add(b.toString());
            }
        } else if (type instanceof FixedPoint) {
            for (long v : Hdf5Rows.longs(flat)) {
                out.add(v < 0 ? "m" + Long.toString(v).substring(1) : Long.toString(v));
            }
        } else if ((type instanceof StringData || type instanceof VariableLength) && flat instanceof Object[] strings) {
            for (int i = 0; i < strings.length; i++) {
                String s = String.valueOf(strings[i]);
                if (!STRING_ID.matcher(s).matches()) {
                    throw new InputException(shown + " row " + i + " is '" + s + "': a patient id must be letters,"
                            + " digits, '.', '_' and '-' (not first), since image ids and folder names are made of it");
                }
                out.add(s);
            }
        } else {
            throw new InputException(shown + " is " + describe(uids) + ": expected one patient id per image,"
                    + " integers (PHiSeg writes int64 hashes of the series UID) or strings");
        }
        return out;
    }

    /** "images (dataset 12 x 128 x 128 float64), labels (group)", for messages; "nothing" when empty. */
    private static String members(Group group) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Node> e : group.getChildren().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            Node n = e.getValue();
            out.add(e.getKey() + (n instanceof Dataset d ? " (dataset " + describe(d) + ")"
                    : n.isGroup() ? " (group)" : ""));
        }
        return out.isEmpty() ? "nothing" : String.join(", ", out);
    }

    private static String describe(Dataset d) {
        return shape(d.getDimensions()) + " " + dtype(d.getDataType());
    }

    private static String shape(int[] dims) {
        return dims.length == 0 ? "a scalar" : Arrays.stream(dims).mapToObj(Integer::toString)
                .collect(Collectors.joining(" x "));
    }

    /** numpy's name of a type: float64, uint8, int64, string. */
    static String dtype(DataType t) {
        if (t instanceof FixedPoint f) {
            return (f.isSigned() ? "int" : "uint") + f.getBitPrecision();
        }
        if (t instanceof FloatingPoint f) {
            return "float" + f.getBitPrecision();
        }
        if (t instanceof StringData || t instanceof VariableLength) {
            return "string";
        }
        return t.getClass().getSimpleName();
    }
}
