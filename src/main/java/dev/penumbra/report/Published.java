package dev.penumbra.report;

import java.util.List;
import java.util.Map;

/**
 * The paper's published numbers (PROTOCOL.md), per dataset and model (softmax, ensemble, mcdropout, punet).
 */
public final class Published {

    /** One published metric: its name in our summaries, a label, and the values by model. */
    public record Metric(String key, String label, Map<String, Double> values) {
    }

    static final List<String> MODELS = List.of("softmax", "ensemble", "mcdropout", "punet");

    private Published() {
    }

    private static Map<String, Double> of(double softmax, double ensemble, double mcdropout, double punet) {
        return Map.of("softmax", softmax, "ensemble", ensemble, "mcdropout", mcdropout, "punet", punet);
    }

    /** LIDC-IDRI crops (4 annotators). */
    public static final List<Metric> LIDC = List.of(
            new Metric("ged@16", "GED@16", of(0.814, 0.569, 0.467, 0.456)),
            new Metric("diversity@16", "sample diversity@16", of(0, 0.265, 0.396, 0.432)),
            new Metric("r_correct", "rm_corr r, correctness vs entropy", of(-0.405, -0.451, -0.595, -0.525)),
            new Metric("r_agreement", "rm_corr r, disagreement vs entropy", of(0.592, 0.612, 0.461, 0.552)));

    /** ISIC 2018 (1 annotator). */
    public static final List<Metric> ISIC = List.of(
            new Metric("ged@16", "GED@16", of(0.530, 0.442, 0.310, 0.398)),
            new Metric("r_correct", "rm_corr r, correctness vs entropy", of(-0.380, -0.411, -0.354, -0.420)));
}
