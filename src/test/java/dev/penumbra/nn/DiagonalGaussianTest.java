package dev.penumbra.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class DiagonalGaussianTest {

    /*
     * Reference from PyTorch's distributions (float64), Debian python3-torch 1.13:
     *   /usr/bin/python3 -c "import torch; from torch.distributions import Normal, Independent, kl_divergence
     *   mq = torch.tensor([[0.5, -1.0, 0.25], [0., 0., 0.]]); lq = torch.tensor([[-0.5, 0.2, 0.0], [0., 0., 0.]])
     *   mp = torch.tensor([[0.0, 0.5, -0.75], [1., -2., 0.5]]); lp = torch.tensor([[0.3, -0.4, 0.1], [0.5, 0., -0.5]])
     *   q = Independent(Normal(mq, lq.exp()), 1); p = Independent(Normal(mp, lp.exp()), 1)
     *   print(kl_divergence(q, p).tolist())"          # (with dtype=torch.float64)
     *   -> [3.9520724725093643, 3.0668055839583457]
     */
    @Test
    void klDivergenceMatchesTorchDistributions() {
        try (NDManager m = NDManager.newBaseManager()) {
            DiagonalGaussian q = new DiagonalGaussian(
                    m.create(new float[] {0.5f, -1.0f, 0.25f, 0f, 0f, 0f}, new Shape(2, 3)),
                    m.create(new float[] {-0.5f, 0.2f, 0.0f, 0f, 0f, 0f}, new Shape(2, 3)));
            DiagonalGaussian p = new DiagonalGaussian(
                    m.create(new float[] {0.0f, 0.5f, -0.75f, 1f, -2f, 0.5f}, new Shape(2, 3)),
                    m.create(new float[] {0.3f, -0.4f, 0.1f, 0.5f, 0f, -0.5f}, new Shape(2, 3)));
            float[] kl = q.klDivergence(p).toFloatArray();
            assertThat(kl[0]).isCloseTo(3.9520724725093643f, within(1e-5f));
            assertThat(kl[1]).isCloseTo(3.0668055839583457f, within(1e-5f));
            assertThat(q.klDivergence(q).toFloatArray()).containsOnly(0f);
        }
    }

    @Test
    void klHasGradientsForAllFourInputs() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray[] inputs = {m.create(new float[] {0.5f, -1f}), m.create(new float[] {-0.5f, 0.2f}),
                m.create(new float[] {0f, 0.5f}), m.create(new float[] {0.3f, -0.4f})};
            for (NDArray a : inputs) {
                a.setRequiresGradient(true);
            }
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray kl = new DiagonalGaussian(inputs[0].reshape(1, 2), inputs[1].reshape(1, 2))
                        .klDivergence(new DiagonalGaussian(inputs[2].reshape(1, 2), inputs[3].reshape(1, 2))).sum();
                gc.backward(kl);
            }
            for (NDArray a : inputs) {
                assertThat(a.getGradient().abs().sum().getFloat()).isGreaterThan(0f);
            }
        }
    }

    @Test
    void samplesFollowMeanAndSpread() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            NDArray mu = m.full(new Shape(20000, 1), 2f);
            NDArray logSigma = m.full(new Shape(20000, 1), (float) Math.log(0.5));
            NDArray z = new DiagonalGaussian(mu, logSigma).sample();
            assertThat(z.mean().getFloat()).isCloseTo(2f, within(0.02f));
            float sd = (float) Math.sqrt(z.sub(z.mean()).square().mean().getFloat());
            assertThat(sd).isCloseTo(0.5f, within(0.02f));
        }
    }
}
