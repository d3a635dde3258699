package dev.penumbra.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.penumbra.InputException;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.OptionalDouble;

class DataOptionsTest {

    @Test
    void defaultsKeepNativeSizeAndSplit70_15_15WithSeed42() {
        DataOptions d = DataOptions.defaults();
        assertThat(d.layout()).isEmpty();
        assertThat(d.size()).isZero();
        assertThat(d.maskThreshold()).isEmpty();
        assertThat(d.splitSeed()).isEqualTo(42);
        assertThat(d.valFraction()).isEqualTo(0.15);
        assertThat(d.testFraction()).isEqualTo(0.15);
        assertThat(d.groupRegex()).isEmpty();
    }

    @Test
    void withMethodsChangeOneValueEach() {
        DataOptions d = DataOptions.defaults().withLayout("lidc").withSize(128).withMaskThreshold(0.5)
                .withSplitSeed(7).withValFraction(0.2).withTestFraction(0.1).withGroupRegex("^(P\\d+)");
        assertThat(d).isEqualTo(new DataOptions(Optional.of("lidc"), 128, OptionalDouble.of(0.5), 7, 0.2, 0.1,
                Optional.of("^(P\\d+)"), 2));
        assertThat(d.withLayout(null).layout()).isEmpty();
        assertThat(d.withGroupRegex(null).groupRegex()).isEmpty();
        assertThat(d.withFractions(0.9, 0.05).valFraction()).isEqualTo(0.9);
    }

    @Test
    void negativeOrHugeSizeNamesSizeOption() {
        assertThatThrownBy(() -> DataOptions.defaults().withSize(-3))
                .isInstanceOf(InputException.class).hasMessageContaining("--size").hasMessageContaining("-3");
        assertThatThrownBy(() -> DataOptions.defaults().withSize(100000))
                .isInstanceOf(InputException.class).hasMessageContaining("--size").hasMessageContaining("100000")
                .hasMessageContaining("4096");
        assertThat(DataOptions.defaults().withSize(4096).size()).isEqualTo(4096);
    }

    @Test
    void maskThresholdOutsideOpenUnitIntervalNamesOption() {
        for (double bad : new double[] {0, 1, 1.5, -0.1, Double.NaN}) {
            assertThatThrownBy(() -> DataOptions.defaults().withMaskThreshold(bad))
                    .isInstanceOf(InputException.class).hasMessageContaining("--mask-threshold")
                    .hasMessageContaining("(0, 1)");
        }
    }

    @Test
    void fractionsOutsideOpenUnitIntervalNameTheirOption() {
        assertThatThrownBy(() -> DataOptions.defaults().withValFraction(0))
                .isInstanceOf(InputException.class).hasMessageContaining("--val-fraction").hasMessageContaining("0");
        assertThatThrownBy(() -> DataOptions.defaults().withTestFraction(1.2))
                .isInstanceOf(InputException.class).hasMessageContaining("--test-fraction").hasMessageContaining("1.2");
    }

    @Test
    void fractionsSummingToOneOrMoreNameBothOptionsAndTheSum() {
        assertThatThrownBy(() -> DataOptions.defaults().withFractions(0.15, 0.9))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("--val-fraction + --test-fraction")
                .hasMessageContaining("0.15 + 0.9 = 1.05");
    }

    @Test
    void groupRegexMustCompile() {
        assertThatThrownBy(() -> DataOptions.defaults().withGroupRegex("(P\\d+"))
                .isInstanceOf(InputException.class).hasMessageContaining("--group-regex '(P\\d+'")
                .hasMessageContaining("not a valid regular expression");
    }

    @Test
    void groupRegexMustHaveACapturingGroup() {
        assertThatThrownBy(() -> DataOptions.defaults().withGroupRegex("^P\\d+"))
                .isInstanceOf(InputException.class).hasMessageContaining("--group-regex")
                .hasMessageContaining("no capturing group");
    }

    @Test
    void roundTripsThroughJsonWithNullsForAbsentValues() throws Exception {
        ObjectMapper json = new ObjectMapper();
        DataOptions set = DataOptions.defaults().withLayout("lidc").withSize(128).withMaskThreshold(0.5)
                .withGroupRegex("^(P\\d+)");
        assertThat(json.readValue(json.writeValueAsString(set), DataOptions.class)).isEqualTo(set);
        String plain = json.writeValueAsString(DataOptions.defaults());
        assertThat(json.readTree(plain).get("layout").isNull()).isTrue();
        assertThat(json.readTree(plain).get("maskThreshold").isNull()).isTrue();
        assertThat(json.readValue(plain, DataOptions.class)).isEqualTo(DataOptions.defaults());
    }

    @Test
    void jsonWithMissingValuesTakesDefaultsAndIsValidated() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readValue("{\"size\": 64}", DataOptions.class)).isEqualTo(DataOptions.defaults().withSize(64));
        assertThatThrownBy(() -> json.readValue("{\"valFraction\": 2}", DataOptions.class))
                .hasRootCauseInstanceOf(InputException.class).rootCause().hasMessageContaining("--val-fraction");
    }

    @Test
    void groupPatternCompilesTheRegex() {
        assertThat(DataOptions.defaults().withGroupRegex("^(P\\d+)_").groupPattern().orElseThrow()
                .matcher("P12_x").find()).isTrue();
    }
}
