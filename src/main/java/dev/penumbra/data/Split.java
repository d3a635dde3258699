package dev.penumbra.data;

import dev.penumbra.InputException;

import java.util.Locale;

/** The three parts of a dataset; the folder names are the lower-case names. */
public enum Split {
    TRAIN, VAL, TEST;

    /** The folder name used on disk: {@code train}, {@code val}, {@code test}. */
    public String folder() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a folder or option value such as {@code test}. */
    public static Split parse(String s) {
        return InputException.oneOf(values(), split -> split.folder().equalsIgnoreCase(s),
                () -> "unknown split '" + s + "': expected one of train, val, test");
    }
}
