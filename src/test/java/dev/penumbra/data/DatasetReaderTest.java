package dev.penumbra.data;

import static dev.penumbra.data.DataFixtures.box;
import static dev.penumbra.data.DataFixtures.isic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penumbra.InputException;
import dev.penumbra.io.ImageFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Layout choice and the checks every layout shares, on ISIC-style fixtures unless a layout is the point. */
class DatasetReaderTest {

    private static final DataOptions OPTS = DataOptions.defaults();

    private static Path threeSplits(Path root) {
        return isic(root, new String[] {"a", "b"}, new String[] {"c"}, new String[] {"d"});
    }

    private static void assertInputError(Path root, DataOptions opts, String... parts) {
        assertThatThrownBy(() -> DatasetReader.read(root, opts)).isInstanceOf(InputException.class)
                .hasMessageContainingAll(parts);
    }

    // --- the data folder and its layout

    @Test
    void missingRootSaysItDoesNotExist(@TempDir Path dir) {
        Path root = dir.resolve("nowhere");
        assertThatThrownBy(() -> DatasetReader.read(root, OPTS)).isInstanceOf(InputException.class)
                .hasMessage("data folder " + root + " does not exist");
    }

    @Test
    void rootThatIsAFileIsAnError(@TempDir Path dir) {
        Path file = DataFixtures.write(dir.resolve("data.txt"), "x");
        assertInputError(file, OPTS, "data folder " + file, "is a file");
    }

    @Test
    void folderWithNoLayoutListsWhatEachLayoutExpects(@TempDir Path root) {
        DataFixtures.writeGrey(root.resolve("images/a.png"), 8, 8, 0);
        assertInputError(root, OPTS, "no known dataset layout in " + root, "isic expects", "segmentations/<id>",
                "lidc expects", "LIDC_crops/LIDC_DLCV_version", "lesions/<id>_l<k>.png", "folder expects",
                "masks/<annotator>/<id>.png");
    }

    @Test
    void folderFittingTwoLayoutsAsksForLayoutOption(@TempDir Path root) {
        threeSplits(root);
        DataFixtures.folderSample(root.resolve("train"), "a", "r1");
        assertInputError(root, OPTS, "fits several layouts (isic, folder)", "--layout");
    }

    @Test
    void forcedLayoutSettlesAnAmbiguousFolder(@TempDir Path root) {
        threeSplits(root);
        DataFixtures.mkdirs(root.resolve("train/masks"));
        assertThat(DatasetReader.read(root, OPTS.withLayout("isic")).layout()).isEqualTo("isic");
    }

    @Test
    void unknownForcedLayoutListsValidNames(@TempDir Path root) {
        threeSplits(root);
        assertInputError(root, OPTS.withLayout("brats"), "unknown --layout 'brats'", "expected one of isic, ",
                "lidc-kohl", "isic-challenge", "folder");
    }

    @Test
    void forcedLayoutThatDoesNotFitSaysWhichFolderWasExpected(@TempDir Path root) {
        threeSplits(root);
        assertInputError(root, OPTS.withLayout("lidc"), "does not look like a lidc dataset",
                root.resolve("LIDC_crops/LIDC_DLCV_version").toString(), "lesions/<id>_l<k>.png");
    }

    // --- folders

    @Test
    void someSplitFoldersButNotAllNamesTheMissingOnes(@TempDir Path root) {
        threeSplits(root);
        DataFixtures.delete(root.resolve("test"));
        DataFixtures.delete(root.resolve("val"));
        assertInputError(root, OPTS, "has train/ but no val/, test/",
                "expected " + root.resolve("val") + " and " + root.resolve("test"));
    }

    @Test
    void splitFoldersBesideUnsplitImagesIsAnError(@TempDir Path root) {
        threeSplits(root);
        DataFixtures.writeGrey(root.resolve("images/z.png"), 8, 8, 0);
        assertInputError(root, OPTS, "both split folders", root.resolve("images").toString());
    }

    @Test
    void emptySplitNamesSplitAndFolder(@TempDir Path root) {
        threeSplits(root);
        DataFixtures.delete(root.resolve("val/images/c.png"));
        DataFixtures.delete(root.resolve("val/segmentations/c_segmentation.png"));
        assertThatThrownBy(() -> DatasetReader.read(root, OPTS)).isInstanceOf(InputException.class)
                .hasMessage("split val has no images in " + root.resolve("val/images"));
    }

    @Test
    void hiddenFilesAreIgnored(@TempDir Path root) {
        threeSplits(root);
        DataFixtures.write(root.resolve("train/images/.DS_Store"), "x");
        DataFixtures.write(root.resolve("train/segmentations/._a_segmentation.png"), "x");
        DataFixtures.write(root.resolve(".hidden/images/q.png"), "x");
        assertThat(DatasetReader.read(root, OPTS).split(Split.TRAIN)).hasSize(2);
    }

    @Test
    void unsupportedFileInImagesIsNamed(@TempDir Path root) {
        threeSplits(root);
        DataFixtures.write(root.resolve("train/images/LICENSE.txt"), "x");
        assertInputError(root, OPTS, "unsupported file train/images/LICENSE.txt", ".png, .jpg");
    }

    @Test
    void folderInsideImagesIsNamed(@TempDir Path root) {
        threeSplits(root);
        DataFixtures.mkdirs(root.resolve("test/images/more"));
        assertInputError(root, OPTS, "unexpected folder test/images/more");
    }

    @Test
    void twoImagesWithOneIdAreNamed(@TempDir Path root) {
        threeSplits(root);
        DataFixtures.writeGrey(root.resolve("train/images/a.jpg"), 8, 8, 0);
        assertInputError(root, OPTS, "two images with id a", "train/images/a.jpg", "train/images/a.png");
    }

