package dev.penumbra.data.layout;

import dev.penumbra.data.DataOptions;
import dev.penumbra.data.Split;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One way of arranging images and annotations on disk. A layout only finds and pairs files; decoding and checking
 * pixels is {@link dev.penumbra.data.DatasetReader}'s job, so a new layout is just a file-naming convention. The
 * exception is a dataset that is one file ({@link FileLayout}), which decodes its own samples.
 */
public interface DatasetLayout {

    /** The short name that {@code --layout} takes, e.g. {@code isic}. */
    String name();

    /** Whether {@code root} looks like this layout; reads folder names only (a {@link FileLayout}: its signature). */
    boolean recognises(Path root);

    /** What this layout expects to find below {@code root}, for messages, e.g. "ROOT/train/images and ...". */
    String expected(Path root);

    /**
     * Finds every image and its annotation files and checks that they pair up.
     *
     * @return all three splits, each non-empty and sorted by id; made by a seeded group-wise split when the data
     *     has no split folders
     * @throws dev.penumbra.InputException naming the first file or folder that does not fit the layout
     */
    Map<Split, List<SampleFiles>> scan(Path root, DataOptions opts);
}
