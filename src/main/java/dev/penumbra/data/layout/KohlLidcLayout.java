package dev.penumbra.data.layout;

import dev.penumbra.InputException;
import dev.penumbra.data.Split;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The LIDC-IDRI crops that Kohl et al. published with the Hierarchical Probabilistic U-Net (180 x 180 PNGs, four
 * graders), as their archives {@code lidc_crops_train.tar.gz}, {@code lidc_crops_val.tar.gz} and
 * {@code lidc_crops_test.tar.gz} unpack: one folder per patient below {@code images/} and {@code gt/},
 * <pre>
 *   ROOT/lidc_crops_train/train/images/&lt;patient&gt;/&lt;crop&gt;.png
 *   ROOT/lidc_crops_train/train/gt/&lt;patient&gt;/&lt;crop&gt;_l0.png ... _l3.png     (and val, test alike)
 * </pre>
 * The split folders may also lie directly in ROOT ({@code ROOT/train/images/...}), or be left out
 * ({@code ROOT/images}, {@code ROOT/gt}) to split by patient with the seeded group-wise split.
 *
 * <p>This arrangement is the one public code reads: google-deepmind/deepmind-research,
 * {@code hierarchical_probabilistic_unet/HPU_Net.ipynb} (a patient folder's images, their ground truth at the same
 * path with {@code images} replaced by {@code gt} and {@code .png} by {@code _l<k>.png}, k = 0..3, crops of 180 x 180);
 * and EliasKassapis/CARSSS, {@code data/LIDC.py} ({@code lidc_crops_<split>/<split>/images/<patient>/...} and
 * {@code .../gt/<patient>/...}, masks of 0 and 255).
 *
 * <p>A crop's file names repeat across patients (e.g. {@code z-105.0_c0.png}), so the sample id is
 * {@code <patient>_<crop>}, as in the seed paper's {@code LIDC-IDRI-0001_z-120.0_c0}. The group is the patient
 * folder, unless {@code --group-regex} names it from the id. Annotations pair with images by
 * {@link AnnotatorIndex}'s rules, within the same patient folder.
 */
final class KohlLidcLayout extends SplitFolderLayout {

    private static final String ARCHIVE = "lidc_crops_";

    KohlLidcLayout() {
        super("lidc-kohl", "gt");
    }

    @Override
    String fileNaming() {
        return "images/<patient>/<crop>.png and gt/<patient>/<crop>_l<k>.png";
    }

    /** {@code data/lidc_crops_<split>/<split>} when the archive was unpacked there, else {@code data/<split>}. */
    @Override
    Path splitFolder(Path data, Split s) {
        Path unpacked = data.resolve(ARCHIVE + s.folder()).resolve(s.folder());
        return Files.isDirectory(unpacked) ? unpacked : data.resolve(s.folder());
    }

    @Override
    public String expected(Path root) {
        return root.resolve(ARCHIVE + "{train,val,test}/{train,val,test}") + "/" + fileNaming()
                + " (as Kohl et al.'s archives unpack; the split folders may also lie in " + root
                + ", or be left out to split by patient)";
    }

    /** One image of a part: its patient folder and crop name. */
    private record Crop(String patient, String crop, Path file) {
    }

    @Override
    List<SampleFiles> scanPart(Part part, GroupNamer groups) {
        Path gtDir = part.require(annotationFolder());
        Map<String, Crop> crops = crops(part);
        AnnotatorIndex gt = new AnnotatorIndex(part);
        for (Path patientDir : patientFolders(part, gtDir)) {
            String patient = patientDir.getFileName().toString();
            Path imageDir = part.dir().resolve("images").resolve(patient);
            if (!Files.isDirectory(imageDir)) {
                throw new InputException("annotation folder " + part.show(patientDir) + " has no images: expected "
                        + part.show(imageDir));
            }
            for (Path file : LayoutFiles.entries(patientDir)) {
                AnnotatorIndex.Name name = gt.parse(file);
                String id = patient + "_" + name.stem();
                Crop crop = crops.get(id);
                if (crop == null || !crop.patient().equals(patient)) {
                    throw new InputException("annotation " + part.show(file) + " has no image: expected "
                            + part.show(imageDir.resolve(name.stem() + ".png")));
                }
                gt.put(id, name.annotator(), file);
            }
        }
        Map<String, Path> images = new LinkedHashMap<>();
        crops.forEach((id, c) -> images.put(id, c.file()));
        Map<String, List<Path>> paired = gt.pair(images,
                id -> gtDir.resolve(crops.get(id).patient()).resolve(crops.get(id).crop() + "_l0.png"));
        List<SampleFiles> out = new ArrayList<>();
        for (Map.Entry<String, Crop> e : crops.entrySet()) {
            String id = e.getKey();
            Crop c = e.getValue();
            String group = groups.given().isPresent() ? groups.groupOf(id, part.show(c.file())) : c.patient();
            List<Path> masks = paired.get(id);
            out.add(new SampleFiles(id, group, c.file(), masks, AnnotatorIndex.names(masks.size())));
        }
        return out;
    }

    /** Every image of the part by sample id, sorted. */
    private static Map<String, Crop> crops(Part part) {
        Path imagesDir = part.require("images");
        Map<String, Crop> byId = new TreeMap<>();
        for (Path patientDir : patientFolders(part, imagesDir)) {
            String patient = patientDir.getFileName().toString();
            List<Path> files = LayoutFiles.entries(patientDir);
            if (files.isEmpty()) {
                throw new InputException("patient folder " + part.show(patientDir) + " holds no images: expected "
                        + part.show(patientDir.resolve("<crop>.png")) + " (or remove the folder)");
            }
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (!Files.isRegularFile(file) || !LayoutFiles.IMAGE_EXTENSIONS.contains(LayoutFiles.extension(name))) {
                    throw new InputException("unexpected " + (Files.isDirectory(file) ? "folder " : "file ")
                            + part.show(file) + ": a patient folder holds its crops as image files, "
                            + part.show(patientDir.resolve("<crop>.png")));
                }
                String crop = LayoutFiles.id(name);
                Crop before = byId.put(patient + "_" + crop, new Crop(patient, crop, file));
                if (before != null) {
                    throw new InputException("two images with id " + patient + "_" + crop + ": "
                            + part.show(before.file()) + " and " + part.show(file) + "; keep one");
                }
            }
        }
        if (byId.isEmpty()) {
            throw new InputException(part.describe() + " has no images: expected "
                    + part.show(imagesDir.resolve("<patient>").resolve("<crop>.png")));
        }
        return byId;
    }

    /** The patient folders of {@code dir} ({@code images/} or {@code gt/}); a file there is an error. */
    private static List<Path> patientFolders(Part part, Path dir) {
        List<Path> entries = LayoutFiles.entries(dir);
        for (Path p : entries) {
            if (!Files.isDirectory(p)) {
                throw new InputException("unexpected file " + part.show(p) + ": " + dir.getFileName()
                        + "/ holds one folder per patient, e.g. "
                        + part.show(dir.resolve("<patient>").resolve(p.getFileName().toString())));
            }
        }
        return entries;
    }
}
