package dev.penumbra.data.layout;

import java.nio.file.Path;
import java.util.List;

/**
 * The files of one sample, found by a {@link DatasetLayout} before anything is decoded.
 *
 * <p>In a folder layout every image and mask is a file of its own. In a single-file layout ({@link FileLayout},
 * e.g. {@code data_lidc.hdf5}) {@code image} and every entry of {@code masks} are that one file, and {@code row}
 * says where in it the sample lies.
 *
 * @param id         the image id: the image file name without its extension, or what a single-file layout names it
 * @param group      the group (patient) the image belongs to; the id when the data has no groups
 * @param image      the image file
 * @param masks      L >= 1 annotation files, in annotator order
 * @param annotators the L annotator names, in the same order (e.g. {@code l0..l3} for LIDC)
 * @param row        in a single-file layout, the sample's row in its split (the index along the first axis of the
 *                   split's arrays); -1 in a folder layout
 */
public record SampleFiles(String id, String group, Path image, List<Path> masks, List<String> annotators, int row) {

    public SampleFiles {
        if (masks.isEmpty() || masks.size() != annotators.size()) {
            throw new IllegalArgumentException("sample " + id + ": " + masks.size() + " masks for "
                    + annotators.size() + " annotators");
        }
        if (row < -1) {
            throw new IllegalArgumentException("sample " + id + ": row " + row);
        }
        masks = List.copyOf(masks);
        annotators = List.copyOf(annotators);
    }

    /** A sample of a folder layout: one file per image and per mask. */
    public SampleFiles(String id, String group, Path image, List<Path> masks, List<String> annotators) {
        this(id, group, image, masks, annotators, -1);
    }
}
