package dev.penumbra;

import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A mistake in what the user gave us: a file, a folder or an option. The command line prints the message alone
 * (no stack trace) and exits with code 2. Messages name the file or option, what was found and what was expected.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Checks a count the user gave.
     *
     * @param what  the option, e.g. {@code --seeds}
     * @throws InputException "WHAT must be at least MIN, got VALUE" when {@code value < min}
     */
    public static void atLeast(String what, long value, long min) {
        if (value < min) {
            throw new InputException(what + " must be at least " + min + ", got " + value);
        }
    }

    /**
     * The value the user named, e.g. the constant of an enum that an option's value spells.
     *
     * @param values    the choices, in the order they are tried
     * @param named     whether a choice is the one the user named
     * @param otherwise the message when none is: what was given and what was expected
     * @throws InputException with that message when no choice is named
     */
    public static <E> E oneOf(E[] values, Predicate<E> named, Supplier<String> otherwise) {
        for (E value : values) {
            if (named.test(value)) {
                return value;
            }
        }
        throw new InputException(otherwise.get());
    }

    /**
     * Checks a count where 0 has a meaning of its own.
     *
     * @param zero what 0 means (e.g. "no limit"), or null when it needs no saying
     * @throws InputException "WHAT must be 0 (ZERO) or more, got VALUE" when {@code value < 0}
     */
    public static void notNegative(String what, long value, String zero) {
        if (value < 0) {
            throw new InputException(what + " must be 0" + (zero == null ? "" : " (" + zero + ")") + " or more, got "
                    + value);
        }
    }
}
