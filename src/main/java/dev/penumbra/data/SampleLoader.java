package dev.penumbra.data;

import dev.penumbra.InputException;
import dev.penumbra.data.layout.SampleFiles;
import dev.penumbra.io.ImageFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the files of one sample after another into {@link Sample}s: reads, checks, binarises and resizes. It
 * remembers the first image it read, because every image of a dataset must have that image's channel count.
 */
final class SampleLoader {

    private final Path root;
    private final DataOptions opts;
    private Path firstImage;
    private int channels;

    SampleLoader(Path root, DataOptions opts) {
        this.root = root;
        this.opts = opts;
    }

    /**
     * @return the sample, resized to {@code size x size} by {@code opts.resize()} when {@code opts.size() > 0}
     * @throws InputException for an unreadable file, a channel count unlike the first image's, a mask of another
     *     size than its image, or a mask that is not binary (without {@code --mask-threshold})
     */
    Sample load(SampleFiles files) {
        Image image = ImageFiles.readImage(files.image());
        checkChannels(files.image(), image);
        List<Mask> masks = new ArrayList<>();
        for (Path file : files.masks()) {
            Mask mask = opts.classes() > 2 ? MaskReader.readClasses(file, show(file), opts.classes())
                    : MaskReader.read(file, show(file), opts.maskThreshold());
            if (mask.height() != image.height() || mask.width() != image.width()) {
                throw new InputException("mask " + show(file) + " is " + mask.height() + "x" + mask.width()
                        + " but image " + show(files.image()) + " is " + image.height() + "x" + image.width());
            }
            masks.add(mask);
        }
        int size = opts.size();
        if (size > 0) {
            ResizePolicy policy = opts.resize();
            image = policy.image(image, size);
            masks.replaceAll(m -> policy.mask(m, size));
        }
        // 8-bit values (any 8-bit file read at its own size) are held in a quarter of the heap, reading the same
        return new Sample(files.id(), files.group(), image.compact(), masks);
    }

    private void checkChannels(Path file, Image image) {
        if (firstImage == null) {
            firstImage = file;
            channels = image.channels();
        } else if (image.channels() != channels) {
            throw new InputException(show(file) + " has " + image.channels() + " channels but " + show(firstImage)
                    + " has " + channels + ": every image must have the same number of channels");
        }
    }

    private String show(Path file) {
        return DatasetFiles.relative(root, file);
    }
}
