package dev.penumbra.train;

import dev.penumbra.InputException;
import dev.penumbra.io.AtomicFiles;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The envelope of a checkpoint file: a header line, the body (DJL's parameters, then the optimiser state) and the
 * SHA-256 of the body. The digest tells a file that was cut short or damaged on disk apart from an intact one that
 * fits another model. Files written before the envelope existed begin directly with the body (DJL's block version,
 * a small number) and are read without the check.
 */
final class CheckpointFile {

    /** First bytes of every checkpoint written since the envelope exists. */
    static final byte[] HEADER = "penumbra checkpoint 1\n".getBytes(StandardCharsets.US_ASCII);
    /** Bytes of the SHA-256 digest that ends the file. */
    static final int DIGEST_BYTES = 32;

    /** Writes the body that {@code body} produces (and flushes, without closing), atomically, in the envelope. */
    static void write(Path file, AtomicFiles.Body body) {
        AtomicFiles.write(file, raw -> {
            raw.write(HEADER);
            MessageDigest sha = sha256();
            body.write(new DigestOutputStream(raw, sha));
            raw.write(sha.digest());
        });
    }

    /**
     * Opens the body of {@code file} after checking that the file is whole.
     *
     * @return the stream, positioned at the body, and whether the file has the envelope (then the body is followed
     *         by exactly {@link #DIGEST_BYTES} bytes, else by nothing)
     * @throws InputException when the file is damaged or truncated
     */
    static Opened open(Path file) throws IOException {
        boolean enveloped = startsWithHeader(file);
        if (enveloped) {
            verify(file);
        }
        DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)));
        if (enveloped) {
            in.skipNBytes(HEADER.length);
        }
        return new Opened(in, enveloped);
    }

    /** An opened body. */
    record Opened(DataInputStream in, boolean enveloped) {

        /** Whether exactly the envelope's end follows what was read: false when the body was longer. */
        boolean atEnd() throws IOException {
            return in.readNBytes(DIGEST_BYTES + 1).length == (enveloped ? DIGEST_BYTES : 0);
        }
    }

    /** The damage message; {@code detail} says what is wrong. */
    static InputException damaged(Path file, String detail, Throwable cause) {
        return new InputException("checkpoint " + file + " is damaged or truncated (" + detail + "); restore it"
                + " from a copy, or train the run again", cause);
    }

    private static boolean startsWithHeader(Path file) throws IOException {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(HEADER.length);
        }
        if (Arrays.equals(start, HEADER)) {
            return true;
        }
        if (start.length == 0) {
            throw damaged(file, "the file is empty", null);
        }
        if (Arrays.equals(start, Arrays.copyOf(HEADER, start.length))) {
            throw damaged(file, "it ends after " + start.length + " bytes, inside its header", null);
        }
        // before the envelope, a file began with DJL's block version, a small number; text or noise does not
        if (start[0] < 0 || start[0] >= 0x20) {
            throw damaged(file, "it does not begin like a penumbra checkpoint", null);
        }
        return false;
    }

    private static void verify(Path file) throws IOException {
        long bodyBytes = Files.size(file) - HEADER.length - DIGEST_BYTES;
        if (bodyBytes < 0) {
            throw damaged(file, "it ends after " + Files.size(file) + " bytes, inside its header", null);
        }
        MessageDigest sha = sha256();
        byte[] stored;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            in.skipNBytes(HEADER.length);
            DigestInputStream digesting = new DigestInputStream(in, sha);
            byte[] buffer = new byte[1 << 16];
            for (long left = bodyBytes; left > 0; ) {
                int n = digesting.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break;
                }
                left -= n;
            }
            stored = in.readNBytes(DIGEST_BYTES);
        }
        if (!MessageDigest.isEqual(stored, sha.digest())) {
            throw damaged(file, "its SHA-256 does not match its content: the file was cut short or changed on"
                    + " disk", null);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
