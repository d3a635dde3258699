package dev.penumbra.data;

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
        for (Split split : values()) {
            if (split.folder().equalsIgnoreCase(s)) {
                return split;
            }
        }
        throw new dev.penumbra.InputException("unknown split '" + s + "': expected one of train, val, test");
    }
}
