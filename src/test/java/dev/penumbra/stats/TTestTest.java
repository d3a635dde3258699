package dev.penumbra.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.penumbra.InputException;
import dev.penumbra.stats.TTest.Alternative;
import org.junit.jupiter.api.Test;

/**
 * Reference values from scipy 1.10.1 ({@code /usr/bin/python3}):
 * <pre>
 * import scipy.stats as st
 * a = [0.61, 0.52, 0.70, 0.44, 0.58, 0.49]; b = [0.66, 0.71, 0.59, 0.75, 0.68, 0.73]
 * c = [0.66, 0.71, 0.59, 0.75, 0.68, 0.73, 0.80, 0.62, 0.77]
 * st.ttest_ind(a, b, alternative='less')     # t = -2.910123639832015, p = 0.00778071551913808
 * st.ttest_ind(a, b)                         # t = -2.910123639832015, p = 0.01556143103827616
 * st.ttest_ind(a, b, alternative='greater')  # t = -2.910123639832015, p = 0.9922192844808619
 * st.ttest_ind(a, c, equal_var=False, alternative='less')     # t = -3.2424094874959004, p = 0.005306719737208557
 * st.ttest_ind(a, c, equal_var=False)                         # t = -3.2424094874959004, p = 0.010613439474417114
 * st.ttest_ind(a, c, equal_var=False, alternative='greater')  # t = -3.2424094874959004, p = 0.9946932802627915
 * st.ttest_rel(a, b, alternative='less')     # t = -2.118189241714917, p = 0.043853306737246876, df = 5
 * st.ttest_rel(a, b)                         # t = -2.118189241714917, p = 0.08770661347449375
 * st.ttest_rel(a, b, alternative='greater')  # t = -2.118189241714917, p = 0.9561466932627531
 * # Welch dof (scipy 1.10 does not return it):
 * from scipy.stats._stats_py import _unequal_var_ttest_denom
 * _unequal_var_ttest_denom(np.var(a, ddof=1), 6, np.var(c, ddof=1), 9)[0]   # 8.679899460299785
 * </pre>
 */
class TTestTest {

    static final double[] A = {0.61, 0.52, 0.70, 0.44, 0.58, 0.49};
    static final double[] B = {0.66, 0.71, 0.59, 0.75, 0.68, 0.73};
    static final double[] C = {0.66, 0.71, 0.59, 0.75, 0.68, 0.73, 0.80, 0.62, 0.77};

    private static final double REL = 1e-7; // percent, i.e. 1e-9 relative

    @Test
    void equalSizesUseStudentsPooledT() {
        check(TTest.twoSample(A, B, Alternative.LESS), "Student", -2.910123639832015, 10, 0.00778071551913808);
        check(TTest.twoSample(A, B, Alternative.TWO_SIDED), "Student", -2.910123639832015, 10, 0.01556143103827616);
        check(TTest.twoSample(A, B, Alternative.GREATER), "Student", -2.910123639832015, 10, 0.9922192844808619);
    }

    @Test
    void unequalSizesUseWelch() {
        double dof = 8.679899460299785;
        check(TTest.twoSample(A, C, Alternative.LESS), "Welch", -3.2424094874959004, dof, 0.005306719737208557);
        check(TTest.twoSample(A, C, Alternative.TWO_SIDED), "Welch", -3.2424094874959004, dof, 0.010613439474417114);
        check(TTest.twoSample(A, C, Alternative.GREATER), "Welch", -3.2424094874959004, dof, 0.9946932802627915);
    }

    @Test
    void pairedTestsTheDifferences() {
        check(TTest.paired(A, B, Alternative.LESS), "paired", -2.118189241714917, 5, 0.043853306737246876);
        check(TTest.paired(A, B, Alternative.TWO_SIDED), "paired", -2.118189241714917, 5, 0.08770661347449375);
        check(TTest.paired(A, B, Alternative.GREATER), "paired", -2.118189241714917, 5, 0.9561466932627531);
    }

    @Test
    void resultCarriesSizesAndMeans() {
        TTest.Result r = TTest.twoSample(A, C, Alternative.LESS);
        assertThat(r.nA()).isEqualTo(6);
        assertThat(r.nB()).isEqualTo(9);
        assertThat(r.meanA()).isCloseTo(0.5566666666666666, withinPercentage(REL));
        assertThat(r.meanB()).isCloseTo(0.7011111111111111, withinPercentage(REL));
        assertThat(r.alternative()).isEqualTo(Alternative.LESS);
    }

    @Test
    void zeroVarianceGivesNaNNotACrash() {
        double[] same = {0.5, 0.5, 0.5};
        TTest.Result r = TTest.twoSample(same, new double[] {0.7, 0.7, 0.7}, Alternative.TWO_SIDED);
        assertThat(r.t()).isNaN();
        assertThat(r.p()).isNaN();
    }

    /**
     * scipy 1.10.1: {@code ttest_rel([1, 2, 3.5], [0, 1, 2.5])} gives statistic=inf, pvalue=0.0;
     * {@code ttest_rel([1, 2, 3.5], [2, 3, 4.5], alternative='less')} statistic=-inf, pvalue=0.0;
     * {@code ttest_rel([1, 2, 3.5], [1, 2, 3.5])} nan, nan.
     */
    @Test
    void pairedDifferencesThatAreAllEqualGiveWhatScipyGives() {
        double[] a = {1, 2, 3.5};
        TTest.Result up = TTest.paired(a, new double[] {0, 1, 2.5}, Alternative.TWO_SIDED);
        assertThat(up.t()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(up.p()).isZero();
        TTest.Result down = TTest.paired(a, new double[] {2, 3, 4.5}, Alternative.LESS);
        assertThat(down.t()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(down.p()).isZero();
        assertThat(TTest.paired(a, new double[] {2, 3, 4.5}, Alternative.GREATER).p()).isEqualTo(1.0);
        TTest.Result none = TTest.paired(a, a.clone(), Alternative.TWO_SIDED);
        assertThat(none.t()).isNaN();
        assertThat(none.p()).isNaN();
    }

    @Test
    void pairedNeedsEqualLengths() {
        assertThatThrownBy(() -> TTest.paired(A, C, Alternative.LESS)).isInstanceOf(InputException.class)
                .hasMessageContaining("6 and 9");
    }

    @Test
    void oneValueIsTooFew() {
        assertThatThrownBy(() -> TTest.twoSample(new double[] {1}, A, Alternative.LESS))
                .isInstanceOf(InputException.class).hasMessageContaining("at least 2");
    }

    @Test
    void parsesAlternativesAndNamesTheOptionOtherwise() {
        assertThat(Alternative.parse("less")).isEqualTo(Alternative.LESS);
        assertThat(Alternative.parse("greater")).isEqualTo(Alternative.GREATER);
        assertThat(Alternative.parse("two-sided")).isEqualTo(Alternative.TWO_SIDED);
        assertThatThrownBy(() -> Alternative.parse("smaller")).isInstanceOf(InputException.class)
                .hasMessageContaining("--alternative").hasMessageContaining("'smaller'")
                .hasMessageContaining("less, greater or two-sided");
    }

    private static void check(TTest.Result r, String test, double t, double dof, double p) {
        assertThat(r.test()).isEqualTo(test);
        assertThat(r.t()).isCloseTo(t, withinPercentage(REL));
        assertThat(r.dof()).isCloseTo(dof, withinPercentage(REL));
        assertThat(r.p()).isCloseTo(p, withinPercentage(REL));
    }
}