    @Test
    void sameIdInTwoSplitsIsAnError(@TempDir Path root) {
        isic(root, new String[] {"a"}, new String[] {"c"}, new String[] {"a"});
        assertInputError(root, OPTS, "image id a appears twice", "train/images/a.png", "test/images/a.png");
    }

    // --- file contents

    @Test
    void truncatedPngIsNamed(@TempDir Path root) {
        threeSplits(root);
        DataFixtures.truncate(root.resolve("val/images/c.png"));
        assertInputError(root, OPTS, "cannot read image", root.resolve("val/images/c.png").toString(), "truncated");
    }

    @Test
    void nonImageWithPngExtensionIsNamed(@TempDir Path root) {
        threeSplits(root);
        DataFixtures.write(root.resolve("test/segmentations/d_segmentation.png"), "not a picture");
        assertInputError(root, OPTS, "cannot read image",
                root.resolve("test/segmentations/d_segmentation.png").toString(), "not a PNG");
    }

    @Test
    void maskOfAnotherSizeNamesBothSizes(@TempDir Path root) {
        threeSplits(root);
        DataFixtures.writeMask(root.resolve("train/segmentations/b_segmentation.png"), Mask.blank(6, 7));
        assertThatThrownBy(() -> DatasetReader.read(root, OPTS)).isInstanceOf(InputException.class)
                .hasMessage("mask train/segmentations/b_segmentation.png is 6x7 but image train/images/b.png is 8x8");
    }

    @Test
    void maskWithManyLevelsNeedsThreshold(@TempDir Path root) {
        threeSplits(root);
        int[][] soft = new int[8][8];
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                soft[y][x] = 32 * x;
            }
        }
        DataFixtures.writeLevels(root.resolve("val/segmentations/c_segmentation.png"), soft);
        assertInputError(root, OPTS, "mask val/segmentations/c_segmentation.png has 8 distinct levels",
                "at most two levels", "--mask-threshold");
        Mask m = DatasetReader.read(root, OPTS.withMaskThreshold(0.5)).split(Split.VAL).get(0).masks().get(0);
        assertThat(m).isEqualTo(box(8, 8, 0, 8, 4, 8)); // 32 * x > 127.5 from x = 4
    }

    @Test
    void singleNonZeroLevelMaskIsAllForeground(@TempDir Path root) {
        threeSplits(root);
        DataFixtures.writeConstant(root.resolve("val/segmentations/c_segmentation.png"), 8, 8, 200);
        DataFixtures.writeConstant(root.resolve("test/segmentations/d_segmentation.png"), 8, 8, 0);
        Dataset d = DatasetReader.read(root, OPTS);
        assertThat(d.split(Split.VAL).get(0).masks().get(0).foreground()).isEqualTo(64);
        assertThat(d.split(Split.TEST).get(0).masks().get(0).isBlank()).isTrue();
    }

    @Test
    void imagesWithDifferentChannelCountsAreNamed(@TempDir Path root) {
        threeSplits(root);
        DataFixtures.writeRgb(root.resolve("train/images/b.png"), 8, 8, 0);
        assertThatThrownBy(() -> DatasetReader.read(root, OPTS)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("train/images/b.png has 3 channels but train/images/a.png has 1");
    }

    @Test
    void greyImageSavedAsRgbKeepsThreeChannels(@TempDir Path root) {
        threeSplits(root);
        for (String f : new String[] {"train/images/a.png", "train/images/b.png", "val/images/c.png",
            "test/images/d.png"}) {
            Image g = DataFixtures.grey(8, 8, 5);
            float[] rgb = new float[3 * 64];
            for (int c = 0; c < 3; c++) {
                System.arraycopy(g.pixels(), 0, rgb, 64 * c, 64);
            }
            ImageFiles.writeImage(root.resolve(f), new Image(3, 8, 8, rgb));
        }
        assertThat(DatasetReader.read(root, OPTS).channels()).isEqualTo(3);
    }

    // --- resizing

    @Test
    void sizeResizesImagesAndKeepsMasksBinaryAndAligned(@TempDir Path root) {
        isic(root, new String[] {"a"}, new String[] {"c"}, new String[] {"d"});
        DataFixtures.isicSample(root.resolve("train"), "wide", 12, 10, box(12, 10, 0, 12, 0, 5));
        Dataset d = DatasetReader.read(root, OPTS.withSize(5));
        assertThat(d.height()).isEqualTo(5);
        assertThat(d.width()).isEqualTo(5);
        d.samples().flatMap(s -> s.masks().stream()).forEach(m -> {
            for (byte b : m.pixels()) {
                assertThat(b).isIn((byte) 0, (byte) 1);
            }
        });
        Sample wide = d.split(Split.TRAIN).get(1);
        assertThat(wide.id()).isEqualTo("wide");
        // columns 0..4 of 10 are foreground: output column x samples floor((x + 0.5) * 2)
        assertThat(wide.masks().get(0)).isEqualTo(box(5, 5, 0, 5, 0, 2));
        assertThat(wide.image()).isEqualTo(Resize.bilinear(DataFixtures.grey(12, 10, "wide".hashCode() & 0xff), 5, 5));
    }

    @Test
    void nativeSizeKeepsEachImagesOwnSize(@TempDir Path root) {
        isic(root, new String[] {"a"}, new String[] {"c"}, new String[] {"d"});
        DataFixtures.isicSample(root.resolve("train"), "wide", 12, 10, Mask.blank(12, 10));
        Dataset d = DatasetReader.read(root, OPTS);
        assertThat(d.split(Split.TRAIN)).extracting(s -> s.image().height() + "x" + s.image().width())
                .containsExactly("8x8", "12x10");
    }
}
