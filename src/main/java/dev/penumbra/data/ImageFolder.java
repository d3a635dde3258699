package dev.penumbra.data;

import dev.penumbra.InputException;
import dev.penumbra.io.ImageFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A plain folder of images without annotations, e.g. new cases, or a dataset's {@code images/} folder. Only the
 * files directly in the folder count: subfolders are not searched (a dataset's root, whose images lie in
 * {@code <split>/images/}, is refused with a pointer to them). Hidden files (names starting with '.') are ignored;
 * beside images, any other file that is not a .png, .jpg, .jpeg, .bmp, .gif, .tif or .tiff image is an error, so
 * that nothing the user meant to predict (a .dcm, a .jp2) is skipped silently.
 *
 * @param dir    the folder as given
 * @param option the option that named it, for messages (e.g. {@code --images})
 * @param images the image files by id (file name without extension), sorted by id
 */
public record ImageFolder(Path dir, String option, Map<String, Path> images) {

    /** The file types read, by lower-case extension: those {@link ImageFiles} decodes. */
    public static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif", "tif", "tiff");

    /**
     * Lists the images of {@code dir}; reads no pixels.
     *
     * @throws InputException when {@code dir} does not exist, is not a folder, holds no images, holds a file that is
     *     not an image, or two images with one id
     */
    public static ImageFolder scan(Path dir, String option) {
        if (!Files.exists(dir)) {
            throw new InputException(option + " " + dir + ": no such folder");
        }
        if (!Files.isDirectory(dir)) {
            throw new InputException(option + " " + dir + " is a file, not a folder: give the folder that holds the"
                    + " images");
        }
        Map<String, Path> byId = new TreeMap<>();
        List<String> subfolders = new ArrayList<>();
        List<Path> others = new ArrayList<>();
        for (Path entry : entries(dir)) {
            String name = entry.getFileName().toString();
            if (Files.isDirectory(entry)) {
                subfolders.add(name);
                continue;
            }
            int dot = name.lastIndexOf('.');
            String extension = dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
            if (!EXTENSIONS.contains(extension)) {
                others.add(entry);
                continue;
            }
            Path before = byId.put(name.substring(0, dot), entry);
            if (before != null) {
                throw new InputException(option + ": two images with id " + name.substring(0, dot) + ": " + before
                        + " and " + entry + "; each image's outputs go to a folder named by its id, so keep one");
            }
        }
        if (byId.isEmpty()) {
            throw new InputException(option + " " + dir + " holds no images (.png, .jpg, .jpeg, .bmp, .gif, .tif or"
                    + " .tiff)" + (others.isEmpty() ? "" : "; its " + others.size() + " other file(s), e.g. "
                    + others.get(0).getFileName() + ", are not images Penumbra reads")
                    + (subfolders.isEmpty() ? "" : "; subfolders are not searched, and it has "
                    + String.join(", ", subfolders) + ": give the folder of images itself"
                    + imagesFolderBelow(dir).map(f -> ", e.g. " + option + " " + f).orElse("")));
        }
        if (!others.isEmpty()) {
            throw new InputException(option + ": unsupported file " + others.get(0) + ": expected .png, .jpg, .jpeg,"
                    + " .bmp, .gif, .tif or .tiff images (move other files out, or start their name with '.' to hide"
                    + " them)");
        }
        return new ImageFolder(dir, option, byId);
    }

    /** The fingerprint of the folder's images: names, sizes and modification times (see {@link DataFingerprint}). */
    public DataFingerprint fingerprint() {
        return DataFingerprint.ofFiles(dir, List.copyOf(images.values()));
    }

    /**
     * Decodes every image and resizes it to the model's size, checking the channel count of each.
     *
     * @param channels the model's input channels C
     * @param height   the model's image height H, in pixels
     * @param width    the model's image width W, in pixels
     * @param run      what the model is called in messages, e.g. "the run runs/softmax"
     * @return the images in id order, each C x H x W
     * @throws InputException for a file that cannot be decoded, or one with another channel count than C
     */
    public List<UnannotatedImage> read(int channels, int height, int width, String run) {
        List<UnannotatedImage> out = new ArrayList<>(images.size());
        for (Map.Entry<String, Path> e : images.entrySet()) {
            Image image = ImageFiles.readImage(e.getValue());
            if (image.channels() != channels) {
                throw new InputException("image " + e.getValue() + " has " + count(image.channels()) + " but "
                        + run + " was trained on " + kind(channels) + " images (" + channels + (channels == 1 ? " channel" : " channels")
                        + "): convert"
                        + " the image to " + kind(channels) + ", or use a run trained on " + kind(image.channels())
                        + " images");
            }
            out.add(new UnannotatedImage(e.getKey(), e.getValue(), image.height(), image.width(),
                    Resize.bilinear(image, height, width)));
        }
        return out;
    }

    private static String count(int channels) {
        return channels == 1 ? "1 channel (grey)" : channels == 3 ? "3 channels (colour)" : channels + " channels";
    }

    private static String kind(int channels) {
        return channels == 1 ? "grey" : channels == 3 ? "colour" : channels + "-channel";
    }

    /** For the message: a dataset's images folder below {@code dir}, the test split's where there is one. */
    private static Optional<Path> imagesFolderBelow(Path dir) {
        try (Stream<Path> s = Files.find(dir, 4, (p, a) -> a.isDirectory() && p.getFileName().toString()
                .equals("images"))) {
            List<Path> found = s.sorted().toList();
            return found.stream().filter(p -> p.getParent().getFileName().toString().equals("test")).findFirst()
                    .or(() -> found.stream().findFirst());
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static List<Path> entries(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new InputException("cannot list folder " + dir + ": " + e.getMessage(), e);
        }
    }
}
