package dev.penumbra.nn;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/**
 * The number format of a forward pass's convolutional trunk (the U-Net and the convolutional encoders of the Prob.
 * U-Net's prior and posterior nets). Parameters, optimiser state, checkpoints, softmax, losses and every reduction
 * that feeds a metric stay in float32 whatever the precision.
 */
public enum Precision {
    /** float32 throughout: the reference. */
    FP32("fp32"),
    /**
     * bfloat16 activations and convolution weights inside the trunk: the input is converted on entry, float32
     * weights are converted on use (training: mixed precision, gradients reach the float32 master weights), batch
     * norm keeps float32 statistics and affine parameters, and the trunk's output is converted back to float32.
     */
    BF16("bf16");

    private final String key;

    Precision(String key) {
        this.key = key;
    }

    /** @return the name used on the command line and in run.json, e.g. {@code bf16} */
    @JsonValue
    public String key() {
        return key;
    }

    /** @return the precision named {@code key} (fp32 or bf16, any case) */
    @JsonCreator
    public static Precision of(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.key.equals(k)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown precision '" + key + "'"));
    }

    @Override
    public String toString() {
        return key;
    }
}
