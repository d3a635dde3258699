package dev.penumbra.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.penumbra.nn.LowRankGaussian;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The Stochastic Segmentation Network's Monte-Carlo loss and its logit distribution against outside numbers. The
 * numbers in {@code ssn_loss.json} come from {@code ssn_loss.py} beside it: float64, torch's
 * {@code LowRankMultivariateNormal} (arguments, rsample arithmetic with given noise, covariance matrix),
 * {@code F.cross_entropy(..., weight=w, reduction='none')} and {@code torch.logsumexp}, checked there against a
 * numpy computation by hand, produced by
 * <pre>
 *   /usr/bin/python3 src/test/resources/dev/penumbra/model/ssn_loss.py   # Debian python3-numpy, python3-torch 1.13
 * </pre>
 * Ours runs in float32, hence the tolerances.
 */
class SsnLossTest {

    static JsonNode reference() throws Exception {
        try (InputStream in = SsnLossTest.class.getResourceAsStream("ssn_loss.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static NDArray array(NDManager m, JsonNode values, long... shape) {
        float[] f = new float[values.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values.get(i).asDouble();
        }
        return m.create(f, new Shape(shape));
    }

    private static NDArray longs(NDManager m, JsonNode values, long... shape) {
        long[] l = new long[values.size()];
        for (int i = 0; i < l.length; i++) {
            l[i] = values.get(i).asLong();
        }
        return m.create(l, new Shape(shape));
    }

    private static float[] classWeights(JsonNode c) {
        if (c.get("weights").isNull()) {
            return null;
        }
        float[] w = new float[c.get("weights").size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) c.get("weights").get(i).asDouble();
        }
        return w;
    }

    /** One reference case: its distribution, its noise, and the labels. */
    private record Case(LowRankGaussian gaussian, NDArray eps1, NDArray eps2, NDArray labels, float[] weights) {

        static Case of(NDManager m, JsonNode c) {
            long b = c.get("batch").asLong();
            long k = c.get("classes").asLong();
            long h = c.get("height").asLong();
            long w = c.get("width").asLong();
            long r = c.get("rank").asLong();
            long n = c.get("samples").asLong();
            LowRankGaussian g = new LowRankGaussian(array(m, c.get("mean"), b, k, h, w),
                    array(m, c.get("factor"), b, r, k, h, w), array(m, c.get("diag"), b, k, h, w));
            return new Case(g, array(m, c.get("eps1"), n, b, r), array(m, c.get("eps2"), n, b, k, h, w),
                    longs(m, c.get("labels"), b, 1, h, w), classWeights(c));
        }
    }

    @Test
    void logitSamplesAndLossMatchTorch() throws Exception {
        JsonNode cases = reference().get("losses");
        assertThat(cases.size()).isGreaterThanOrEqualTo(4);
        try (NDManager m = NDManager.newBaseManager()) {
            for (JsonNode c : cases) {
                String name = c.get("name").asText();
                Case x = Case.of(m, c);
                NDArray logits = x.gaussian().logits(x.eps1(), x.eps2());
                float[] got = logits.toFloatArray();
                JsonNode want = c.get("logits");
                assertThat(got).as(name).hasSize(want.size());
                for (int i = 0; i < got.length; i++) {
                    double tol = 1e-5 * Math.max(1, Math.abs(want.get(i).asDouble()));
                    assertThat((double) got[i]).as(name + " logit " + i).isCloseTo(want.get(i).asDouble(),
                            within(tol));
                }
                double loss = StochasticSegmentationNetwork.monteCarloNll(logits, x.labels(), x.weights()).getFloat();
                double expected = c.get("loss").asDouble();
                assertThat(loss).as(name).isCloseTo(expected, within(2e-5 * Math.max(1, Math.abs(expected))));
            }
        }
    }

    @Test
    void logSumExpStaysFiniteWhereEveryLikelihoodUnderflows() throws Exception {
        JsonNode c = null;
        for (JsonNode x : reference().get("losses")) {
            if (x.get("name").asText().equals("large_logits")) {
                c = x;
            }
        }
        // exp(-32,578) is 0 even in float64: a naive log(mean(exp(L))) is -inf, and its gradient NaN
        assertThat(c.get("min_per_image_loglik").asDouble()).isLessThan(-1e4);
        try (NDManager m = NDManager.newBaseManager()) {
            Case x = Case.of(m, c);
            NDArray mean = x.gaussian().mean();
            NDArray factor = x.gaussian().factor();
            NDArray diag = x.gaussian().diag();
            for (NDArray a : new NDArray[] {mean, factor, diag}) {
                a.setRequiresGradient(true);
            }
            float loss;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray l = StochasticSegmentationNetwork.monteCarloNll(
                        new LowRankGaussian(mean, factor, diag).logits(x.eps1(), x.eps2()), x.labels(), null);
                loss = l.getFloat();
                gc.backward(l);
            }
            assertThat(loss).isFinite().isCloseTo((float) c.get("loss").asDouble(), within(0.05f));
            for (NDArray a : new NDArray[] {mean, factor, diag}) {
                float[] g = a.getGradient().toFloatArray();
                for (float v : g) {
                    assertThat(v).isFinite();
                }
                assertThat(a.getGradient().abs().sum().getFloat()).isGreaterThan(0f);
            }
        }
    }

