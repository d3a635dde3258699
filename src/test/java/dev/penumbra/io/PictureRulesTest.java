package dev.penumbra.io;

import dev.penumbra.InputException;
import dev.penumbra.data.Image;
import dev.penumbra.data.Mask;
import dev.penumbra.data.MaskReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every picture file is read as it looks, or refused with a message naming the file: the rules of {@link Pixels}. */
class PictureRulesTest {

    private static final OptionalDouble NONE = OptionalDouble.empty();
    private static final int WHITE = 0xffffff;
    private static final int BLACK = 0x000000;

    @Test
    void aPaletteMaskIsReadByItsColoursNotItsIndices(@TempDir Path dir) {
        // index 0 shows white, index 1 black: the white pixels are the lesion as any viewer shows it
        Path file = OddPictures.palette(dir.resolve("m.png"), new int[] {WHITE, BLACK}, new int[][] {{0, 1}, {1, 1}});
        Mask m = MaskReader.read(file, "m.png", NONE);
        assertThat(m.pixels()).containsExactly(1, 0, 0, 0);
    }

    @Test
    void aPaletteImageReadsAsItsPaletteColours(@TempDir Path dir) {
        Path grey = OddPictures.palette(dir.resolve("g.png"), new int[] {0x808080, WHITE}, new int[][] {{0, 1}});
        Image g = ImageFiles.readImage(grey);
        assertThat(g.channels()).isEqualTo(1);
        assertThat(g.pixels()).containsExactly(128 / 255f, 1f);

        Path colour = OddPictures.palette(dir.resolve("c.png"), new int[] {0xff0000, 0x0000ff}, new int[][] {{0, 1}});
        Image c = ImageFiles.readImage(colour);
        assertThat(c.channels()).isEqualTo(3);
        // channel-major: red of both pixels, green of both, blue of both
        assertThat(c.pixels()).containsExactly(1f, 0f, 0f, 0f, 0f, 1f);
    }

    @Test
    void aCmykJpegIsRefusedByName(@TempDir Path dir) {
        Path file = OddPictures.cmykJpeg(dir.resolve("scan.jpg"), 8, 8, 0, 200, 200, 0);
        assertThatThrownBy(() -> ImageFiles.readImage(file)).isInstanceOf(InputException.class)
                .hasMessageContaining("scan.jpg").hasMessageContaining("CMYK").hasMessageContaining("RGB");
    }

    @Test
    void aFloatImageInTheUnitRangeIsReadAsItIs(@TempDir Path dir) {
        Path file = OddPictures.floatTiff(dir.resolve("f.tif"), new float[][] {{0f, 0.25f}, {0.5f, 1f}});
        Image image = ImageFiles.readImage(file);
        assertThat(image.channels()).isEqualTo(1);
        assertThat(image.pixels()).containsExactly(0f, 0.25f, 0.5f, 1f);
    }

    @Test
    void aFloatImageOutsideTheUnitRangeOrWithNanIsRefused(@TempDir Path dir) {
        Path big = OddPictures.floatTiff(dir.resolve("hu.tif"), new float[][] {{0f, 2.5f}});
        assertThatThrownBy(() -> ImageFiles.readImage(big)).isInstanceOf(InputException.class)
                .hasMessageContaining("hu.tif").hasMessageContaining("2.50000").hasMessageContaining("[0, 1]");
        Path nan = OddPictures.floatTiff(dir.resolve("nan.tif"), new float[][] {{Float.NaN, 0f}});
        assertThatThrownBy(() -> ImageFiles.readImage(nan)).isInstanceOf(InputException.class)
                .hasMessageContaining("nan.tif").hasMessageContaining("NaN");
    }

    @Test
    void aSignedSixteenBitImageIsRefused(@TempDir Path dir) {
        Path file = OddPictures.signedShortTiff(dir.resolve("ct.tif"), 4, 4, (short) -1000);
        assertThatThrownBy(() -> ImageFiles.readImage(file)).isInstanceOf(InputException.class)
                .hasMessageContaining("ct.tif").hasMessageContaining("signed 16-bit");
    }

