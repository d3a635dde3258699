package dev.penumbra.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageTest {

    @Test
    void aCompactImageReadsBitForBitTheFloatsOfAnEightBitImageInAQuarterOfTheBytes() {
        Image floats = DataFixtures.rgb(5, 7, 3);
        Image compact = floats.compact();
        assertThat(compact.isCompact()).isTrue();
        assertThat(floats.isCompact()).isFalse();
        assertThat(compact.storageBytes()).isEqualTo(3 * 5 * 7);
        assertThat(floats.storageBytes()).isEqualTo(4 * 3 * 5 * 7);
        float[] expected = floats.pixels();
        float[] read = compact.pixels();
        for (int i = 0; i < expected.length; i++) {
            assertThat(Float.floatToIntBits(read[i])).as("value %d", i).isEqualTo(Float.floatToIntBits(expected[i]));
        }
        assertThat(compact.get(2, 4, 6)).isEqualTo(floats.get(2, 4, 6));
        float[] target = new float[expected.length + 2];
        compact.copyTo(target, 2);
        assertThat(java.util.Arrays.copyOfRange(target, 2, target.length)).containsExactly(expected);
        assertThat(compact).isEqualTo(floats).hasSameHashCodeAs(floats);
        assertThat(compact.compact()).isSameAs(compact);
        assertThat(compact.toString()).contains("8-bit");
    }

    @Test
    void valuesBetweenTheEightBitLevelsKeepTheImageInFloats() {
        Image between = DataFixtures.grey(4, 4, 0);
        between.set(0, 1, 1, 0.5f); // 127.5 / 255
        assertThat(between.compact()).isSameAs(between);
        Image outside = DataFixtures.grey(4, 4, 0);
        outside.set(0, 0, 0, 1.5f);
        assertThat(outside.compact()).isSameAs(outside);
        Image nan = DataFixtures.grey(4, 4, 0);
        nan.set(0, 3, 3, Float.NaN);
        assertThat(nan.compact()).isSameAs(nan);
    }

    @Test
    void aCompactImageIsReadOnlyAndItsPixelsAreACopy() {
        Image compact = DataFixtures.grey(3, 3, 9).compact();
        assertThatThrownBy(() -> compact.set(0, 0, 0, 0f)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("read-only");
        float before = compact.get(0, 0, 0);
        compact.pixels()[0] = 0.25f;
        assertThat(compact.get(0, 0, 0)).isEqualTo(before);
    }

    @Test
    void eightBitFilesReadAtTheirOwnSizeAreHeldCompactAndResizedOnesInFloats(@TempDir Path root) {
        DataFixtures.isic(root, new String[] {"a", "b"}, new String[] {"c"}, new String[] {"d"});
        Dataset nativeSize = DatasetReader.read(root, DataOptions.defaults());
        assertThat(nativeSize.split(Split.TRAIN)).allSatisfy(s -> assertThat(s.image().isCompact()).isTrue());
        Dataset resized = DatasetReader.read(root, DataOptions.defaults().withSize(5));
        assertThat(resized.split(Split.TRAIN)).allSatisfy(s -> assertThat(s.image().isCompact()).isFalse());
        // the same pixels as the files' 8-bit levels
        assertThat(nativeSize.split(Split.TEST).get(0).image().pixels()[0] * 255f).isEqualTo(
                Math.round(nativeSize.split(Split.TEST).get(0).image().pixels()[0] * 255f));
    }
}
