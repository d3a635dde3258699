package dev.penumbra.export;

import java.nio.file.Path;

/**
 * What {@code penumbra export} wrote.
 *
 * @param file    the safetensors file
 * @param model   the model's registry name
 * @param tensors how many tensors (weights, biases, batch-norm statistics)
 * @param values  how many float32 values they hold
 * @param bytes   the size of the file in bytes
 */
public record ExportSummary(Path file, String model, int tensors, long values, long bytes) {
}
