package dev.penumbra.data.layout;

import dev.penumbra.InputException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A generic layout for any number of annotators: {@code ROOT/{train,val,test}/images/<id>.<ext>} and
 * {@code ROOT/{train,val,test}/masks/<annotator>/<id>.png}. Annotators are the sub-folders of {@code masks/},
 * in name order; every image needs a mask from every annotator. Each image is its own group unless
 * {@code --group-regex} says otherwise.
 */
final class FolderLayout extends SplitFolderLayout {

    FolderLayout() {
        super("folder", "masks");
    }

    @Override
    String fileNaming() {
        return "images/<id>.<png|jpg|...> and masks/<annotator>/<id>.png";
    }

    @Override
    List<SampleFiles> scanPart(Part part, GroupNamer groups) {
        Map<String, Path> images = LayoutFiles.images(part);
        Path folder = part.require(annotationFolder());
        List<String> annotators = new ArrayList<>();
        List<Map<String, Path>> masks = new ArrayList<>();
        for (Path dir : LayoutFiles.entries(folder)) {
            if (!Files.isDirectory(dir)) {
                throw new InputException("unexpected file " + part.show(dir) + ": masks go in one folder per annotator, "
                        + part.show(folder.resolve("<annotator>").resolve(LayoutFiles.id(dir.getFileName().toString())
                        + ".png")));
            }
            annotators.add(dir.getFileName().toString());
            masks.add(annotatorMasks(part, dir, images));
        }
        if (annotators.isEmpty()) {
            throw new InputException(part.show(folder) + " has no annotator folders: expected "
                    + part.show(folder.resolve("<annotator>").resolve("<id>.png")));
        }
        List<SampleFiles> out = new ArrayList<>();
        for (Map.Entry<String, Path> image : images.entrySet()) {
            String id = image.getKey();
            List<Path> files = new ArrayList<>();
            for (int a = 0; a < annotators.size(); a++) {
                Path mask = masks.get(a).get(id);
                if (mask == null) {
                    throw new InputException("image " + part.show(image.getValue()) + " has no annotation from annotator "
                            + annotators.get(a) + ": expected " + part.show(folder.resolve(annotators.get(a))
                            .resolve(id + ".png")));
                }
                files.add(mask);
            }
            out.add(new SampleFiles(id, groups.groupOf(id, part.show(image.getValue())), image.getValue(), files,
                    annotators));
        }
        return out;
    }

    /** The masks of one annotator by image id. */
    private static Map<String, Path> annotatorMasks(Part part, Path dir, Map<String, Path> images) {
        Map<String, Path> byId = new TreeMap<>();
        for (Path file : LayoutFiles.entries(dir)) {
            String name = file.getFileName().toString();
            if (!Files.isRegularFile(file) || !LayoutFiles.extension(name).equals("png")) {
                throw new InputException("unexpected file " + part.show(file) + ": masks are PNG files named <image id>.png");
            }
            String id = LayoutFiles.id(name);
            if (!images.containsKey(id)) {
                throw new InputException("annotation " + part.show(file) + " has no image: expected "
                        + part.show(part.dir().resolve("images").resolve(id + ".png")) + " (or another image type)");
            }
            byId.put(id, file);
        }
        return byId;
    }
}
