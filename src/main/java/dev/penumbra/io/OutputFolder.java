package dev.penumbra.io;

import dev.penumbra.InputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder a command writes, claimed for the command's lifetime. Every command that writes a run, study, evaluation
 * or prediction folder goes through here, which guarantees:
 * <ul>
 *   <li>no two commands write one folder at once ({@link OutputLock});</li>
 *   <li>the output is never inside one of the command's inputs (data, runs), nor an input inside the output, so the
 *       user's data is never written into;</li>
 *   <li>a {@link #fresh} folder appears whole or not at all: it is written into a hidden temporary sibling, moved into
 *       place by {@link #commit}, and removed when the command fails, so a retry finds the folder as it was.</li>
 * </ul>
 * Resumable folders (training runs, active learning, tuning, studies) are written {@link #inPlace}: their checkpoints
 * must survive a crash, and {@code --resume} continues them.
 */
public final class OutputFolder implements AutoCloseable {

    /** An input of the command, named by the option that gave it. */
    public record Input(String option, Path path) {

        /**
         * The inputs among {@code values} that are folders or files on disk; names of built-in datasets (and nulls)
         * are skipped, since they are not the user's files.
         */
        public static List<Input> existing(String option, List<String> values) {
            return values.stream().filter(v -> v != null && Files.exists(Path.of(v)))
                    .map(v -> new Input(option, Path.of(v))).toList();
        }
    }

    private final Path target;
    private final Path staging;
    private final OutputLock lock;
    private boolean committed;

    private OutputFolder(Path target, Path staging, OutputLock lock) {
        this.target = target;
        this.staging = staging;
        this.lock = lock;
    }

    /**
     * Claims a new output folder, which must be absent or empty, and stages it in a temporary sibling.
     *
     * @param option the option that named it, for messages
     */
    public static OutputFolder fresh(Path out, String option, List<Input> inputs) {
        checkSeparate(out, option, inputs);
        OutputLock lock = OutputLock.acquire(out, option);
        try {
            requireEmpty(out, option);
            return new OutputFolder(out, TempNames.createFolderBeside(out, "partial"), lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Claims a folder that is written where it is (a resumable run); its emptiness is the caller's to check. */
    public static OutputFolder inPlace(Path out, String option, List<Input> inputs) {
        checkSeparate(out, option, inputs);
        return new OutputFolder(out, null, OutputLock.acquire(out, option));
    }

    /** Where the command writes now: the staging folder of a fresh output, else the folder itself. */
    public Path dir() {
        return staging != null ? staging : target;
    }

    /** The folder as the user named it. */
    public Path target() {
        return target;
    }

    /** Where a file written at {@code written} (under {@link #dir()}) lies once the folder is committed. */
    public Path published(Path written) {
        return staging == null ? written : target.resolve(staging.relativize(written));
    }

    /** Moves a fresh folder into place; a no-op for a folder written in place. */
    public void commit() {
        if (staging != null && !committed) {
            try {
                requireEmpty(target, "the output folder");
                if (Files.isDirectory(target)) {
                    Files.delete(target);
                }
                AtomicFiles.move(staging, target);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot move the finished output " + staging + " to " + target + ": "
                        + e.getMessage(), e);
            }
        }
        committed = true;
    }

    /** Removes the staging folder of an output that was not committed, and releases the claim. */
    @Override
    public void close() {
        try {
            if (staging != null && !committed) {
                FileTrees.deleteTree(staging);
            }
        } finally {
            lock.close();
        }
    }

    /** Fails unless {@code dir} is absent or an empty folder, so nothing of the user's is ever written over. */
    public static void requireEmpty(Path dir, String option) {
        requireEmpty(dir, option, "");
    }

    /**
     * As {@link #requireEmpty(Path, String)}, with {@code hint} appended to the "not empty" message.
     */
    public static void requireEmpty(Path dir, String option, String hint) {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new InputException(option + " " + dir + " is a file; expected a new or empty folder");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                throw new InputException(option + " " + dir + " already exists and is not empty; choose another"
                        + " folder" + hint);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** Refuses an output inside an input, or an input inside the output (symbolic links resolved). */
    static void checkSeparate(Path out, String option, List<Input> inputs) {
        Path o = real(out);
        for (Input in : inputs) {
            Path i = real(in.path());
            if (o.startsWith(i)) {
                throw new InputException(option + " " + out + " lies inside " + in.option() + " " + in.path()
                        + "; Penumbra never writes into its inputs: choose an output folder outside it");
            }
            if (i.startsWith(o)) {
                throw new InputException(in.option() + " " + in.path() + " lies inside " + option + " " + out
                        + "; an output folder must not hold the command's inputs: choose another output folder");
            }
        }
    }

    /** The real path of {@code p}: its longest existing prefix with links resolved, then the rest as written. */
    public static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Deque<Path> rest = new ArrayDeque<>();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            rest.push(existing.getFileName());
            existing = existing.getParent();
        }
        Path resolved;
        try {
            resolved = existing == null ? abs.getRoot() : existing.toRealPath();
        } catch (IOException e) {
            resolved = existing;
        }
        while (!rest.isEmpty()) {
            resolved = resolved.resolve(rest.pop());
        }
        return resolved;
    }
}
