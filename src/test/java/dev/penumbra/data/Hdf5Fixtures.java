package dev.penumbra.data;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Small HDF5 files in the structure of PHiSeg's {@code data_lidc.hdf5}, written with jhdf's writer, so the tests
 * need nothing outside Maven: groups {@code train}, {@code val}, {@code test}, each with {@code images}
 * (N x S x S float64, intensities minus 0.5), {@code labels} (N x S x S x L, annotator last as PHiSeg writes
 * them, or N x L x S x S as CCDM does) and {@code uids} (N int64). jhdf writes integers signed only, so the labels
 * are int8 here where the published file has uint8 (the h5py-made fixture in the test resources has uint8); the
 * values, 0 and 1, are the same.
 *
 * <p>The content is known: row r of a split has the image {@link DataFixtures#grey grey(S, S, seed + r)}, and its
 * annotators mark the box rows [1, 3) x columns [1, 3): all of them when {@code r % 3 == 0}, only l0 when
 * {@code r % 3 == 1}, none when {@code r % 3 == 2}.
 */
public final class Hdf5Fixtures {

    private Hdf5Fixtures() {
    }

    /** The groups of a file: group name -> dataset name -> a rectangular array (double[][][], byte[][][][], ...). */
    public static Map<String, Map<String, Object>> lidc(int size, int annotators, boolean annotatorLast,
                                                        long[] train, long[] val, long[] test) {
        Map<String, Map<String, Object>> groups = new LinkedHashMap<>();
        groups.put("train", split(train, size, annotators, annotatorLast, 0));
        groups.put("val", split(val, size, annotators, annotatorLast, 100));
        groups.put("test", split(test, size, annotators, annotatorLast, 200));
        return groups;
    }

    /**
     * The standard small file: 8 x 8, 4 annotators, annotator last; train 6 rows of the patients 11, -22 and 33 (two
     * each), val 2 rows of 44, test 3 rows of 55, 66, 66.
     */
    public static Map<String, Map<String, Object>> lidc() {
        return lidc(8, 4, true, new long[] {11, 11, -22, -22, 33, 33}, new long[] {44, 44}, new long[] {55, 66, 66});
    }

    /** One split's arrays, content as the class says; the image seed of row r is {@code seed + r}. */
    public static Map<String, Object> split(long[] uids, int size, int annotators, boolean annotatorLast, int seed) {
        int n = uids.length;
        double[][][] images = new double[n][size][size];
        byte[][][][] labels = annotatorLast ? new byte[n][size][size][annotators] : new byte[n][annotators][size][size];
        for (int r = 0; r < n; r++) {
            Image grey = DataFixtures.grey(size, size, seed + r);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    images[r][y][x] = grey.get(0, y, x) - 0.5;
                    boolean box = y >= 1 && y < 3 && x >= 1 && x < 3;
                    for (int k = 0; k < annotators; k++) {
                        boolean marks = box && (r % 3 == 0 || (r % 3 == 1 && k == 0));
                        if (annotatorLast) {
                            labels[r][y][x][k] = (byte) (marks ? 1 : 0);
                        } else {
                            labels[r][k][y][x] = (byte) (marks ? 1 : 0);
                        }
                    }
                }
            }
        }
        Map<String, Object> arrays = new LinkedHashMap<>();
        arrays.put("images", images);
        arrays.put("labels", labels);
        arrays.put("uids", uids.clone());
        return arrays;
    }

    /** The mask that row {@code r}'s annotator {@code k} drew, as {@link #split} writes it. */
    public static Mask mask(int size, int r, int k) {
        boolean marks = r % 3 == 0 || (r % 3 == 1 && k == 0);
        return marks ? DataFixtures.box(size, size, 1, 3, 1, 3) : Mask.blank(size, size);
    }

    /** Writes {@code groups} (a value that is a map becomes a group, anything else a dataset) into {@code file}. */
    public static Path write(Path file, Map<String, ? extends Map<String, ?>> groups) {
        try (WritableHdfFile out = HdfFile.write(file)) {
            for (Map.Entry<String, ? extends Map<String, ?>> g : groups.entrySet()) {
                WritableGroup group = out.putGroup(g.getKey());
                for (Map.Entry<String, ?> d : g.getValue().entrySet()) {
                    group.putDataset(d.getKey(), d.getValue());
                }
            }
        }
        return file;
    }

    /** The standard small file, written. */
    public static Path lidc(Path file) {
        return write(file, lidc());
    }
}
