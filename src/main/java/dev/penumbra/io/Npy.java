package dev.penumbra.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Writes float32 arrays in NumPy's {@code .npy} format (version 1.0), readable with {@code numpy.load}. */
public final class Npy {

    private Npy() {
    }

    /** Writes {@code values} (row-major, little-endian float32) with the given shape, atomically. */
    public static void writeFloats(Path file, float[] values, int... shape) {
        long n = 1;
        StringBuilder dims = new StringBuilder();
        for (int d : shape) {
            n *= d;
            dims.append(d).append(", ");
        }
        if (n != values.length) {
            throw new IllegalArgumentException("shape holds " + n + " values, got " + values.length);
        }
        String tuple = shape.length == 1 ? "(" + shape[0] + ",)" : "(" + dims.substring(0, dims.length() - 2) + ")";
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + tuple + ", }";
        // magic (6) + version (2) + header length (2) + header, padded with spaces and a newline to 64 bytes
        int unpadded = 10 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(10 + header.length() + 4 * values.length);
        bytes.write(0x93);
        bytes.writeBytes("NUMPY".getBytes(StandardCharsets.US_ASCII));
        bytes.write(1);
        bytes.write(0);
        bytes.write(header.length() & 0xff);
        bytes.write(header.length() >> 8);
        bytes.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        ByteBuffer data = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        data.asFloatBuffer().put(values);
        bytes.writeBytes(data.array());
        AtomicFiles.writeBytes(file, bytes.toByteArray());
    }
}
