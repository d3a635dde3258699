package dev.penumbra.data;

import dev.penumbra.InputException;
import dev.penumbra.data.synthetic.SyntheticData;
import dev.penumbra.data.synthetic.SyntheticKind;
import dev.penumbra.data.synthetic.SyntheticManifest;
import dev.penumbra.data.synthetic.SyntheticOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

/**
 * Turns a {@code --data} value into a dataset folder or file: a folder, or a file of a single-file layout
 * ({@code data_lidc.hdf5}), is taken as it is; a built-in synthetic name is generated once (deterministically) into
 * the cache folder and reused.
 */
public final class DataSource {

    /** Built-in synthetic datasets by {@code --data} name. */
    public static final Map<String, SyntheticKind> SYNTHETIC = Map.of(
            "synthetic-ambiguous", SyntheticKind.AMBIGUOUS,
            "synthetic-unambiguous", SyntheticKind.UNAMBIGUOUS);

    private DataSource() {
    }

    /** Resolves {@code data} to a folder or file, generating a synthetic dataset into {@link #cacheDir()} if named. */
    public static Path resolve(String data) {
        SyntheticKind kind = SYNTHETIC.get(data);
        if (kind != null) {
            SyntheticOptions opts = SyntheticOptions.defaults();
            // every setting and the generator version in the name, so that a cache made with other defaults or by
            // an older generator is never mistaken for this one
            Path out = cacheDir().resolve("synthetic").resolve(String.format(java.util.Locale.ROOT,
                    "%s-%dpx-%d-%d-%d-seed%d-v%s", data, opts.size(), opts.train(), opts.val(), opts.test(), opts.seed(),
                    SyntheticManifest.GENERATOR_VERSION));
            SyntheticData.write(kind, opts, out);
            return out;
        }
        Path p = Paths.get(data);
        if (!Files.exists(p)) {
            throw new InputException("--data " + data + ": no such folder or file, and not a built-in dataset"
                    + " (expected a dataset folder, an HDF5 file such as data_lidc.hdf5, or one of "
                    + String.join(", ", SYNTHETIC.keySet()) + ")");
        }
        return p;
    }

    /** Reads the dataset that {@code data} names. */
    public static Dataset read(String data, DataOptions options) {
        return DatasetReader.read(resolve(data), options);
    }

    /**
     * {@code data} as it names the same data from any working folder (and on any node of a cluster that shares the
     * folder): a built-in name as it is, a folder or file as its absolute, normalised path.
     */
    public static String absolute(String data) {
        return SYNTHETIC.containsKey(data) ? data : Path.of(data).toAbsolutePath().normalize().toString();
    }

    /** Whether two {@code --data} values name the same data: the same built-in name, or the same folder or file. */
    public static boolean sameData(String a, String b) {
        return absolute(a).equals(absolute(b));
    }

    /** {@code $PENUMBRA_CACHE}, else {@code ~/.cache/penumbra}. */
    public static Path cacheDir() {
        String env = System.getenv("PENUMBRA_CACHE");
        if (env != null && !env.isBlank()) {
            return Paths.get(env);
        }
        return Paths.get(System.getProperty("user.home"), ".cache", "penumbra");
    }
}
