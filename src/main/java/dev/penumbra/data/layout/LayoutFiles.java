package dev.penumbra.data.layout;

import dev.penumbra.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** File listing shared by the layouts: sorted, hidden files ignored, anything unexpected an error. */
final class LayoutFiles {

    /** What {@link dev.penumbra.io.ImageFiles} can decode. */
    static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif", "tif", "tiff");

    private LayoutFiles() {
    }

    /** The entries of {@code dir} sorted by name, without hidden ones (names starting with '.'). */
    static List<Path> entries(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new InputException("cannot list folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The images of a part by id, sorted.
     *
     * @throws InputException for a missing or empty images folder, a sub-folder or a file that is not an image,
     *     or two images with one id
     */
    static Map<String, Path> images(Part part) {
        Path dir = part.require("images");
        Map<String, Path> byId = new TreeMap<>();
        for (Path file : entries(dir)) {
            String name = file.getFileName().toString();
            if (Files.isDirectory(file)) {
                throw new InputException("unexpected folder " + part.show(file) + ": images/ must hold image files only");
            }
            if (!IMAGE_EXTENSIONS.contains(extension(name))) {
                throw new InputException("unsupported file " + part.show(file) + " in images/: expected .png, .jpg,"
                        + " .jpeg, .bmp, .gif, .tif or .tiff images (move other files out, or start their name with"
                        + " '.' to hide them)");
            }
            Path before = byId.put(id(name), file);
            if (before != null) {
                throw new InputException("two images with id " + id(name) + ": " + part.show(before) + " and "
                        + part.show(file) + "; keep one");
            }
        }
        if (byId.isEmpty()) {
            throw new InputException(part.describe() + " has no images in " + dir);
        }
        return byId;
    }

    /** The file name without its last extension: {@code LIDC-IDRI-0001_z-120.0_c0.png} gives {@code LIDC-IDRI-0001_z-120.0_c0}. */
    static String id(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 ? fileName : fileName.substring(0, dot);
    }

    /** The lower-case extension without the dot, or "" for none. */
    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
