package dev.penumbra;

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
}
