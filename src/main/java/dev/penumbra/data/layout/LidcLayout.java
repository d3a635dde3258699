package dev.penumbra.data.layout;

import dev.penumbra.InputException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * LIDC-IDRI crops as the paper's authors arranged them:
 * {@code ROOT/LIDC_crops/LIDC_DLCV_version/{train,val,test}/images/<id>.png} and
 * {@code .../{train,val,test}/lesions/<id>_l<k>.png}, k = 0..L-1, one file per annotator ({@code l0..l3}).
 * ROOT may also be {@code LIDC_crops} or {@code LIDC_DLCV_version} itself.
 *
 * <p>An annotation belongs to the image whose id is exactly the part before {@code _l<k>.png}; ids are never
 * matched by prefix, because {@code 12.png} would then claim {@code 123_l0.png}. Every image of a split must
 * have the same annotators {@code l0..l(L-1)} without gaps. The group (patient) is the {@code LIDC-IDRI-NNNN}
 * prefix of the id.
 */
final class LidcLayout extends SplitFolderLayout {

    private static final String CROPS = "LIDC_crops";
    private static final String VERSION = "LIDC_DLCV_version";
    private static final Pattern LESION = Pattern.compile("^(.*)_l(\\d+)\\.png$");
    private static final Pattern PATIENT = Pattern.compile("^(LIDC-IDRI-\\d+)");

    LidcLayout() {
        super("lidc", "lesions");
    }

    @Override
    String fileNaming() {
        return "images/<id>.png and lesions/<id>_l<k>.png";
    }

    @Override
    Optional<Pattern> defaultGroup() {
        return Optional.of(PATIENT);
    }

    /** The first of ROOT/LIDC_crops/LIDC_DLCV_version, ROOT/LIDC_DLCV_version and ROOT that holds lesions. */
    @Override
    Path dataRoot(Path root) {
        List<Path> candidates = List.of(root.resolve(CROPS).resolve(VERSION), root.resolve(VERSION), root);
        return candidates.stream().filter(this::hasAnnotationFolder).findFirst()
                .orElseGet(() -> candidates.stream().filter(Files::isDirectory).findFirst().orElse(root));
    }

    @Override
    public String expected(Path root) {
        Path data = root.resolve(CROPS).resolve(VERSION);
        return data.resolve("{train,val,test}") + "/" + fileNaming() + " (ROOT may also be the " + CROPS + " or "
                + VERSION + " folder, and the split folders may be left out to split by patient)";
    }

    @Override
    List<SampleFiles> scanPart(Part part, GroupNamer groups) {
        Map<String, Path> images = LayoutFiles.images(part);
        Map<String, TreeMap<Integer, Path>> lesions = lesionsById(part, images);
        Map<Integer, Integer> imagesPerCount = new HashMap<>();
        for (Map.Entry<String, Path> image : images.entrySet()) {
            TreeMap<Integer, Path> found = lesions.get(image.getKey());
            checkIndices(part, image.getValue(), found);
            imagesPerCount.merge(found.size(), 1, Integer::sum);
        }
        int usual = usualCount(imagesPerCount);
        List<SampleFiles> out = new ArrayList<>();
        for (Map.Entry<String, Path> image : images.entrySet()) {
            String id = image.getKey();
            TreeMap<Integer, Path> found = lesions.get(id);
            if (found.size() != usual) {
                throw new InputException("image " + part.show(image.getValue()) + " has " + found.size()
                        + " annotations (" + range(found.size()) + ") but most images of " + part.describe()
                        + " have " + usual + " (" + range(usual) + ")");
            }
            List<String> names = IntStream.range(0, usual).mapToObj(k -> "l" + k).toList();
            out.add(new SampleFiles(id, groups.groupOf(id, part.show(image.getValue())), image.getValue(),
                    List.copyOf(found.values()), names));
        }
        return out;
    }

    /** Every lesion file, parsed as {@code <id>_l<k>.png} and looked up by exact id. */
    private Map<String, TreeMap<Integer, Path>> lesionsById(Part part, Map<String, Path> images) {
        Map<String, TreeMap<Integer, Path>> byId = new HashMap<>();
        for (Path file : LayoutFiles.entries(part.require(annotationFolder()))) {
            Matcher m = LESION.matcher(file.getFileName().toString());
            if (!m.matches() || !Files.isRegularFile(file)) {
                throw new InputException("unexpected file " + part.show(file)
                        + ": lesion annotations are named <image id>_l<k>.png, k = 0, 1, ...");
            }
            String id = m.group(1);
            if (!images.containsKey(id)) {
                throw new InputException("annotation " + part.show(file) + " has no image: expected "
                        + part.show(part.dir().resolve("images").resolve(id + ".png")));
            }
            int k = index(part, file, m.group(2));
            Path before = byId.computeIfAbsent(id, x -> new TreeMap<>()).put(k, file);
            if (before != null) {
                throw new InputException("annotations " + part.show(before) + " and " + part.show(file)
                        + " are both annotator l" + k + " of image " + id);
            }
        }
        return byId;
    }

    private static int index(Part part, Path file, String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new InputException("annotation " + part.show(file) + " has annotator index " + digits
                    + ": expected a small number k in <image id>_l<k>.png", e);
        }
    }

    /** The indices must be exactly 0..L-1: a gap means a lost file, and annotators would shift silently. */
    private void checkIndices(Part part, Path image, TreeMap<Integer, Path> found) {
        String id = LayoutFiles.id(image.getFileName().toString());
        if (found == null || found.isEmpty()) {
            throw new InputException("image " + part.show(image) + " has no annotation: expected "
                    + part.show(part.dir().resolve(annotationFolder()).resolve(id + "_l0.png")) + ", " + id + "_l1.png, ...");
        }
        int last = found.lastKey();
        if (last != found.size() - 1) {
            String missing = IntStream.rangeClosed(0, last).filter(k -> !found.containsKey(k))
                    .mapToObj(k -> "l" + k).collect(Collectors.joining(", "));
            throw new InputException("image " + part.show(image) + " has annotations "
                    + found.keySet().stream().map(k -> "l" + k).collect(Collectors.joining(", "))
                    + ": expected " + range(last + 1) + " without gaps (missing " + missing + ")");
        }
    }

    /** The most common annotation count; on a tie the larger, so that a lost file is what gets reported. */
    private static int usualCount(Map<Integer, Integer> imagesPerCount) {
        return imagesPerCount.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow().getKey();
    }

    private static String range(int count) {
        return count == 1 ? "l0" : "l0..l" + (count - 1);
    }
}
