package dev.penumbra.data.synthetic;

import dev.penumbra.InputException;

import java.util.Locale;

/** Which kind of synthetic task to generate. */
public enum SyntheticKind {
    /** Grey crops with 4 disagreeing annotators, LIDC-IDRI crops layout. */
    AMBIGUOUS("lidc", 4),
    /** RGB skin images with one exact annotation, ISIC 2018 layout. */
    UNAMBIGUOUS("isic", 1);

    private final String layout;
    private final int annotators;

    SyntheticKind(String layout, int annotators) {
        this.layout = layout;
        this.annotators = annotators;
    }

    /** The on-disk layout written: {@code lidc} or {@code isic}. */
    public String layout() {
        return layout;
    }

    /** Annotations per image. */
    public int annotators() {
        return annotators;
    }

    /** The option value: {@code ambiguous} or {@code unambiguous}. */
    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses an option value, ignoring case. */
    public static SyntheticKind parse(String s) {
        return InputException.oneOf(values(), kind -> kind.option().equalsIgnoreCase(s == null ? "" : s.strip()),
                () -> "unknown synthetic kind '" + s + "': expected one of ambiguous, unambiguous");
    }
}
