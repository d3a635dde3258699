package dev.penumbra.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.penumbra.InputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class UNetTest {

    private static UNetConfig tiny(int in, int classes, boolean residual) {
        return new UNetConfig(in, classes, List.of(4, 8, 16, 32), 3, true, 0, residual);
    }

    @Test
    void outputHasClassesAtInputResolution() {
        try (NDManager m = NDManager.newBaseManager()) {
            UNet net = new UNet(tiny(3, 4, false), true);
            net.initialize(m, DataType.FLOAT32, new Shape(2, 3, 32, 32));
            NDArray y = net.forward(new ParameterStore(m, false), new NDList(m.randomUniform(0f, 1f,
                    new Shape(2, 3, 32, 32))), false).singletonOrThrow();
            assertThat(y.getShape()).isEqualTo(new Shape(2, 4, 32, 32));
            assertThat(net.getOutputShapes(new Shape[] {new Shape(2, 3, 32, 32)})[0]).isEqualTo(y.getShape());
        }
    }

    @Test
    void withoutHeadReturnsFirstLevelFeatures() {
        try (NDManager m = NDManager.newBaseManager()) {
            UNet net = new UNet(tiny(1, 2, true), false);
            net.initialize(m, DataType.FLOAT32, new Shape(1, 1, 16, 24));
            NDArray y = net.forward(new ParameterStore(m, false), new NDList(m.ones(new Shape(1, 1, 16, 24))), false)
                    .singletonOrThrow();
            assertThat(y.getShape()).isEqualTo(new Shape(1, 4, 16, 24));
        }
    }

    @Test
    void paperBackboneHasThePublishedParameterCount() {
        // 2.26 M parameters for [32, 64, 128, 192], 1 input channel, 2 classes (ENGINE_NOTES.md, PyTorch count)
        try (NDManager m = NDManager.newBaseManager()) {
            UNet net = new UNet(UNetConfig.paper(1, 2, 0), true);
            net.initialize(m, DataType.FLOAT32, new Shape(1, 1, 64, 64));
            long trainable = net.getParameters().stream()
                    .filter(p -> p.getValue().requiresGradient())
                    .mapToLong(p -> p.getValue().getArray().size()).sum();
            assertThat(trainable).isBetween(2_200_000L, 2_320_000L);
        }
    }

    @Test
    void sizesNotDivisibleByTheDepthAreRefusedWithTheFix() {
        assertThatThrownBy(() -> tiny(1, 2, false).checkInputSize(30, 32))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("30x32").hasMessageContaining("divisible by 8").hasMessageContaining("--size");
    }

    @Test
    void badSettingsNameTheOption() {
        assertThatThrownBy(() -> new UNetConfig(1, 1, List.of(4, 8), 3, true, 0, false))
                .isInstanceOf(InputException.class).hasMessageContaining("--classes");
        assertThatThrownBy(() -> new UNetConfig(1, 2, List.of(4, 8), 3, true, 1.0, false))
                .isInstanceOf(InputException.class).hasMessageContaining("--dropout").hasMessageContaining("[0, 1)");
    }
}
