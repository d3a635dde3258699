package dev.penumbra.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.penumbra.InputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RmCorrTest {

    /** Bland and Altman (BMJ 1995; 310:446), blood pH and PaCO2 of 8 subjects; pingouin's rm_corr example data. */
    static Path bland1995() throws Exception {
        return Path.of(RmCorrTest.class.getResource("rm_corr_bland1995.csv").toURI());
    }

    /**
     * pingouin's documented example, {@code pg.rm_corr(data=df, x='pH', y='PacO2', subject='Subject')}, prints
     * r = -0.507, dof = 38, pval = 0.000847, CI95% = [-0.71, -0.23]. Full digits from the same formulas in
     * numpy/scipy 1.10.1 (subject-centred Pearson r, 2 * t.sf(|t|, 38), tanh(atanh(r) -+ norm.ppf(0.975) /
     * sqrt(37))): r = -0.5067697422330628, p = 0.0008471081091289226, CI [-0.7067146363859452,
     * -0.23186311975667687].
     */
    @Test
    void reproducesPingouinOnBlandAltman1995() throws Exception {
        CsvTable table = CsvTable.read(bland1995());
        RmCorr.Result r = RmCorr.compute(table.numbers("pH", "--x"), table.numbers("PacO2", "--y"),
                table.strings("Subject", "--subject"));
        assertThat(r.observations()).isEqualTo(47);
        assertThat(r.subjects()).isEqualTo(8);
        assertThat(r.dof()).isEqualTo(38);
        assertThat(r.r()).isCloseTo(-0.507, within(5e-4)).isCloseTo(-0.5067697422330628, within(1e-12));
        assertThat(r.p()).isCloseTo(0.0008471081091289226, within(1e-14));
        assertThat(r.ciLow()).isCloseTo(-0.71, within(5e-3)).isCloseTo(-0.7067146363859452, within(1e-12));
        assertThat(r.ciHigh()).isCloseTo(-0.23, within(5e-3)).isCloseTo(-0.23186311975667687, within(1e-12));
    }

    /**
     * The subject-level bootstrap against an independent numpy resampling of the same data,
     * {@code /usr/bin/python3 src/test/resources/dev/penumbra/stats/rm_corr_bootstrap.py} (numpy 1.24, 100000
     * resamples of the 8 subjects, rm_corr r recomputed from scratch each time): r = -0.5067697422330627, 95% CI
     * [-0.7250346022400284, 0.00754632443553673]. Different random streams, so they agree to Monte-Carlo error
     * (about 0.01 with 20000 resamples here). With only 8 subjects the interval reaches 0, where Fisher's
     * (which treats the 47 pixels as independent) does not.
     */
    @Test
    void subjectBootstrapMatchesAnIndependentNumpyResampling() throws Exception {
        CsvTable table = CsvTable.read(bland1995());
        double[] x = table.numbers("pH", "--x");
        double[] y = table.numbers("PacO2", "--y");
        String[] s = table.strings("Subject", "--subject");
        Bootstrap.Interval ci = RmCorr.bootstrapCi(x, y, s, 20000, 0.95, 7);
        assertThat(ci.estimate()).isCloseTo(-0.5067697422330628, within(1e-12));
        assertThat(ci.low()).isCloseTo(-0.7250346022400284, within(0.02));
        assertThat(ci.high()).isCloseTo(0.00754632443553673, within(0.02));
        assertThat(RmCorr.bootstrapCi(x, y, s, 20000, 0.95, 7)).isEqualTo(ci);
        assertThat(ci.high() - ci.low()).isGreaterThan(RmCorr.compute(x, y, s).ciHigh() - RmCorr.compute(x, y, s).ciLow());
    }

    @Test
    void ignoresDifferencesBetweenSubjects() {
        double[] x = {1, 2, 3, 1, 2, 3, 1, 2, 4};
        double[] y = {2, 1, 3, 5, 4, 7, 0, 1, 1};
        String[] s = {"a", "a", "a", "b", "b", "b", "c", "c", "c"};
        double[] shifted = x.clone();
        for (int i = 3; i < 6; i++) {
            shifted[i] += 100;
        }
        assertThat(RmCorr.compute(shifted, y, s).r()).isCloseTo(RmCorr.compute(x, y, s).r(), within(1e-12));
    }

    @Test
    void noVariationWithinSubjectsGivesNaN() {
        double[] x = {1, 1, 2, 2, 3, 3};
        double[] y = {1, 2, 3, 4, 5, 7};
        RmCorr.Result r = RmCorr.compute(x, y, new String[] {"a", "a", "b", "b", "c", "c"});
        assertThat(r.dof()).isEqualTo(2);
        assertThat(r.r()).isNaN();
        assertThat(r.p()).isNaN();
        assertThat(r.ciLow()).isNaN();
        assertThat(r.ciHigh()).isNaN();
    }

    @Test
    void tooFewObservationsPerSubjectIsAnInputError() {
        assertThatThrownBy(() -> RmCorr.compute(new double[] {1, 2, 3}, new double[] {3, 1, 2},
                new String[] {"a", "a", "b"})).isInstanceOf(InputException.class)
                .hasMessageContaining("3 observations of 2 subjects leave 0 degrees of freedom");
    }
}