    @Test
    void aMaskDrawnInGreenOrBlueOnBlackIsForegroundWhereItIsDrawn(@TempDir Path dir) {
        for (int colour : new int[] {0x00ff00, 0x0000ff, 0xff0000}) {
            Path file = OddPictures.rgb(dir.resolve(Integer.toHexString(colour) + ".png"),
                    new int[][] {{BLACK, colour}, {colour, BLACK}});
            assertThat(MaskReader.read(file, "m.png", NONE).pixels()).as(Integer.toHexString(colour))
                    .containsExactly(0, 1, 1, 0);
        }
    }

    @Test
    void aGreyMaskStoredAsRgbKeepsItsLevels(@TempDir Path dir) {
        Path file = OddPictures.rgb(dir.resolve("m.png"), new int[][] {{BLACK, WHITE}, {WHITE, WHITE}});
        assertThat(MaskReader.read(file, "m.png", NONE).pixels()).containsExactly(0, 1, 1, 1);
    }

    @Test
    void aColourMaskWithoutBlackOrWithThreeColoursIsRefusedUnlessThresholded(@TempDir Path dir) {
        Path redOnWhite = OddPictures.rgb(dir.resolve("row.png"), new int[][] {{WHITE, 0xff0000}});
        assertThatThrownBy(() -> MaskReader.read(redOnWhite, "train/masks/row.png", NONE))
                .isInstanceOf(InputException.class).hasMessageContaining("mask train/masks/row.png")
                .hasMessageContaining("RGB 255, 0, 0").hasMessageContaining("RGB 255, 255, 255")
                .hasMessageContaining("neither of which is black");
        Path three = OddPictures.rgb(dir.resolve("three.png"), new int[][] {{BLACK, 0x400000, 0x00ff00}});
        assertThatThrownBy(() -> MaskReader.read(three, "three.png", NONE)).isInstanceOf(InputException.class)
                .hasMessageContaining("more than two colours").hasMessageContaining("--mask-threshold");
        // with a threshold the brightest channel decides: 0x40 = 64 is below 0.5 * 255, 0xff above
        assertThat(MaskReader.read(three, "three.png", OptionalDouble.of(0.5)).pixels()).containsExactly(0, 0, 1);
    }

    @Test
    void aTransparentPixelIsBackgroundWhateverItsColour(@TempDir Path dir) {
        // white but fully transparent around an opaque red lesion: what a viewer shows on black
        Path file = OddPictures.rgba(dir.resolve("m.png"), new int[][] {{0x00ffffff, 0xffff0000}, {0x00ffffff, 0x00ffffff}});
        assertThat(MaskReader.read(file, "m.png", NONE).pixels()).containsExactly(0, 1, 0, 0);
    }

    @Test
    void aPaletteMaskOfClassIndicesKeepsItsIndicesAndAColourClassMaskIsRefused(@TempDir Path dir) {
        // PASCAL VOC style: the palette colours are for display, the indices are the classes
        Path voc = OddPictures.palette(dir.resolve("voc.png"), new int[] {BLACK, 0x800000, 0x008000},
                new int[][] {{0, 1, 2}});
        assertThat(MaskReader.readClasses(voc, "voc.png", 3).pixels()).containsExactly(0, 1, 2);
        Path colour = OddPictures.rgb(dir.resolve("c.png"), new int[][] {{BLACK, 0x00ff00}});
        assertThatThrownBy(() -> MaskReader.readClasses(colour, "train/masks/c.png", 3))
                .isInstanceOf(InputException.class).hasMessageContaining("mask train/masks/c.png")
                .hasMessageContaining("--classes");
    }

    @Test
    void aHugeDeclaredSizeIsRefusedBeforeDecoding(@TempDir Path dir) {
        Path file = OddPictures.hugePng(dir.resolve("big.png"), 40000, 40000);
        assertThat(ImageFiles.dimensions(file)).containsExactly(40000, 40000);
        assertThatThrownBy(() -> ImageFiles.readImage(file)).isInstanceOf(InputException.class)
                .hasMessageContaining("big.png").hasMessageContaining("40000 x 40000")
                .hasMessageContaining("1600.0 megapixels").hasMessageContaining("downscale");
        assertThatThrownBy(() -> MaskReader.read(file, "big.png", NONE)).isInstanceOf(InputException.class)
                .hasMessageContaining("40000 x 40000");
    }
}
