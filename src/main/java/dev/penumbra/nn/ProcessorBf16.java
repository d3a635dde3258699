package dev.penumbra.nn;

import dev.penumbra.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether this processor computes bfloat16 natively, read from {@code /proc/cpuinfo}, and the {@code --precision}
 * choice resolved against it.
 *
 * <p>Native means the x86 flags {@code avx512_bf16} (AVX-512 BF16: Intel Cooper Lake and Sapphire Rapids, AMD Zen 4
 * and later) or {@code amx_bf16} (Intel AMX), or the Arm feature {@code bf16}. Elsewhere libtorch emulates bf16
 * convolutions, which is far slower than float32 (a 3x3 convolution 32 x 64 x 64 x 64 took 75 times as long on an AVX2
 * machine, measured with this engine), so {@code bf16} is refused there and {@code auto} means fp32.
 *
 * @param processor   the processor's model name, or "unknown"
 * @param nativeFlags the flags found that give native bf16 (empty: none)
 * @param emulationAllowed true when the system property {@value #ALLOW_EMULATED} is {@code true}: bf16 is then
 *                    accepted without native support (slow; for tests of the bf16 path on any machine)
 */
public record ProcessorBf16(String processor, List<String> nativeFlags, boolean emulationAllowed) {

    /** The system property that lets tests run the bf16 path on processors without native bf16. */
    public static final String ALLOW_EMULATED = "penumbra.bf16.allowEmulated";
    /** The system property that names another file to read instead of /proc/cpuinfo (tests of both kinds). */
    public static final String CPUINFO_FILE = "penumbra.cpuinfo";

    private static final List<String> NATIVE = List.of("avx512_bf16", "amx_bf16", "bf16");

    public ProcessorBf16 {
        nativeFlags = List.copyOf(nativeFlags);
    }

    /** Reads this machine's processor (no /proc/cpuinfo: an unknown processor without native bf16). */
    public static ProcessorBf16 detect() {
        Path cpuinfo = Path.of(System.getProperty(CPUINFO_FILE, "/proc/cpuinfo"));
        String text;
        try {
            text = Files.isReadable(cpuinfo) ? Files.readString(cpuinfo) : "";
        } catch (IOException e) {
            text = "";
        }
        return parse(text, Boolean.getBoolean(ALLOW_EMULATED));
    }

    /** @param cpuinfo the text of a {@code /proc/cpuinfo} (x86 "flags" or Arm "Features" lines) */
    static ProcessorBf16 parse(String cpuinfo, boolean emulationAllowed) {
        String processor = field(cpuinfo, "model name").or(() -> field(cpuinfo, "CPU part")).orElse("unknown");
        String flags = field(cpuinfo, "flags").or(() -> field(cpuinfo, "Features")).orElse("");
        List<String> present = Arrays.asList(flags.split("\\s+"));
        List<String> found = NATIVE.stream().filter(present::contains).toList();
        return new ProcessorBf16(processor, found, emulationAllowed);
    }

    private static Optional<String> field(String cpuinfo, String name) {
        return cpuinfo.lines()
                .filter(l -> l.startsWith(name) && l.substring(name.length()).trim().startsWith(":"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim())
                .findFirst();
    }

    public boolean hasNativeBf16() {
        return !nativeFlags.isEmpty();
    }

    /**
     * @param option the option's name, for messages (e.g. {@code --precision})
     * @param choice fp32, bf16 or auto (any case)
     * @return fp32 or bf16; auto is bf16 exactly where the processor has native bf16
     * @throws InputException for another value, or bf16 on a processor without native bf16
     */
    public Precision resolve(String option, String choice) {
        String c = choice.toLowerCase(Locale.ROOT);
        switch (c) {
            case "fp32":
                return Precision.FP32;
            case "auto":
                return hasNativeBf16() ? Precision.BF16 : Precision.FP32;
            case "bf16":
                if (!hasNativeBf16() && !emulationAllowed) {
                    throw new InputException(option + " bf16: this processor (" + processor + ") has no native bf16"
                            + " instructions (none of avx512_bf16, amx_bf16 or bf16 among its /proc/cpuinfo flags),"
                            + " and emulated bf16 runs many times slower than fp32 (75 times for a 3x3 convolution,"
                            + " measured). Use " + option + " fp32 (the default), or auto, which takes bf16 only"
                            + " where the processor has it.");
                }
                return Precision.BF16;
            default:
                throw new InputException(option + " must be fp32, bf16 or auto, got '" + choice + "'");
        }
    }

    /** @return e.g. "AMD EPYC 9R14 (native bf16: avx512_bf16)" or "AMD EPYC (no native bf16)" */
    public String describe() {
        return processor + (hasNativeBf16() ? " (native bf16: " + String.join(", ", nativeFlags) + ")"
                : " (no native bf16" + (emulationAllowed ? "; emulation allowed by " + ALLOW_EMULATED : "") + ")");
    }
}
