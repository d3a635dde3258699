package dev.penumbra.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The all-pairs estimator against the seed paper's own GED on given lists. The reference numbers in
 * {@code ged_all_pairs.json} come from {@code ged_all_pairs.py} beside it, a transcription of {@code ged()} and
 * {@code iou()} of github.com/SteffenCzolbe/probabilistic_segmentation, src/metrics/generalized_energy_distance.py
 * (commit cc1f665), called directly on the given samples and annotations (no re-draw), produced by
 * <pre>
 *   /usr/bin/python3 src/test/resources/dev/penumbra/metric/ged_all_pairs.py   # Debian python3-torch 1.13
 * </pre>
 * The published code computes in float32, so it agrees with ours to 1e-6; its float64 twin to 1e-12.
 */
class GedAllPairsReferenceTest {

    private static List<byte[]> masks(JsonNode list) {
        List<byte[]> out = new ArrayList<>();
        for (JsonNode m : list) {
            byte[] b = new byte[m.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) m.get(i).asInt();
            }
            out.add(b);
        }
        return out;
    }

    static JsonNode cases(String file) throws Exception {
        try (InputStream in = GedAllPairsReferenceTest.class.getResourceAsStream(file)) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void allPairsMatchesTheSeedPapersGeneralizedEnergyDistanceOnGivenLists() throws Exception {
        JsonNode cases = cases("ged_all_pairs.json");
        assertThat(cases.size()).isGreaterThanOrEqualTo(8);
        for (JsonNode c : cases) {
            Ged.Result r = Ged.compute(masks(c.get("samples")), masks(c.get("annotations")), Ged.Estimator.ALL_PAIRS,
                    new Random(1));
            String name = c.get("name").asText();
            assertThat(r.ged()).as(name).isCloseTo(c.get("ged").asDouble(), within(1e-6));
            assertThat(r.ged()).as(name).isCloseTo(c.get("ged_float64").asDouble(), within(1e-12));
            assertThat(r.crossDistance()).as(name).isCloseTo(c.get("cross_float64").asDouble(), within(1e-12));
            assertThat(r.sampleDiversity()).as(name).isCloseTo(c.get("sample_diversity_float64").asDouble(),
                    within(1e-12));
            assertThat(r.annotationDiversity()).as(name)
                    .isCloseTo(c.get("annotation_diversity_float64").asDouble(), within(1e-12));
        }
    }

    @Test
    void allPairsIsDeterministicAndDiffersFromThePaperPipelinesRedraw() throws Exception {
        JsonNode c = cases("ged_all_pairs.json").get(0); // 16 samples, 4 annotations
        List<byte[]> s = masks(c.get("samples"));
        List<byte[]> a = masks(c.get("annotations"));
        double one = Ged.compute(s, a, Ged.Estimator.ALL_PAIRS, new Random(1)).ged();
        double two = Ged.compute(s, a, Ged.Estimator.ALL_PAIRS, new Random(2)).ged();
        assertThat(one).isEqualTo(two);
        double paper = Ged.compute(s, a, Ged.Estimator.PAPER, new Random(1)).ged();
        double unbiased = Ged.compute(s, a, Ged.Estimator.UNBIASED, new Random(1)).ged();
        assertThat(paper).isNotEqualTo(one);
        // the unbiased estimator drops the zero self-distances, so both diversities grow and D^2 shrinks
        assertThat(unbiased).isLessThan(one);
    }

    @Test
    void estimatorNamesParseAsUsersWriteThem() {
        assertThat(Ged.Estimator.parse("all-pairs")).isEqualTo(Ged.Estimator.ALL_PAIRS);
        assertThat(Ged.Estimator.parse("ALL_PAIRS")).isEqualTo(Ged.Estimator.ALL_PAIRS);
        assertThat(Ged.Estimator.parse("Paper")).isEqualTo(Ged.Estimator.PAPER);
        assertThat(Ged.Estimator.ALL_PAIRS.toString()).isEqualTo("all-pairs");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Ged.Estimator.parse("v-stat"))
                .isInstanceOf(dev.penumbra.InputException.class)
                .hasMessageContaining("'v-stat'").hasMessageContaining("all-pairs");
    }
}
