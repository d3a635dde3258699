package dev.penumbra.cli;

import dev.penumbra.InputException;
import picocli.CommandLine.Option;

/**
 * The {@code --data} of every command that reads a dataset: a folder in one of the supported layouts, a file of a
 * single-file layout ({@code data_lidc.hdf5}), or the name of a built-in synthetic set. Required or not depends on the command ({@link #required}).
 */
public final class DataOption {

    @Option(names = "--data", paramLabel = "DIR|FILE|NAME", description = "Dataset folder (layouts: see the README),"
            + " an HDF5 file such as data_lidc.hdf5, or synthetic-ambiguous / synthetic-unambiguous; required unless"
            + " the command says what it defaults to.")
    String data;

    /** The value given, or null. */
    public String orNull() {
        return data;
    }

    /** The value given, or {@code fallback}. */
    public String or(String fallback) {
        return data != null ? data : fallback;
    }

    /**
     * @param command the command and case that needs it, e.g. "tune" or "train (a new run)"
     * @throws InputException when {@code --data} was not given
     */
    public String required(String command) {
        if (data == null) {
            throw new InputException(command + ": --data is required: a dataset folder, an HDF5 file such as"
                    + " data_lidc.hdf5, or synthetic-ambiguous / synthetic-unambiguous");
        }
        return data;
    }
}
