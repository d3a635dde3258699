package dev.penumbra.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penumbra.InputException;
import org.junit.jupiter.api.Test;

class ProcessorBf16Test {

    /** The first processor of this project's development machine's /proc/cpuinfo (2026-12-07), shortened. */
    private static final String EPYC_AVX2 = """
            processor\t: 0
            vendor_id\t: AuthenticAMD
            model name\t: AMD EPYC
            flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sse sse2 ht syscall avx f16c avx2 bmi2 sha_ni vaes
            """;

    /** An Intel Sapphire Rapids server as Linux lists it: AVX-512 BF16 and AMX. */
    private static final String SAPPHIRE_RAPIDS = """
            processor\t: 0
            model name\t: Intel(R) Xeon(R) Platinum 8488C
            flags\t\t: fpu avx2 avx512f avx512_vnni avx512_bf16 amx_bf16 amx_tile amx_int8
            """;

    /** An Arm Neoverse V1 (AWS Graviton3): bf16 among the Features. */
    private static final String GRAVITON3 = """
            processor\t: 0
            Features\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm sve bf16 i8mm
            CPU part\t: 0xd40
            """;

    @Test
    void readsTheNativeBf16FlagsOfEachArchitecture() {
        assertThat(ProcessorBf16.parse(EPYC_AVX2, false).hasNativeBf16()).isFalse();
        ProcessorBf16 intel = ProcessorBf16.parse(SAPPHIRE_RAPIDS, false);
        assertThat(intel.nativeFlags()).containsExactly("avx512_bf16", "amx_bf16");
        assertThat(intel.describe()).isEqualTo("Intel(R) Xeon(R) Platinum 8488C (native bf16: avx512_bf16, amx_bf16)");
        ProcessorBf16 arm = ProcessorBf16.parse(GRAVITON3, false);
        assertThat(arm.nativeFlags()).containsExactly("bf16");
        assertThat(arm.processor()).isEqualTo("0xd40");
        // a flag that merely contains the letters is not the flag
        assertThat(ProcessorBf16.parse("flags\t: avx512_bf16x foo_bf16\n", false).hasNativeBf16()).isFalse();
        assertThat(ProcessorBf16.parse("", false).processor()).isEqualTo("unknown");
    }

    @Test
    void autoTakesBf16ExactlyWhereTheProcessorHasIt() {
        assertThat(ProcessorBf16.parse(SAPPHIRE_RAPIDS, false).resolve("--precision", "auto")).isEqualTo(Precision.BF16);
        assertThat(ProcessorBf16.parse(EPYC_AVX2, false).resolve("--precision", "AUTO")).isEqualTo(Precision.FP32);
        assertThat(ProcessorBf16.parse(EPYC_AVX2, false).resolve("--precision", "fp32")).isEqualTo(Precision.FP32);
        assertThat(ProcessorBf16.parse(GRAVITON3, false).resolve("--precision", "bf16")).isEqualTo(Precision.BF16);
    }

    @Test
    void bf16WithoutNativeSupportIsRefusedWithTheReasonAndTheFix() {
        assertThatThrownBy(() -> ProcessorBf16.parse(EPYC_AVX2, false).resolve("--precision", "bf16"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("--precision bf16").hasMessageContaining("AMD EPYC")
                .hasMessageContaining("avx512_bf16").hasMessageContaining("slower")
                .hasMessageContaining("--precision fp32");
        // tests of the bf16 path may run it emulated
        assertThat(ProcessorBf16.parse(EPYC_AVX2, true).resolve("--precision", "bf16")).isEqualTo(Precision.BF16);
        assertThat(ProcessorBf16.parse(EPYC_AVX2, true).resolve("--precision", "auto")).isEqualTo(Precision.FP32);
    }

    @Test
    void otherValuesNameTheChoices() {
        assertThatThrownBy(() -> ProcessorBf16.parse(SAPPHIRE_RAPIDS, false).resolve("--precision", "fp16"))
                .isInstanceOf(InputException.class).hasMessage("--precision must be fp32, bf16 or auto, got 'fp16'");
    }

    @Test
    void precisionNamesRoundTrip() {
        for (Precision p : Precision.values()) {
            assertThat(Precision.of(p.key())).isEqualTo(p);
        }
        assertThat(Precision.of("BF16")).isEqualTo(Precision.BF16);
    }
}
