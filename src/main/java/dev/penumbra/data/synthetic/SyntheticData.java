package dev.penumbra.data.synthetic;

import dev.penumbra.InputException;
import dev.penumbra.data.Split;
import dev.penumbra.io.AtomicFiles;
import dev.penumbra.io.FileTrees;
import dev.penumbra.io.TempNames;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Writes a synthetic data set in the on-disk layout of the real one, so that the ordinary loaders read it:
 * <ul>
 *   <li>{@link SyntheticKind#AMBIGUOUS}: {@code out/LIDC_crops/LIDC_DLCV_version/{train,val,test}/} with
 *       {@code images/SYN-0007_c0.png} (8-bit grey; five digits from 10,000 images on: {@link #idDigits}),
 *       {@code lesions/SYN-0007_c0_l0.png .. _l3.png} (0/255) and
 *       {@code truth/SYN-0007_c0_pax.png} (the true p(a|x) as 16-bit grey, p * 65535);</li>
 *   <li>{@link SyntheticKind#UNAMBIGUOUS}: {@code out/{train,val,test}/images/ISIC_0000007.png} (RGB; PNG, not
 *       the real set's JPEG, so the bytes are reproducible) and
 *       {@code segmentations/ISIC_0000007_segmentation.png} (0/255);</li>
 *   <li>both: {@code out/synthetic.json}, the {@link SyntheticManifest}.</li>
 * </ul>
 * Images are numbered through train, val and test in turn, one patient per LIDC crop, so ids never repeat across
 * splits. Each image's content depends only on the seed, its split and its index in the split.
 */
public final class SyntheticData {

    /** Where the LIDC crops layout keeps its split folders, below the data set root. */
    static final Path LIDC_SPLITS = Path.of("LIDC_crops", "LIDC_DLCV_version");

    private SyntheticData() {
    }

    /**
     * Generates the data set into {@code out}, or reuses {@code out} if it already holds exactly this data set.
     * The files appear all at once: they are written to a temporary sibling folder that is then moved into place.
     *
     * @return the manifest of the data set now in {@code out}
     * @throws InputException if {@code out} is a file, or a non-empty folder that this method did not make with
     *                        these settings; nothing in it is touched
     */
    public static SyntheticManifest write(SyntheticKind kind, SyntheticOptions opts, Path out) {
        SyntheticManifest manifest = SyntheticManifest.of(kind, opts);
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) {
                throw new InputException("output " + out + " is a file, not a folder; choose another --out");
            }
            if (!isEmpty(target)) {
                return reuseOrRefuse(target, out, manifest);
            }
        }
        Path tmp = TempNames.createFolderBeside(target, "partial");
        SyntheticManifest result;
        try {
            generate(kind, opts, tmp);
            manifest.write(tmp);
            result = moveIntoPlace(tmp, target, out, manifest);
        } catch (RuntimeException e) {
            try {
                FileTrees.deleteTree(tmp);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup); // the first failure is the one to report
            }
            throw e;
        }
        FileTrees.deleteTree(tmp); // still there only when another run finished the same data set first
        return result;
    }

    /** Images are independent (own seed, own files), so they are made in parallel without changing a byte. */
    private static void generate(SyntheticKind kind, SyntheticOptions opts, Path root) {
        List<Runnable> jobs = new ArrayList<>();
        int total = opts.train() + opts.val() + opts.test();
        int number = 0;
        for (Split split : Split.values()) {
            for (int i = 0; i < opts.count(split); i++, number++) {
                long seed = Seeds.forImage(opts.seed(), split, i);
                jobs.add(job(kind, opts.size(), split, number, idDigits(total), seed, root));
            }
        }
        // Failures are collected rather than thrown, so that every job has stopped writing before the caller
        // deletes the temporary folder.
        List<RuntimeException> failures = Collections.synchronizedList(new ArrayList<>());
        jobs.parallelStream().forEach(job -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        });
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    /**
     * Digits of the ambiguous data's patient numbers: four ({@code SYN-0007}) up to 10,000 images, as many as the
     * largest number needs beyond, so that the ids of one data set have one width and sort in order.
     */
    static int idDigits(int images) {
        return Math.max(4, String.valueOf(images - 1).length());
    }

    private static Runnable job(SyntheticKind kind, int size, Split split, int number, int digits, long seed,
                                Path root) {
        return switch (kind) {
            case AMBIGUOUS -> () -> {
                String patient = String.format(Locale.ROOT, "SYN-%0" + digits + "d", number);
                LidcScene.generate(patient + "_c0", patient, size, new SplittableRandom(seed))
                        .write(root.resolve(LIDC_SPLITS).resolve(split.folder()));
            };
            case UNAMBIGUOUS -> () -> IsicScene.generate(String.format(Locale.ROOT, "ISIC_%07d", number), size,
                    new SplittableRandom(seed)).write(root.resolve(split.folder()));
        };
    }

    private static SyntheticManifest reuseOrRefuse(Path target, Path out, SyntheticManifest manifest) {
        Optional<SyntheticManifest> found = SyntheticManifest.read(target);
        if (found.isPresent() && found.get().equals(manifest)) {
            return manifest;
        }
        throw new InputException("output folder " + out + " is not empty and was not made by make-synthetic"
                + " with these settings; choose another --out");
    }

    /**
     * Renames the finished folder onto {@code target}. The rename replaces an empty folder but fails on a non-empty
     * one, so data that appeared there meanwhile (say, from a second run) is never overwritten.
     */
    private static SyntheticManifest moveIntoPlace(Path tmp, Path target, Path out, SyntheticManifest manifest) {
        try {
            AtomicFiles.move(tmp, target);
            return manifest;
        } catch (IOException e) {
            if (Files.isDirectory(target) && !isEmpty(target)) {
                return reuseOrRefuse(target, out, manifest);
            }
            throw new UncheckedIOException("cannot move " + tmp + " to " + target + ": " + e.getMessage(), e);
        }
    }

    private static boolean isEmpty(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }
}
