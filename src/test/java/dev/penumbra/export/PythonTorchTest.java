package dev.penumbra.export;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import java.nio.file.Path;

/** Without Python's torch the export tests fail saying what to install, or are skipped when asked to. */
class PythonTorchTest {

    private static final Path MISSING = Path.of("/nonexistent/python3");

    @Test
    void aMissingInterpreterFailsWithWhatToInstall() {
        assertThatThrownBy(() -> PythonTorch.require(MISSING, null)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("/nonexistent/python3 does not exist")
                .hasMessageContaining("apt-get install python3-torch python3-numpy")
                .hasMessageContaining("PENUMBRA_SKIP_PYTHON_TESTS=1");
    }

    @Test
    void skipOneSkipsWithTheReason() {
        assertThatThrownBy(() -> PythonTorch.require(MISSING, "1")).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("PENUMBRA_SKIP_PYTHON_TESTS=1")
                .hasMessageContaining("install it with 'apt-get install python3-torch python3-numpy'");
    }

    @Test
    void anInterpreterWithoutTorchFailsToo() {
        // /bin/false stands for an interpreter whose imports fail: it runs and exits 1 whatever its arguments
        assertThatThrownBy(() -> PythonTorch.require(Path.of("/bin/false"), null)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("/bin/false cannot import torch and numpy");
    }
}
