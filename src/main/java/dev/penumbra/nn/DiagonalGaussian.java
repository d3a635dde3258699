package dev.penumbra.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * An axis-aligned Gaussian given by its mean and log standard deviation (each B x D), with reparameterised
 * sampling and the analytic KL divergence. DJL has no distributions library; these are the closed forms.
 */
public record DiagonalGaussian(NDArray mu, NDArray logSigma) {

    /** @return B x D samples mu + sigma * eps, eps ~ N(0, I); differentiable in mu and logSigma */
    public NDArray sample() {
        NDArray eps = mu.getManager().randomNormal(0f, 1f, mu.getShape(), DataType.FLOAT32);
        return mu.add(logSigma.exp().mul(eps));
    }

    /**
     * KL(this || other) = sum_d [log s_o - log s_t + (s_t^2 + (m_t - m_o)^2) / (2 s_o^2) - 1/2], evaluated as
     * log-ratio terms (exp(2 (log s_t - log s_o)) rather than s_t^2 / s_o^2) so that small standard deviations do not
     * underflow to 0 / 0 in float32.
     *
     * @return B values, one KL divergence (in nats) per row
     */
    public NDArray klDivergence(DiagonalGaussian other) {
        NDArray logRatio = logSigma.sub(other.logSigma);
        NDArray varianceRatio = logRatio.mul(2).exp();
        NDArray meanTerm = mu.sub(other.mu).square().mul(other.logSigma.mul(-2).exp());
        NDArray terms = varianceRatio.add(meanTerm).mul(0.5f).sub(logRatio).sub(0.5f);
        return terms.sum(new int[] {1});
    }
}
