package dev.penumbra.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penumbra.InputException;
import org.junit.jupiter.api.Test;

class SyntheticKindTest {

    @Test
    void parsesBothKindsIgnoringCase() {
        assertThat(SyntheticKind.parse("ambiguous")).isEqualTo(SyntheticKind.AMBIGUOUS);
        assertThat(SyntheticKind.parse("Unambiguous")).isEqualTo(SyntheticKind.UNAMBIGUOUS);
    }

    @Test
    void unknownKindIsRefusedListingTheValidOnes() {
        assertThatThrownBy(() -> SyntheticKind.parse("lidc"))
                .isInstanceOf(InputException.class)
                .hasMessage("unknown synthetic kind 'lidc': expected one of ambiguous, unambiguous");
        assertThatThrownBy(() -> SyntheticKind.parse(null)).isInstanceOf(InputException.class);
    }

    @Test
    void kindsNameTheirLayoutAndAnnotators() {
        assertThat(SyntheticKind.AMBIGUOUS.layout()).isEqualTo("lidc");
        assertThat(SyntheticKind.AMBIGUOUS.annotators()).isEqualTo(4);
        assertThat(SyntheticKind.UNAMBIGUOUS.layout()).isEqualTo("isic");
        assertThat(SyntheticKind.UNAMBIGUOUS.annotators()).isEqualTo(1);
    }
}
