package dev.penumbra.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * NCC against PHiSeg's published formula. The numbers in {@code ncc.json} come from {@code ncc.py} beside it, a
 * numpy transcription of {@code variance_ncc_dist} and {@code ncc} of github.com/baumgach/PHiSeg-code, utils.py
 * (commit c43f3b3), float64, produced by
 * <pre>
 *   /usr/bin/python3 src/test/resources/dev/penumbra/metric/ncc.py   # Debian python3-numpy
 * </pre>
 * Our maps come from float32 tensors, hence the tolerance.
 */
class NccTest {

    /** The NCC of one case through the same path as evaluation: n x 1 x 2 x H x W probabilities in DJL. */
    private static double ncc(NDManager m, JsonNode c) {
        int n = c.get("samples").size();
        int pixels = c.get("height").asInt() * c.get("width").asInt();
        float[] probs = new float[n * 2 * pixels];
        for (int i = 0; i < n; i++) {
            JsonNode fg = c.get("samples").get(i);
            for (int p = 0; p < pixels; p++) {
                float f = (float) fg.get(p).asDouble();
                probs[(i * 2) * pixels + p] = 1 - f;
                probs[(i * 2 + 1) * pixels + p] = f;
            }
        }
        NDArray samples = m.create(probs, new Shape(n, 1, 2, c.get("height").asInt(), c.get("width").asInt()));
        float[] meanLog = Ncc.meanLog(samples).toFloatArray();
        float[] mean = PixelUncertainty.mean(samples).toFloatArray();
        List<byte[]> annotations = new ArrayList<>();
        for (JsonNode a : c.get("annotations")) {
            byte[] b = new byte[pixels];
            for (int p = 0; p < pixels; p++) {
                b[p] = (byte) a.get(p).asInt();
            }
            annotations.add(b);
        }
        return Ncc.of(meanLog, mean, annotations);
    }

    @Test
    void matchesPhisegsVarianceNccDistOnEveryReferenceCase() throws Exception {
        JsonNode cases = GedAllPairsReferenceTest.cases("ncc.json");
        assertThat(cases.size()).isGreaterThanOrEqualTo(6);
        try (NDManager m = NDManager.newBaseManager()) {
            for (JsonNode c : cases) {
                assertThat(ncc(m, c)).as(c.get("name").asText()).isCloseTo(c.get("ncc").asDouble(), within(2e-5));
            }
        }
    }

    @Test
    void aConstantMapScoresZeroInsteadOfNaN() {
        // every pixel equally uncertain: E_ss is constant, PHiSeg's code returns NaN (0/0); we define 0
        int pixels = 16;
        float[] meanLog = new float[2 * pixels];
        float[] mean = new float[2 * pixels];
        Arrays.fill(meanLog, (float) Math.log(0.5));
        Arrays.fill(mean, 0.5f);
        byte[] annotation = new byte[pixels];
        annotation[3] = 1;
        assertThat(Ncc.of(meanLog, mean, List.of(annotation))).isEqualTo(0.0);
    }

    @Test
    void uncertaintyWhereTheModelDisagreesWithTheAnnotatorGivesPositiveNcc() {
        // 4 pixels: the model is sure of background on 0 and 1, unsure on 2 and 3; the annotator marks 2 and 3
        int pixels = 4;
        float[] fg = {0.01f, 0.01f, 0.4f, 0.6f};
        float[] mean = new float[2 * pixels];
        float[] meanLog = new float[2 * pixels];
        for (int p = 0; p < pixels; p++) {
            mean[p] = 1 - fg[p];
            mean[pixels + p] = fg[p];
            meanLog[p] = (float) Math.log(1 - fg[p] + 1e-8);
            meanLog[pixels + p] = (float) Math.log(fg[p] + 1e-8);
        }
        byte[] annotation = {0, 0, 1, 1};
        assertThat(Ncc.of(meanLog, mean, List.of(annotation))).isGreaterThan(0.5);
    }
}
