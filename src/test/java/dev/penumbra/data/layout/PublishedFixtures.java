package dev.penumbra.data.layout;

import static dev.penumbra.data.DataFixtures.box;

import dev.penumbra.data.DataFixtures;
import dev.penumbra.data.Split;

import java.nio.file.Path;
import java.util.Map;

/** Miniatures of datasets as they are published: Kohl et al.'s LIDC crops and ISIC 2018 as downloaded. */
public final class PublishedFixtures {

    public static final Map<Split, String> ISIC_INPUT = Map.of(Split.TRAIN, "ISIC2018_Task1-2_Training_Input",
            Split.VAL, "ISIC2018_Task1-2_Validation_Input", Split.TEST, "ISIC2018_Task1-2_Test_Input");
    public static final Map<Split, String> ISIC_TRUTH = Map.of(Split.TRAIN, "ISIC2018_Task1_Training_GroundTruth",
            Split.VAL, "ISIC2018_Task1_Validation_GroundTruth", Split.TEST, "ISIC2018_Task1_Test_GroundTruth");

    private PublishedFixtures() {
    }

    /** {@code ROOT/lidc_crops_<split>/<split>}, as Kohl et al.'s archive of that split unpacks. */
    public static Path kohlSplit(Path root, Split s) {
        return root.resolve("lidc_crops_" + s.folder()).resolve(s.folder());
    }

    /**
     * A Kohl crop under {@code dir} (a split folder or the data root): {@code images/<patient>/<crop>.png} and
     * {@code gt/<patient>/<crop>_l0.png ...}; annotator k marks row k.
     */
    public static void kohlCrop(Path dir, String patient, String crop, int annotators) {
        DataFixtures.writeGrey(dir.resolve("images").resolve(patient).resolve(crop + ".png"), 8, 8,
                (patient + crop).hashCode() & 0xff);
        for (int k = 0; k < annotators; k++) {
            DataFixtures.writeMask(dir.resolve("gt").resolve(patient).resolve(crop + "_l" + k + ".png"),
                    box(8, 8, k, k + 1, 0, 8));
        }
    }

    /** Kohl's three archives unpacked in ROOT: two patients in train (3 crops), one each in val and test. */
    public static Path kohl(Path root) {
        kohlCrop(kohlSplit(root, Split.TRAIN), "LIDC-IDRI-0001", "z-105.0_c0", 4);
        kohlCrop(kohlSplit(root, Split.TRAIN), "LIDC-IDRI-0001", "z-106.5_c0", 4);
        kohlCrop(kohlSplit(root, Split.TRAIN), "LIDC-IDRI-0002", "z-105.0_c0", 4);
        kohlCrop(kohlSplit(root, Split.VAL), "LIDC-IDRI-0003", "z-80.0_c1", 4);
        kohlCrop(kohlSplit(root, Split.TEST), "LIDC-IDRI-0004", "z-10.0_c0", 4);
        return root;
    }

    /** An ISIC 2018 image (PNG, grey, H x W) and its ground truth in the folders of split {@code s}. */
    public static void isicImage(Path root, Split s, String id, int h, int w) {
        DataFixtures.writeGrey(root.resolve(ISIC_INPUT.get(s)).resolve(id + ".png"), h, w, id.hashCode() & 0xff);
        DataFixtures.writeMask(root.resolve(ISIC_TRUTH.get(s)).resolve(id + "_segmentation.png"),
                box(h, w, 1, h - 1, 1, w - 1));
    }

    /** The notices that the challenge's archives hold beside the images and masks. */
    public static void isicNotices(Path root, Split s) {
        for (String folder : new String[] {ISIC_INPUT.get(s), ISIC_TRUTH.get(s)}) {
            DataFixtures.write(root.resolve(folder).resolve("LICENSE.txt"), "CC-BY-NC\n");
            DataFixtures.write(root.resolve(folder).resolve("ATTRIBUTION.txt"), "ISIC Archive\n");
        }
    }

    /** ISIC 2018 with all three pairs: 3 training images, 2 validation, 2 test, with the notices. */
    public static Path isicChallenge(Path root) {
        for (int i = 0; i < 3; i++) {
            isicImage(root, Split.TRAIN, String.format("ISIC_%07d", i), 6, 8);
        }
        for (int i = 10; i < 12; i++) {
            isicImage(root, Split.VAL, String.format("ISIC_%07d", i), 6, 8);
            isicImage(root, Split.TEST, String.format("ISIC_%07d", i + 10), 6, 8);
        }
        for (Split s : Split.values()) {
            isicNotices(root, s);
        }
        return root;
    }
}
