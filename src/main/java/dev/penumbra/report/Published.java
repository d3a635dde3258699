package dev.penumbra.report;

import dev.penumbra.evaluate.Correlation;
import dev.penumbra.evaluate.Metric;
import dev.penumbra.evaluate.MetricKey;
import dev.penumbra.evaluate.ModelSummary;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The paper's published numbers (PROTOCOL.md), per dataset and model (softmax, ensemble, mcdropout, punet), and
 * later LIDC results under the all-pairs GED protocol, each with its source and whether we could verify it.
 */
public final class Published {

    /**
     * One published metric: a label, the values by model, and how to read ours of the same kind from a model's
     * summary (NaN where ours is not computed).
     */
    public record Entry(String label, Map<String, Double> values, ToDoubleFunction<ModelSummary> ours) {
    }

    static final List<String> MODELS = List.of("softmax", "ensemble", "mcdropout", "punet");

    private Published() {
    }

    private static Map<String, Double> of(double softmax, double ensemble, double mcdropout, double punet) {
        return Map.of("softmax", softmax, "ensemble", ensemble, "mcdropout", mcdropout, "punet", punet);
    }

    private static Entry mean(MetricKey key, String label, Map<String, Double> values) {
        return new Entry(label, values, s -> s.estimate(key));
    }

    private static double r(Correlation c) {
        return c == null || c.result() == null ? Double.NaN : c.result().r();
    }

    /** LIDC-IDRI crops (4 annotators). */
    public static final List<Entry> LIDC = List.of(
            mean(Metric.GED.at(16), "GED@16", of(0.814, 0.569, 0.467, 0.456)),
            mean(Metric.DIVERSITY.at(16), "sample diversity@16", of(0, 0.265, 0.396, 0.432)),
            new Entry("rm_corr r, correctness vs entropy", of(-0.405, -0.451, -0.595, -0.525),
                    s -> r(s.correctness())),
            new Entry("rm_corr r, disagreement vs entropy", of(0.592, 0.612, 0.461, 0.552), s -> r(s.agreement())));

    /**
     * One later LIDC result under the all-pairs protocol (V-statistic over the samples and the 4 given annotations,
     * pairs i = j included, d = 1 - IoU of the foreground, two empty masks at distance 0).
     *
     * @param method   the method as its source names it
     * @param model    our model of the same kind ("punet"), or null when we have none
     * @param ged      the published mean GED
     * @param samples  model samples per image behind it
     * @param split    which LIDC crops and split
     * @param source   paper (venue, year, table) or repository
     * @param verified whether we read the number in the source itself; false: quoted from secondary knowledge,
     *                 to be checked against the paper before citing
     */
    public record Literature(String method, String model, double ged, int samples, String split, String source,
                             boolean verified) {
    }

    private static final String V1 = "128x128 crops of Knegt's data_lidc.pickle, random split by series (about"
            + " 64/16/20 %)";

    /**
     * Later LIDC results under the all-pairs protocol, looked up 2026-12 (code of PHiSeg, the SSN fork, MoSE and
     * BerDiff read to confirm the protocol; paper tables could not be opened, so only the MoSE README number is
     * verified).
     */
    public static final List<Literature> LIDC_ALL_PAIRS = List.of(
            new Literature("MoSE, released checkpoint", null, 0.213, 16, V1 + ", random_state 0",
                    "github.com/gaozhitong/MoSE-AUSeg README; Gao et al., ICLR 2023, arXiv 2212.07328", true),
            new Literature("MoSE", null, 0.218, 16, V1, "Gao et al., ICLR 2023, Table 1", false),
            new Literature("MoSE", null, 0.189, 100, V1, "Gao et al., ICLR 2023, Table 1", false),
            new Literature("Prob. U-Net (as MoSE reports it)", "punet", 0.320, 16, V1,
                    "Gao et al., ICLR 2023, Table 1", false),
            new Literature("Prob. U-Net (as MoSE reports it)", "punet", 0.252, 100, V1,
                    "Gao et al., ICLR 2023, Table 1", false),
            new Literature("Prob. U-Net (as PHiSeg reports it)", "punet", 0.2393, 100, V1 + ", unseeded",
                    "Baumgartner et al., MICCAI 2019, arXiv 1906.04045, Table 1", false),
            new Literature("PHiSeg (L = 5)", null, 0.2248, 100, V1 + ", unseeded",
                    "Baumgartner et al., MICCAI 2019, arXiv 1906.04045, Table 1", false),
            new Literature("SSN (low rank)", null, 0.21, 100, V1 + " (PHiSeg fork)",
                    "Monteiro et al., NeurIPS 2020, arXiv 2006.06015, LIDC table", false),
            new Literature("BerDiff", null, 0.238, 16, "Kohl et al.'s official crops and split (not the split"
                    + " above)", "Chen et al., MICCAI 2023, arXiv 2304.04429, Table 1", false));

    /** ISIC 2018 (1 annotator). */
    public static final List<Entry> ISIC = List.of(
            mean(Metric.GED.at(16), "GED@16", of(0.530, 0.442, 0.310, 0.398)),
            new Entry("rm_corr r, correctness vs entropy", of(-0.380, -0.411, -0.354, -0.420),
                    s -> r(s.correctness())));
}
