package dev.penumbra.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penumbra.io.Json;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The byte layout of the safetensors format (github.com/huggingface/safetensors, README "Format"). */
class SafetensorsTest {

    private static byte[] write(List<Safetensors.Tensor> tensors, Map<String, String> metadata) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Safetensors.write(out, tensors, metadata);
        return out.toByteArray();
    }

    @Test
    void headerLengthJsonAndLittleEndianDataWithoutHoles() throws Exception {
        Safetensors.Tensor a = new Safetensors.Tensor("a.weight", new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, -6});
        Safetensors.Tensor b = new Safetensors.Tensor("b", new long[] {1}, new float[] {0.5f});
        byte[] file = write(List.of(a, b), Map.of("penumbra", "{\"model\":\"softmax\"}"));

        long n = ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat((8 + n) % Safetensors.ALIGNMENT).as("data start aligned").isZero();
        String text = new String(file, 8, (int) n, StandardCharsets.UTF_8);
        assertThat(text).startsWith("{");
        assertThat(text.strip()).endsWith("}");
        JsonNode header = Json.MAPPER.readTree(text);
        assertThat(header.get("__metadata__").get("penumbra").asText()).isEqualTo("{\"model\":\"softmax\"}");
        assertThat(header.get("a.weight").toString())
                .isEqualTo("{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]}");
        assertThat(header.get("b").get("data_offsets").toString()).isEqualTo("[24,28]");
        assertThat(file.length).as("the buffer is exactly the tensors").isEqualTo(8 + n + 28);

        ByteBuffer data = ByteBuffer.wrap(file, (int) (8 + n), 28).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(data.getFloat()).isEqualTo(1f);
        data.position(data.position() + 16);
        assertThat(data.getFloat()).isEqualTo(-6f);
        assertThat(data.getFloat()).isEqualTo(0.5f);
    }

    @Test
    void noMetadataMeansNoMetadataKey() throws Exception {
        byte[] file = write(List.of(new Safetensors.Tensor("x", new long[] {}, new float[] {7})), Map.of());
        long n = ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        JsonNode header = Json.MAPPER.readTree(new String(file, 8, (int) n, StandardCharsets.UTF_8));
        assertThat(header.has("__metadata__")).isFalse();
        assertThat(header.get("x").get("shape").size()).as("a scalar has shape []").isZero();
    }

    @Test
    void aNameUsedTwiceOrTheMetadataKeyIsRefused() {
        Safetensors.Tensor x = new Safetensors.Tensor("x", new long[] {1}, new float[] {1});
        assertThatThrownBy(() -> write(List.of(x, x), Map.of())).hasMessageContaining("x is reserved or used twice");
        Safetensors.Tensor meta = new Safetensors.Tensor("__metadata__", new long[] {1}, new float[] {1});
        assertThatThrownBy(() -> write(List.of(meta), Map.of())).hasMessageContaining("reserved");
    }

    @Test
    void aShapeThatDoesNotHoldTheValuesIsRefused() {
        assertThatThrownBy(() -> new Safetensors.Tensor("x", new long[] {2, 2}, new float[3]))
                .hasMessageContaining("shape holds 4 values, got 3");
    }
}
