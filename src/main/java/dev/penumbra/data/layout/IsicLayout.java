package dev.penumbra.data.layout;

import dev.penumbra.InputException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ISIC 2018 as the paper's authors arranged it: {@code ROOT/{train,val,test}/images/<id>.jpg} (or .png) and
 * {@code ROOT/{train,val,test}/segmentations/<id>_segmentation.png}; one annotation per image, annotator
 * {@code segmentation}. Each image is its own group unless {@code --group-regex} says otherwise.
 */
final class IsicLayout extends SplitFolderLayout {

    private static final String SUFFIX = "_segmentation.png";
    private static final Pattern MASK = Pattern.compile("^(.*)" + Pattern.quote(SUFFIX) + "$");

    IsicLayout() {
        super("isic", "segmentations");
    }

    @Override
    String fileNaming() {
        return "images/<id>.jpg and segmentations/<id>" + SUFFIX;
    }

    @Override
    List<SampleFiles> scanPart(Part part, GroupNamer groups) {
        Map<String, Path> images = LayoutFiles.images(part);
        Path folder = part.require(annotationFolder());
        Map<String, Path> masks = new TreeMap<>();
        for (Path file : LayoutFiles.entries(folder)) {
            Matcher m = MASK.matcher(file.getFileName().toString());
            if (!m.matches() || !Files.isRegularFile(file)) {
                throw new InputException("unexpected file " + part.show(file) + ": annotations are named <image id>"
                        + SUFFIX);
            }
            if (!images.containsKey(m.group(1))) {
                throw new InputException("annotation " + part.show(file) + " has no image: expected "
                        + part.show(part.dir().resolve("images").resolve(m.group(1) + ".jpg")) + " (or .png)");
            }
            masks.put(m.group(1), file);
        }
        List<SampleFiles> out = new ArrayList<>();
        for (Map.Entry<String, Path> image : images.entrySet()) {
            String id = image.getKey();
            Path mask = masks.get(id);
            if (mask == null) {
                throw new InputException("image " + part.show(image.getValue()) + " has no annotation: expected "
                        + part.show(folder.resolve(id + SUFFIX)));
            }
            out.add(new SampleFiles(id, groups.groupOf(id, part.show(image.getValue())), image.getValue(),
                    List.of(mask), List.of("segmentation")));
        }
        return out;
    }
}
