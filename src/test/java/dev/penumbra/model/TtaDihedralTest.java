package dev.penumbra.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The test-time transforms of {@link TtaUNet}: exact inverses, and pixels moved as documented. */
class TtaDihedralTest {

    @Test
    void aTransformFollowedByItsInverseIsTheIdentity() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray square = m.randomUniform(0f, 1f, new Shape(2, 3, 8, 8));
            for (Dihedral t : Dihedral.values()) {
                NDArray back = t.invert(t.apply(square));
                assertThat(back.getShape()).as("%s", t).isEqualTo(square.getShape());
                assertThat(back.toFloatArray()).as("%s", t).containsExactly(square.toFloatArray());
            }
            NDArray wide = m.randomUniform(0f, 1f, new Shape(2, 3, 6, 10));
            for (Dihedral t : Dihedral.group(true, 6, 10)) {
                assertThat(t.invert(t.apply(wide)).toFloatArray()).as("%s", t).containsExactly(wide.toFloatArray());
            }
        }
    }

    @Test
    void eachTransformMovesPixelsAsWrittenOut() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.arange(2f * 5 * 5).reshape(1, 2, 5, 5); // every value distinct, two channels
            for (Dihedral t : Dihedral.values()) {
                assertThat(t.apply(x).toFloatArray()).as("%s", t).containsExactly(TtaPixels.move(x, t).toFloatArray());
                assertThat(t.invert(x).toFloatArray()).as("inverse of %s", t)
                        .containsExactly(TtaPixels.move(x, TtaPixels.inverse(t)).toFloatArray());
            }
            // a counter-clockwise quarter turn brings the top-right corner (value 4) to the top-left
            assertThat(Dihedral.ROTATE_90.apply(x).getFloat(0, 0, 0, 0)).isEqualTo(4f);
            NDArray wide = m.arange(3f * 4).reshape(1, 1, 3, 4);
            for (Dihedral t : Dihedral.group(false, 3, 4)) {
                assertThat(t.apply(wide).toFloatArray()).as("%s", t)
                        .containsExactly(TtaPixels.move(wide, t).toFloatArray());
            }
        }
    }

    @Test
    void theGroupIsEightTransformsOnSquaresAndTheFourFlipsOtherwise() {
        assertThat(Dihedral.group(true, 8, 8)).hasSize(8).doesNotHaveDuplicates();
        List<Dihedral> flips = List.of(Dihedral.IDENTITY, Dihedral.FLIP_LR, Dihedral.FLIP_UD, Dihedral.ROTATE_180);
        assertThat(Dihedral.group(false, 8, 8)).isEqualTo(flips);
        assertThat(Dihedral.group(true, 6, 10)).isEqualTo(flips);
        assertThat(flips).noneMatch(Dihedral::swapsAxes);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomUniform(0f, 1f, new Shape(1, 1, 6, 6));
            Set<Integer> images = new HashSet<>();
            for (Dihedral t : Dihedral.values()) {
                images.add(Arrays.hashCode(t.apply(x).toFloatArray()));
            }
            assertThat(images).as("eight different pictures of a random image").hasSize(8);
        }
    }
}
