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

    private static DataFingerprint digest(List<String> lines, long bytes) {
        List<String> sorted = new ArrayList<>(lines);
        sorted.sort(null);
        MessageDigest sha = newDigest();
        for (String line : sorted) {
            sha.update((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return new DataFingerprint(HexFormat.of().formatHex(sha.digest()), sorted.size(), bytes);
    }

    /** What differs from {@code before}, for a message: the counts when they differ, else that files changed. */
    public String differenceFrom(DataFingerprint before) {
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