    @Test
    void logitsOf1e6StillGiveAFiniteLoss() {
        try (NDManager m = NDManager.newBaseManager()) {
            // every sample confidently wrong on every pixel: log p(y | eta) about -2e6 per pixel
            NDArray logits = m.create(new float[] {1e6f, -1e6f}).reshape(1, 1, 2, 1, 1)
                    .broadcast(new Shape(20, 2, 2, 8, 8)).add(m.randomNormal(new Shape(20, 2, 2, 8, 8)));
            NDArray labels = m.ones(new Shape(2, 1, 8, 8)).toType(ai.djl.ndarray.types.DataType.INT64, false);
            float loss = StochasticSegmentationNetwork.monteCarloNll(logits, labels, new float[] {1, 3}).getFloat();
            assertThat(loss).isFinite().isCloseTo(2e6f, within(2e6f * 1e-3f));
        }
    }

    @Test
    void withoutCovarianceTheLossIsTheCrossEntropyOfTheMean() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            Shape s = new Shape(3, 2, 8, 8);
            NDArray mean = m.randomNormal(0f, 2f, s, ai.djl.ndarray.types.DataType.FLOAT32);
            LowRankGaussian g = new LowRankGaussian(mean, m.zeros(new Shape(3, 4, 2, 8, 8)), m.full(s, 1e-12f));
            NDArray labels = m.randomInteger(0, 2, new Shape(3, 1, 8, 8), ai.djl.ndarray.types.DataType.INT64);
            for (float[] w : new float[][] {null, {1, 3}}) {
                float ssn = StochasticSegmentationNetwork.monteCarloNll(g.sample(20), labels, w).getFloat();
                float ce = CrossEntropy.loss(mean, labels, w).getFloat();
                assertThat(ssn).isCloseTo(ce, within(1e-5f));
            }
        }
    }

    @Test
    void sampleCovarianceIsLowRankPlusDiagonal() throws Exception {
        JsonNode c = reference().get("covariance");
        int k = 8;
        int n = 40_000;
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(17);
            LowRankGaussian g = new LowRankGaussian(array(m, c.get("mean"), 1, 2, 2, 2),
                    array(m, c.get("factor"), 1, 2, 2, 2, 2), array(m, c.get("diag"), 1, 2, 2, 2));
            NDArray x = g.sample(n).reshape(n, k);
            NDArray mu = x.mean(new int[] {0});
            NDArray centred = x.sub(mu);
            float[] cov = centred.transpose().matMul(centred).div(n - 1).toFloatArray();
            float[] mean = mu.toFloatArray();
            JsonNode want = c.get("covariance");
            for (int i = 0; i < k; i++) {
                double sdMean = Math.sqrt(want.get(i * k + i).asDouble() / n);
                assertThat((double) mean[i]).isCloseTo(c.get("mean").get(i).asDouble(), within(5 * sdMean));
                for (int j = 0; j < k; j++) {
                    double sii = want.get(i * k + i).asDouble();
                    double sjj = want.get(j * k + j).asDouble();
                    double sij = want.get(i * k + j).asDouble();
                    // standard error of a Gaussian sample covariance: sqrt((s_ii s_jj + s_ij^2) / n)
                    double se = Math.sqrt((sii * sjj + sij * sij) / n);
                    assertThat((double) cov[i * k + j]).as("cov[%d][%d]", i, j).isCloseTo(sij, within(5 * se));
                }
            }
        }
    }
}
