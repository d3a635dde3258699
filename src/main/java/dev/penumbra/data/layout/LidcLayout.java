package dev.penumbra.data.layout;

import dev.penumbra.InputException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * LIDC-IDRI crops as the paper's authors arranged them:
 * {@code ROOT/LIDC_crops/LIDC_DLCV_version/{train,val,test}/images/<id>.png} and
 * {@code .../{train,val,test}/lesions/<id>_l<k>.png}, k = 0..L-1, one file per annotator ({@code l0..l3}).
 * ROOT may also be {@code LIDC_crops} or {@code LIDC_DLCV_version} itself.
 *
 * <p>Annotations pair with images by {@link AnnotatorIndex}'s rules: exact ids, never a prefix; every image of a
 * split with the same annotators {@code l0..l(L-1)}, without gaps. The group (patient) is the
 * {@code LIDC-IDRI-NNNN} prefix of the id.
 */
final class LidcLayout extends SplitFolderLayout {

    private static final String CROPS = "LIDC_crops";
    private static final String VERSION = "LIDC_DLCV_version";
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
        AnnotatorIndex lesions = new AnnotatorIndex(part);
        for (Path file : LayoutFiles.entries(part.require(annotationFolder()))) {
            AnnotatorIndex.Name name = lesions.parse(file);
            if (!images.containsKey(name.stem())) {
                throw new InputException("annotation " + part.show(file) + " has no image: expected "
                        + part.show(part.dir().resolve("images").resolve(name.stem() + ".png")));
            }
            lesions.put(name.stem(), name.annotator(), file);
        }
        Map<String, List<Path>> paired = lesions.pair(images,
                id -> part.dir().resolve(annotationFolder()).resolve(id + "_l0.png"));
        List<SampleFiles> out = new ArrayList<>();
        for (Map.Entry<String, Path> image : images.entrySet()) {
            List<Path> masks = paired.get(image.getKey());
            out.add(new SampleFiles(image.getKey(), groups.groupOf(image.getKey(), part.show(image.getValue())),
                    image.getValue(), masks, AnnotatorIndex.names(masks.size())));
        }
        return out;
    }
}
