package dev.penumbra.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void textIsEscapedSoImageIdsCannotBreakThePage() {
        assertThat(Html.esc("<a href=\"x\">&'")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    }

    @Test
    void pValuesBelowDoublePrecisionAreShownAsABoundNotAsZero() {
        assertThat(Html.p(0.0)).isEqualTo("&lt; 1e-15");
        assertThat(Html.p(4.5e-53)).isEqualTo("&lt; 1e-15");
        assertThat(Html.p(0.0005755)).isEqualTo("5.76e-04");
        assertThat(Html.p(0.5312)).isEqualTo("0.5312");
        assertThat(Html.p(Double.NaN)).isEqualTo("\u2013");
    }

    @Test
    void degreesOfFreedomShowDecimalsOnlyForWelch() {
        assertThat(Html.dof(30.0)).isEqualTo("30");
        assertThat(Html.dof(8.679899)).isEqualTo("8.68");
    }

    @Test
    void tablesHaveOneHeaderCellPerColumn() {
        String t = Html.table(List.of("a", "b"), List.of(List.of("1", "2")));
        assertThat(t).contains("<th>a</th><th>b</th>").contains("<td>1</td><td>2</td>");
    }
}
