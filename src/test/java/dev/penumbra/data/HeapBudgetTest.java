package dev.penumbra.data;

import dev.penumbra.InputException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeapBudgetTest {

    /** A 3 x 16 x 16 image (768 values) with two 16 x 16 masks: 768 + 512 bytes compact, 3072 + 512 in floats. */
    private static Sample sample(boolean compact) {
        Image image = DataFixtures.rgb(16, 16, 1);
        return new Sample("s", "s", compact ? image.compact() : image,
                List.of(Mask.blank(16, 16), Mask.blank(16, 16)));
    }

    @Test
    void aSampleCountsItsImageStorageAndOneBytePerMaskPixel() {
        assertThat(HeapBudget.bytes(sample(true))).isEqualTo(768 + 512);
        assertThat(HeapBudget.bytes(sample(false))).isEqualTo(3072 + 512);
    }

    @Test
    void dataBeyondItsShareOfTheHeapIsAClearErrorWithTheHeapItWouldNeed() {
        // 0.7 x 10,000 bytes = 7,000: five compact samples (6,400 bytes) fit, the sixth does not
        HeapBudget budget = new HeapBudget(Path.of("/data/lidc"), 100, 10_000);
        for (int i = 0; i < 5; i++) {
            budget.add(sample(true));
        }
        assertThatThrownBy(() -> budget.add(sample(true))).isInstanceOf(InputException.class)
                .hasMessageContaining("data /data/lidc: after 6 of 100 images the dataset holds")
                .hasMessageContaining("more than 70% of the Java heap")
                .hasMessageContaining("all 100 would need about 0.0 GiB")
                .hasMessageContaining("PENUMBRA_JAVA_OPTS=-Xmx2g").hasMessageContaining("--size");
    }

    @Test
    void theNeededHeapIsExtrapolatedFromWhatWasRead() {
        // 1 GiB heap: 0.7 GiB share; float samples of 3,584 bytes pass it after ~209,716 of them
        HeapBudget budget = new HeapBudget(Path.of("d"), 1_000_000, 1L << 30);
        InputException error = null;
        int read = 0;
        while (error == null) {
            try {
                budget.add(sample(false));
                read++;
            } catch (InputException e) {
                error = e;
            }
        }
        assertThat(read).isEqualTo((int) ((long) (0.7 * (1L << 30)) / 3584));
        // 1,000,000 x 3,584 bytes = 3.34 GiB; / 0.7 = 4.77 -> 5, plus 1 GiB
        assertThat(error).hasMessageContaining("would need about 3.3 GiB").hasMessageContaining("-Xmx6g");
    }
}
