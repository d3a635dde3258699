package dev.penumbra.io;

import dev.penumbra.InputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * An exclusive claim on an output folder, so that two commands never write one folder at once. The claim is a file
 * {@code .<name>.lock} beside the folder (not inside it: a new run's folder must stay empty until it is written),
 * created atomically and holding the owner's host, process id and start time. A claim whose process is gone on this
 * host (or whose pid now belongs to a process started later) is taken over; a claim from another host is honoured,
 * since its process cannot be checked from here, and the message says which file to remove when it is stale. A
 * process that is asked to end (SIGTERM, as Slurm's {@code scancel} and time limits send it, or Ctrl-C) releases its
 * claims as it exits; only a process killed outright leaves its claim behind.
 */
public final class OutputLock implements AutoCloseable {

    private final Path file;
    private final String owner;
    private final Thread release;

    private OutputLock(Path file, String owner) {
        this.file = file;
        this.owner = owner;
        // a process asked to end releases its claim, so that a task resubmitted on another host may take it
        this.release = new Thread(() -> {
            try {
                removeIfOurs();
            } catch (UncheckedIOException ignored) {
                // exiting anyway; the claim is then taken over as stale on this host
            }
        }, "release " + file.getFileName());
        Runtime.getRuntime().addShutdownHook(release);
    }

    /**
     * Claims {@code folder} for this process.
     *
     * @param option the option that named the folder, for messages (e.g. "--out")
     * @throws InputException when another live process holds it
     */
    public static OutputLock acquire(Path folder, String option) {
        return claim(file(folder, "", option + " " + folder), option + " " + folder);
    }

    /**
     * Claims {@code folder} under a claim of its own kind, {@code .<name>.<kind>.lock}, independent of the claim of
     * {@link #acquire(Path, String)}: e.g. a study's task holds its unit while the training it runs claims the same
     * folder as a run.
     *
     * @param subject what is claimed, for messages (e.g. "unit train/softmax of the study in DIR")
     * @throws InputException when another live process holds it
     */
    public static OutputLock acquire(Path folder, String kind, String subject) {
        return claim(file(folder, "." + kind, subject), subject);
    }

    /**
     * Who holds the claim of {@code kind} on {@code folder}: its host, pid and start time on one line, or empty
     * when nobody does (no claim, or one whose process is gone on this host). A claim from another host counts as
     * held.
     */
    public static Optional<String> holder(Path folder, String kind) {
        try {
            return read(file(folder, "." + kind, folder.toString())).filter(OutputLock::isLive)
                    .map(h -> h.strip().replace('\n', ' '));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lock file of " + folder + ": " + e.getMessage(), e);
        }
    }

    private static Path file(Path folder, String kind, String subject) {
        Path abs = folder.toAbsolutePath().normalize();
        if (abs.getFileName() == null) {
            throw new InputException(subject + " is the root of the file system; expected a folder to write into");
        }
        return abs.resolveSibling("." + TempNames.cut(abs.getFileName().toString()) + kind + ".lock");
    }

    private static OutputLock claim(Path file, String subject) {
        String me = describe(ProcessHandle.current());
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                try {
                    createWithContent(file, me);
                    return new OutputLock(file, me);
                } catch (FileAlreadyExistsException held) {
                    Optional<String> holder = read(file);
                    if (holder.isPresent() && isLive(holder.get())) {
                        throw new InputException(subject + " is in use by another Penumbra command ("
                                + holder.get().strip().replace('\n', ' ') + "); wait for it to end, or, if that"
                                + " process is gone, remove " + file);
                    }
                    holder.ifPresent(stale -> takeOver(file, stale));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the lock file " + file + ": " + e.getMessage(), e);
        }
        throw new InputException(subject + " is being claimed by other processes at this moment (lock file " + file
                + "); try again");
    }

    /**
     * Creates {@code file} holding {@code content}, failing when it exists, so that no reader ever sees an empty
     * claim: the content goes to a temporary file first, which is then hard-linked under the lock's name (atomic, and
     * refused when the name exists). Where hard links are not supported, the file is created and then written.
     */
    private static void createWithContent(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(TempNames.beside(file, "tmp"));
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        try {
            Files.createLink(file, tmp);
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException noLinks) {
            if (noLinks instanceof FileAlreadyExistsException taken) {
                throw taken;
            }
            Files.writeString(Files.createFile(file), content, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Releases the claim (removes the lock file if it is still ours). */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(release);
        } catch (IllegalStateException exiting) {
            // the hook is running or about to: it removes the file
        }
        removeIfOurs();
    }

    private void removeIfOurs() {
        try {
            if (read(file).filter(owner::equals).isPresent()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the lock file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The lock file's path. */
    public Path file() {
        return file;
    }

    private static String describe(ProcessHandle p) {
        return "host " + host() + "\npid " + p.pid() + "\nstarted " + p.info().startInstant().map(Instant::toString)
                .orElse("unknown") + "\n";
    }

    /** Whether the process a lock file names still runs: always true for another host (it cannot be checked). */
    static boolean isLive(String holder) {
        String host = field(holder, "host");
        if (host == null) {
            return false; // not a claim of ours: damaged or empty, so no process can be relying on it
        }
        if (!host.equals(host())) {
            return true;
        }
        long pid;
        try {
            pid = Long.parseLong(field(holder, "pid"));
        } catch (NumberFormatException | NullPointerException e) {
            return false;
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        if (p.isEmpty() || !p.get().isAlive()) {
            return false;
        }
        String started = field(holder, "started");
        return started == null || started.equals("unknown")
                || started.equals(p.get().info().startInstant().map(Instant::toString).orElse("unknown"));
    }

    private static void takeOver(Path file, String stale) {
        // only remove the file if it still holds the stale claim we judged; another taker may have been faster
        try {
            if (read(file).filter(stale::equals).isPresent()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the stale lock file " + file + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> read(Path file) throws IOException {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (java.nio.charset.MalformedInputException garbage) {
            return Optional.of("");
        }
    }

    private static String field(String holder, String name) {
        for (String line : holder.split("\n")) {
            if (line.startsWith(name + " ")) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return null;
    }

    private static String host() {
        return Host.NAME;
    }

    /** This machine's name, looked up once. */
    private static final class Host {
        static final String NAME = lookUp();

        private static String lookUp() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                return "localhost";
            }
        }
    }
}
