package dev.penumbra.evaluate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.penumbra.stats.Bootstrap;
import dev.penumbra.stats.TTest;

/**
 * One unordered pair of models compared on a per-image score. The pair is written with the lower mean first, so
 * the direction reads off the order; every test is two-sided, since the order comes from the data. The paired test
 * over the same images is the primary one; the two-sample test of the seed paper's pipeline stands beside it (the
 * paper tested one-sided hypotheses fixed in advance; its one-sided p in the direction found is half the two-sided
 * p shown here).
 *
 * @param metric         the per-image score, e.g. ged@16
 * @param a              label of the model with the lower mean score
 * @param b              label of the other model
 * @param paired         two-sided paired t-test of a - b over the same images; null when the images differ
 * @param pairedHolm     the paired p adjusted by Holm's method over {@code family}; NaN without a paired test
 * @param family         the family the adjustment runs over, in words
 * @param meanDifference mean per-image difference a - b with its bootstrap 95% interval (images resampled), in the
 *                       unit of the score; null without paired images
 * @param cohensDz       Cohen's d_z of the paired differences a - b (unitless); NaN without paired images
 * @param twoSample      two-sided two-sample test: Student with equal group sizes, Welch otherwise
 */
public record Comparison(MetricKey metric, String a, String b, TTest.Result paired, double pairedHolm, String family,
                         Bootstrap.Interval meanDifference, double cohensDz, TTest.Result twoSample) {

    /** Reads comparisons written before the adjustment and effect sizes existed: those read as not computed. */
    @JsonCreator
    static Comparison read(@JsonProperty("metric") MetricKey metric, @JsonProperty("a") String a,
                           @JsonProperty("b") String b, @JsonProperty("paired") TTest.Result paired,
                           @JsonProperty("pairedHolm") Double pairedHolm, @JsonProperty("family") String family,
                           @JsonProperty("meanDifference") Bootstrap.Interval meanDifference,
                           @JsonProperty("cohensDz") Double cohensDz, @JsonProperty("twoSample") TTest.Result twoSample) {
        return new Comparison(metric, a, b, paired, pairedHolm == null ? Double.NaN : pairedHolm,
                family == null ? "not stated (written by an earlier version)" : family, meanDifference,
                cohensDz == null ? Double.NaN : cohensDz, twoSample);
    }
}
