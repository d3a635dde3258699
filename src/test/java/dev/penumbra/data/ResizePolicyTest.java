package dev.penumbra.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.penumbra.InputException;
import org.junit.jupiter.api.Test;

/** Each policy on a 2 x 4 (H x W) image whose pixel (y, x) is (1 + 4y + x) / 10, and on a full 2 x 4 mask. */
class ResizePolicyTest {

    private static Image wide() {
        Image img = Image.zeros(1, 2, 4);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 4; x++) {
                img.set(0, y, x, (1 + 4 * y + x) / 10f);
            }
        }
        return img;
    }

    private static Mask full(int h, int w) {
        return DataFixtures.box(h, w, 0, h, 0, w);
    }

    @Test
    void squashScalesEachAxisOnItsOwn() {
        Image out = ResizePolicy.SQUASH.image(wide(), 4);
        // rows sample the input at max(0, (i + 0.5) / 2 - 0.5) = 0, 0.25, 0.75, 1 (clamped); columns are kept
        assertThat(out.pixels()).containsExactly(new float[] {
            0.10f, 0.20f, 0.30f, 0.40f,
            0.20f, 0.30f, 0.40f, 0.50f,
            0.40f, 0.50f, 0.60f, 0.70f,
            0.50f, 0.60f, 0.70f, 0.80f}, within(1e-6f));
        assertThat(ResizePolicy.SQUASH.mask(full(2, 4), 4)).isEqualTo(full(4, 4));
    }

    @Test
    void padCentresTheImageOnBlackAndTheMaskOnBackground() {
        Image out = ResizePolicy.PAD.image(wide(), 4);
        assertThat(out.pixels()).containsExactly(new float[] {
            0.0f, 0.0f, 0.0f, 0.0f,
            0.1f, 0.2f, 0.3f, 0.4f,
            0.5f, 0.6f, 0.7f, 0.8f,
            0.0f, 0.0f, 0.0f, 0.0f}, within(1e-6f));
        assertThat(ResizePolicy.PAD.mask(full(2, 4), 4)).isEqualTo(DataFixtures.box(4, 4, 1, 3, 0, 4));
    }

    @Test
    void padThenScales() {
        // padded 4 x 4 as above, then bilinear to 2 x 2: each output pixel is the mean of a 2 x 2 block
        Image out = ResizePolicy.PAD.image(wide(), 2);
        assertThat(out.pixels()).containsExactly(new float[] {
            (0.1f + 0.2f) / 4, (0.3f + 0.4f) / 4,
            (0.5f + 0.6f) / 4, (0.7f + 0.8f) / 4}, within(1e-6f));
        // nearest takes padded rows 1 and 3: the first is the mask, the second padding
        assertThat(ResizePolicy.PAD.mask(full(2, 4), 2)).isEqualTo(DataFixtures.box(2, 2, 0, 1, 0, 2));
    }

    @Test
    void padPutsTheOddPixelAtTheBottom() {
        Mask out = ResizePolicy.PAD.mask(full(3, 4), 4);
        assertThat(out).isEqualTo(DataFixtures.box(4, 4, 0, 3, 0, 4));
    }

    @Test
    void cropKeepsTheCentredSquare() {
        Image out = ResizePolicy.CROP.image(wide(), 2);
        assertThat(out.pixels()).containsExactly(new float[] {0.2f, 0.3f, 0.6f, 0.7f}, within(1e-6f));
        Mask stripe = DataFixtures.box(2, 4, 0, 2, 1, 2); // column 1 only
        assertThat(ResizePolicy.CROP.mask(stripe, 2)).isEqualTo(DataFixtures.box(2, 2, 0, 2, 0, 1));
    }

    @Test
    void cropCutsTheOddPixelFromTheRightAndWorksOnTallImages() {
        Mask wide = DataFixtures.box(2, 5, 0, 2, 1, 2); // column 1: the crop is columns 1..2
        assertThat(ResizePolicy.CROP.mask(wide, 2)).isEqualTo(DataFixtures.box(2, 2, 0, 2, 0, 1));
        Mask tall = DataFixtures.box(4, 2, 1, 2, 0, 2); // row 1: the crop is rows 1..2
        assertThat(ResizePolicy.CROP.mask(tall, 2)).isEqualTo(DataFixtures.box(2, 2, 0, 1, 0, 2));
    }

    @Test
    void squareImagesAreAlikeUnderEveryPolicy() {
        Image square = DataFixtures.grey(3, 3, 5);
        for (ResizePolicy p : ResizePolicy.values()) {
            assertThat(p.image(square, 6)).as(p.option()).isEqualTo(Resize.bilinear(square, 6, 6));
        }
    }

    @Test
    void parseNamesTheOptionAndTheChoices() {
        assertThat(ResizePolicy.parse("pad")).isEqualTo(ResizePolicy.PAD);
        assertThatThrownBy(() -> ResizePolicy.parse("fit")).isInstanceOf(InputException.class)
                .hasMessage("--resize 'fit' is not a resize policy: expected one of squash, pad, crop");
    }

    @Test
    void isRecordedInTheJsonFormAndOldRunsLoadAsSquash() throws Exception {
        ObjectMapper json = new ObjectMapper();
        DataOptions pad = DataOptions.defaults().withSize(64).withResize(ResizePolicy.PAD);
        String text = json.writeValueAsString(pad);
        assertThat(text).contains("\"resize\":\"pad\"");
        assertThat(json.readValue(text, DataOptions.class)).isEqualTo(pad);
        DataOptions old = json.readValue("{\"layout\":null,\"size\":64,\"splitSeed\":42}", DataOptions.class);
        assertThat(old.resize()).isEqualTo(ResizePolicy.SQUASH);
        assertThat(DataOptions.defaults().resize()).isEqualTo(ResizePolicy.SQUASH);
    }

    @Test
    void padOrCropWithoutSizeIsRefused() {
        assertThatThrownBy(() -> DataOptions.defaults().withResize(ResizePolicy.CROP))
                .isInstanceOf(InputException.class).hasMessageContaining("--resize crop")
                .hasMessageContaining("--size is 0");
    }
}
