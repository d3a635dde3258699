package dev.penumbra.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penumbra.InputException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyReaderTest {

    @TempDir
    Path tmp;

    /** A version 1.0 file as numpy.save writes it, with the given header dictionary and data. */
    private Path file(String dict, byte[] data) throws Exception {
        int padding = (64 - (10 + dict.length() + 1) % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0x93);
        b.writeBytes("NUMPY".getBytes(StandardCharsets.US_ASCII));
        b.write(1);
        b.write(0);
        b.write(header.length() & 0xff);
        b.write(header.length() >> 8);
        b.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(data);
        Path f = tmp.resolve("a.npy");
        Files.write(f, b.toByteArray());
        return f;
    }

    @Test
    void readsWhatNpyWritesBackInRowMajorOrder() {
        Path f = tmp.resolve("p.npy");
        Npy.writeFloats(f, new float[] {0f, 0.25f, 0.5f, 0.75f, 1f, 0.125f}, 2, 3);
        int[] shape = new int[2];
        assertThat(NpyReader.read(f, shape)).containsExactly(0, 0.25, 0.5, 0.75, 1, 0.125);
        assertThat(shape).containsExactly(2, 3);
    }

    @Test
    void readsFloat64() throws Exception {
        ByteBuffer d = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.1).putDouble(0.9);
        Path f = file("{'descr': '<f8', 'fortran_order': False, 'shape': (1, 2), }", d.array());
        assertThat(NpyReader.read(f, new int[2])).containsExactly(0.1, 0.9);
    }

    @Test
    void refusesOtherTypesOrdersShapesAndShortData() throws Exception {
        Path ints = file("{'descr': '<i8', 'fortran_order': False, 'shape': (1, 1), }", new byte[8]);
        assertThatThrownBy(() -> NpyReader.read(ints, new int[2])).isInstanceOf(InputException.class)
                .hasMessageContaining("dtype '<i8'").hasMessageContaining("expected float32");
        Path fortran = file("{'descr': '<f4', 'fortran_order': True, 'shape': (1, 1), }", new byte[4]);
        assertThatThrownBy(() -> NpyReader.read(fortran, new int[2])).hasMessageContaining("Fortran order");
        Path cube = file("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 1, 1), }", new byte[4]);
        assertThatThrownBy(() -> NpyReader.read(cube, new int[2])).hasMessageContaining("shape (1, 1, 1)")
                .hasMessageContaining("expected a 2-D array");
        Path shortData = file("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }", new byte[8]);
        assertThatThrownBy(() -> NpyReader.read(shortData, new int[2])).hasMessageContaining("holds 8 bytes");
        Path text = tmp.resolve("t.npy");
        Files.writeString(text, "not numpy at all");
        assertThatThrownBy(() -> NpyReader.read(text, new int[2])).hasMessageContaining("is not a NumPy .npy file");
    }
}
