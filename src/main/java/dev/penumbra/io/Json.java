package dev.penumbra.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.penumbra.InputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** One configured Jackson mapper, and atomic JSON writes. */
public final class Json {

    /** Pretty-printing mapper; records serialise by their components. */
    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {
    }

    public static String toString(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** One line of JSON, for JSON-lines logs. */
    public static String toLine(Object value) {
        try {
            return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public static void write(Path file, Object value) {
        AtomicFiles.writeString(file, toString(value) + "\n");
    }

    /**
     * Reads one of the files penumbra writes into its folders (run.json, state.json, study.json, ...). A file that
     * is not JSON, is cut short, holds {@code null} or lacks a required field is something the user can fix, so it
     * fails with an {@link InputException} that names the file, what it should hold and who writes it. Errors of the
     * file system itself (permission denied, a failing disk) stay {@link UncheckedIOException}s.
     *
     * @param whatItIs  what the file should hold, with its article: "a run description"
     * @param writtenBy the command that writes it: "penumbra train"
     * @return the value, never null
     */
    public static <T> T readFile(Path file, Class<T> type, String whatItIs, String writtenBy) {
        T value;
        try {
            value = MAPPER.readValue(file.toFile(), type);
        } catch (JsonProcessingException e) {
            throw notA(file, whatItIs, writtenBy, reason(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (value == null) {
            throw notA(file, whatItIs, writtenBy, "it holds null", null);
        }
        return value;
    }

    private static InputException notA(Path file, String whatItIs, String writtenBy, String reason, Throwable cause) {
        Path folder = file.toAbsolutePath().getParent();
        return new InputException(file.getFileName() + " in " + folder + " is not " + whatItIs + ": " + reason
                + "; it was written by `" + writtenBy + "`; restore it, or start again with a new --out", cause);
    }

    /** Jackson's message without the source dump, with the place in the file where there is one. */
    private static String reason(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        if (message.startsWith("No content to map")) {
            return "the file is empty";
        }
        message = message.lines().findFirst().orElse(message);
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? message
                : message + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    /** Reads a JSON file that the caller knows to be well formed (tests, files just written). */
    public static <T> T read(Path file, Class<T> type) {
        try {
            return MAPPER.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
