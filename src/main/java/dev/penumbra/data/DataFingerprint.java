package dev.penumbra.data;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.penumbra.data.layout.SampleFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the files of a dataset looked like, cheaply: a SHA-256 over the sorted lines "split, name relative to the
 * data folder, size, modification time" of every image and mask a run reads. A file added, removed, renamed,
 * resized or touched changes it; the pixels are not read. Modification times count in whole seconds, so a copy
 * that keeps times (cp -p, rsync -a) keeps the fingerprint. A built-in synthetic dataset is generated again,
 * identically, whenever its cache is gone, so its fingerprint leaves the times out.
 *
 * <p>A dataset that is one file ({@code data_lidc.hdf5}) is fingerprinted by the line "file name, size,
 * modification time" of that file, plus one line "split, id, row" per sample: the samples that a scan of the file
 * found, which come from its structure (row counts, patient ids) and so change with a file rewritten to the same
 * size within a second. The pixels are not read (a SHA-256 over the published file's 3 GB would take seconds at
 * every start and resume); as for folders, a copy that keeps times keeps the fingerprint, and the file's folder may
 * move. {@code files} is then 1 and {@code bytes} the file's size.
 *
 * @param sha256 the digest, in hex
 * @param files  images and masks counted
 * @param bytes  their total size
 */
public record DataFingerprint(@JsonProperty(required = true) String sha256, int files, long bytes) {

    /** The fingerprint of the files that {@code data} read with {@code options} consists of. */
    public static DataFingerprint of(String data, DataOptions options) {
        DatasetFiles found = DatasetReader.scan(DataSource.resolve(data), options);
        return of(found, !DataSource.SYNTHETIC.containsKey(data));
    }

    /** The fingerprint of {@code found}; with {@code withTimes}, modification times count. */
    public static DataFingerprint of(DatasetFiles found, boolean withTimes) {
        if (found.singleFile()) {
            return ofFile(found, withTimes);
        }
        List<String> lines = new ArrayList<>();
        long bytes = 0;
        for (Split split : Split.values()) {
            for (SampleFiles sample : found.split(split)) {
                List<Path> paths = new ArrayList<>(sample.masks());
                paths.add(0, sample.image());
                for (Path p : paths) {
                    BasicFileAttributes a = attributes(p);
                    bytes += a.size();
                    lines.add(split + "\t" + DatasetFiles.relative(found.root(), p) + "\t" + a.size()
                            + (withTimes ? "\t" + a.lastModifiedTime().to(TimeUnit.SECONDS) : ""));
                }
            }
        }
        return digest(lines, bytes);
    }

    /**
     * The fingerprint of a plain folder of files (images without annotations): the same digest over the sorted
     * lines "name relative to {@code root}, size, modification time", without a split.
     */
    public static DataFingerprint ofFiles(Path root, List<Path> files) {
        List<String> lines = new ArrayList<>();
        long bytes = 0;
        for (Path p : files) {
            BasicFileAttributes a = attributes(p);
            bytes += a.size();
            lines.add(DatasetFiles.relative(root, p) + "\t" + a.size() + "\t"
                    + a.lastModifiedTime().to(TimeUnit.SECONDS));
        }
        return digest(lines, bytes);
    }

    /** The fingerprint of a single-file dataset: the file's name, size and time, and the samples found in it. */
    private static DataFingerprint ofFile(DatasetFiles found, boolean withTimes) {
        Path file = found.root();
        BasicFileAttributes a = attributes(file);
        List<String> lines = new ArrayList<>();
        lines.add("file\t" + file.getFileName() + "\t" + a.size()
                + (withTimes ? "\t" + a.lastModifiedTime().to(TimeUnit.SECONDS) : ""));
        for (Split split : Split.values()) {
            for (SampleFiles sample : found.split(split)) {
                lines.add(split + "\t" + sample.id() + "\t" + sample.row());
            }
        }
        return new DataFingerprint(sha256(lines), 1, a.size());
    }

    private static DataFingerprint digest(List<String> lines, long bytes) {
        return new DataFingerprint(sha256(lines), lines.size(), bytes);
    }

    /** SHA-256 in hex over the lines in sorted order, each ending in a newline. */
    private static String sha256(List<String> lines) {
        List<String> sorted = new ArrayList<>(lines);
        sorted.sort(null);
        MessageDigest sha = newDigest();
        for (String line : sorted) {
            sha.update((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** What differs from {@code before}, for a message: the counts when they differ, else that files changed. */
    public String differenceFrom(DataFingerprint before) {
        if (files == 1 && before.files == 1 && before.bytes == bytes) {
            return "its file has the same size (" + bytes + " bytes) but was replaced or touched, or holds other"
                    + " images";
        }
        if (before.files != files) {
            return "it now has " + files + " image and mask files, the run's data had " + before.files;
        }
        if (before.bytes != bytes) {
            return "it has as many files (" + files + ") but they now hold " + bytes + " bytes, not " + before.bytes;
        }
        return "it has as many files (" + files + ") of the same total size, but some were renamed, replaced or"
                + " touched";
    }

    private static BasicFileAttributes attributes(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the attributes of " + p + ": " + e.getMessage(), e);
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
