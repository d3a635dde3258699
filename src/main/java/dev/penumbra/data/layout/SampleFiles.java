package dev.penumbra.data.layout;

import java.nio.file.Path;
import java.util.List;

/**
 * The files of one sample, found by a {@link DatasetLayout} before anything is decoded.
 *
 * @param id         the image id: the image file name without its extension
 * @param group      the group (patient) the image belongs to; the id when the data has no groups
 * @param image      the image file
 * @param masks      L >= 1 annotation files, in annotator order
 * @param annotators the L annotator names, in the same order (e.g. {@code l0..l3} for LIDC)
 */
public record SampleFiles(String id, String group, Path image, List<Path> masks, List<String> annotators) {

    public SampleFiles {
        if (masks.isEmpty() || masks.size() != annotators.size()) {
            throw new IllegalArgumentException("sample " + id + ": " + masks.size() + " masks for "
                    + annotators.size() + " annotators");
        }
        masks = List.copyOf(masks);
        annotators = List.copyOf(annotators);
    }
}
