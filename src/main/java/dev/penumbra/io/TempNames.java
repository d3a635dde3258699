package dev.penumbra.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Names for temporary files and folders beside a target: hidden, random, and short enough for any file system.
 * The target's name is kept (cut to {@link #KEPT_BYTES} bytes of UTF-8) so a leftover still says what it was for;
 * the whole name stays below the 255-byte limit of ext4, XFS and NTFS however long the user's name is.
 */
public final class TempNames {

    /** How much of the target's name a temporary name keeps, in UTF-8 bytes. */
    static final int KEPT_BYTES = 96;

    private TempNames() {
    }

    /** A fresh name {@code .<name>.<kind>-<hex>} for a temporary sibling of {@code target}. */
    public static String beside(Path target, String kind) {
        return "." + cut(target.getFileName().toString()) + "." + kind + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    }

    /** Creates a new, empty temporary folder beside {@code target} (its parent is created when missing). */
    public static Path createFolderBeside(Path target, String kind) {
        Path parent = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
            // Not Files.createTempDirectory: its owner-only permissions would stay on the folder once moved.
            while (true) {
                try {
                    return Files.createDirectory(parent.resolve(beside(target, kind)));
                } catch (FileAlreadyExistsException taken) {
                    // another process drew the same name: draw again
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder beside " + target + ": " + e.getMessage(), e);
        }
    }

    /** {@code name} cut to at most {@link #KEPT_BYTES} bytes of UTF-8, never inside a character. */
    static String cut(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= KEPT_BYTES) {
            return name;
        }
        StringBuilder sb = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > KEPT_BYTES) {
                break;
            }
            sb.appendCodePoint(cp);
            bytes += n;
            i += Character.charCount(cp);
        }
        return sb.toString();
    }
}
