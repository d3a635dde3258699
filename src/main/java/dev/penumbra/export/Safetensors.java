package dev.penumbra.export;

import dev.penumbra.io.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safetensors format (github.com/huggingface/safetensors, README "Format"): an unsigned little-endian 64-bit
 * header length N, N bytes of UTF-8 JSON that begin with '{' and may end in spaces, then the byte buffer. The JSON
 * maps each tensor name to {@code {"dtype", "shape", "data_offsets": [begin, end]}} (offsets relative to the start
 * of the buffer, which the tensors fill without holes, in row-major little-endian order) and the reserved key
 * {@code __metadata__} to a map of strings. Only float32 ("F32") is written: every DJL parameter here is one.
 */
public final class Safetensors {

    /** The data start is padded to this many bytes, as the reference implementation does, for aligned reads. */
    static final int ALIGNMENT = 8;
    static final String METADATA = "__metadata__";

    /**
     * One tensor.
     *
     * @param name   its key in the file
     * @param shape  its dimensions, row-major
     * @param values the product of {@code shape} float32 values
     */
    public record Tensor(String name, long[] shape, float[] values) {

        public Tensor {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            if (n != values.length) {
                throw new IllegalArgumentException(name + ": shape holds " + n + " values, got " + values.length);
            }
        }

        long bytes() {
            return 4L * values.length;
        }
    }

    private Safetensors() {
    }

    /**
     * Writes the tensors, in the given order, and the metadata to {@code out} (which stays open).
     *
     * @throws IllegalArgumentException for a name used twice or the reserved metadata key as a tensor name
     */
    public static void write(OutputStream out, List<Tensor> tensors, Map<String, String> metadata)
            throws IOException {
        byte[] header = header(tensors, metadata);
        ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length);
        out.write(length.array());
        out.write(header);
        for (Tensor t : tensors) {
            ByteBuffer data = ByteBuffer.allocate((int) t.bytes()).order(ByteOrder.LITTLE_ENDIAN);
            data.asFloatBuffer().put(t.values());
            out.write(data.array());
        }
    }

    /** The JSON header, padded with spaces so that the data starts at a multiple of {@link #ALIGNMENT}. */
    static byte[] header(List<Tensor> tensors, Map<String, String> metadata) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (!metadata.isEmpty()) {
            json.put(METADATA, metadata);
        }
        long offset = 0;
        for (Tensor t : tensors) {
            if (t.name().equals(METADATA) || json.containsKey(t.name())) {
                throw new IllegalArgumentException("tensor name " + t.name() + " is reserved or used twice");
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dtype", "F32");
            entry.put("shape", t.shape());
            entry.put("data_offsets", new long[] {offset, offset + t.bytes()});
            json.put(t.name(), entry);
            offset += t.bytes();
        }
        String text = Json.toLine(json);
        int padding = (ALIGNMENT - (8 + text.getBytes(StandardCharsets.UTF_8).length) % ALIGNMENT) % ALIGNMENT;
        return (text + " ".repeat(padding)).getBytes(StandardCharsets.UTF_8);
    }
}
