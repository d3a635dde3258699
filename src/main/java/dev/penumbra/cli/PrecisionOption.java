package dev.penumbra.cli;

import ai.djl.Device;
import dev.penumbra.InputException;
import dev.penumbra.nn.Precision;
import dev.penumbra.nn.ProcessorBf16;
import picocli.CommandLine.Option;

/** The {@code --precision} of every command that runs the networks. */
public final class PrecisionOption {

    @Option(names = "--precision", paramLabel = "fp32|bf16|auto", defaultValue = "fp32",
            description = "Number format of the networks' convolutions: fp32 (default), bf16 (bfloat16, on"
                    + " processors with native bf16 only; training runs as mixed precision with float32 weights),"
                    + " or auto = bf16 where the processor has it, else fp32.")
    String precision = "fp32";

    /**
     * @param device where the networks run
     * @return the precision, resolved against this processor
     * @throws InputException for bf16 on a processor without native bf16, or on a GPU
     */
    public Precision resolve(Device device) {
        if (device.isGpu()) {
            if (precision.equalsIgnoreCase("bf16")) {
                throw new InputException("--precision bf16 is built for CPUs (see README, \"Performance\"); on a GPU"
                        + " use --precision fp32");
            }
            ProcessorBf16.detect().resolve("--precision", precision); // checks the value
            return Precision.FP32;
        }
        return ProcessorBf16.detect().resolve("--precision", precision);
    }

    /**
     * Refuses to continue work stored in bf16 where bf16 cannot run (a run resumed on another machine).
     *
     * @param stored the precision the stored work was started in
     * @param source the file that says so, for the message
     */
    public static void checkRunnable(Precision stored, Device device, Object source) {
        if (stored == Precision.BF16) {
            if (device.isGpu()) {
                throw new InputException(source + " was started with --precision bf16, which is built for CPUs;"
                        + " continue it on a CPU with native bf16 (--device cpu)");
            }
            ProcessorBf16.detect().resolve("--precision (stored in " + source + ")", "bf16");
        }
    }

    /** @return the value given (fp32, bf16 or auto), for messages */
    public String given() {
        return precision;
    }
}
