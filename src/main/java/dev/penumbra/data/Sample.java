package dev.penumbra.data;

import java.util.List;

/**
 * One image with its L >= 1 annotations.
 *
 * @param id    the image id (file name without extension), unique within a dataset
 * @param group the group used for splits (the patient); equals {@code id} when the data has no groups
 * @param image C x H x W, floats in [0, 1]
 * @param masks L binary masks of H x W, one per annotator, in annotator order
 */
public record Sample(String id, String group, Image image, List<Mask> masks) {

    public Sample {
        if (masks.isEmpty()) {
            throw new IllegalArgumentException("sample " + id + " has no annotation");
        }
        for (Mask m : masks) {
            if (m.height() != image.height() || m.width() != image.width()) {
                throw new IllegalArgumentException("sample " + id + ": mask is " + m.height() + "x" + m.width()
                        + " but image is " + image.height() + "x" + image.width());
            }
        }
        masks = List.copyOf(masks);
    }

    public int annotators() {
        return masks.size();
    }
}
