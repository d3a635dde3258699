package dev.penumbra.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import java.util.function.UnaryOperator;

/**
 * Bilinear x2 upsampling with align-corners = true, as two matrix products: {@code A_h . X . A_w^T}.
 *
 * <p>DJL's interpolation ignores {@code alignCorners} and forces antialiasing, which gives different numbers from
 * torch's {@code F.interpolate(..., mode='bilinear', align_corners=True)}; the matrix form is exact, differentiable
 * and about as fast as torch's kernel.
 */
public final class BilinearUpsample {

    private BilinearUpsample() {
    }

    /**
     * @param x N x C x H x W, float32
     * @return N x C x 2H x 2W
     */
    public static NDArray upsample2x(NDArray x) {
        return upsample2x(x, UnaryOperator.identity());
    }

    /**
     * @param ps the forward's parameter store: x and the interpolation matrices are in its precision
     * @param x  N x C x H x W
     * @return N x C x 2H x 2W, in the precision of x
     */
    public static NDArray upsample2x(ParameterStore ps, NDArray x) {
        return upsample2x(x, matrix -> PrecisionStore.toCompute(ps, matrix));
    }

    private static NDArray upsample2x(NDArray x, UnaryOperator<NDArray> toPrecisionOfX) {
        Shape s = x.getShape();
        int h = (int) s.get(2);
        int w = (int) s.get(3);
        NDManager m = x.getManager();
        NDArray ah = toPrecisionOfX.apply(interpolationMatrix(m, h, 2 * h));
        NDArray awT = toPrecisionOfX.apply(interpolationMatrix(m, w, 2 * w).transpose());
        return ah.matMul(x.matMul(awT));
    }

    /**
     * The out x in matrix of 1-D linear interpolation with aligned corners: output i samples input position
     * i * (in - 1) / (out - 1).
     */
    static NDArray interpolationMatrix(NDManager manager, int in, int out) {
        return manager.create(interpolationWeights(in, out), new Shape(out, in));
    }

    /** Row-major out x in weights; rows sum to 1. */
    static float[] interpolationWeights(int in, int out) {
        float[] a = new float[out * in];
        if (in == 1) {
            for (int i = 0; i < out; i++) {
                a[i] = 1f;
            }
            return a;
        }
        double scale = (double) (in - 1) / (out - 1);
        for (int i = 0; i < out; i++) {
            double src = i * scale;
            int lo = Math.min((int) Math.floor(src), in - 1);
            int hi = Math.min(lo + 1, in - 1);
            double frac = src - lo;
            a[i * in + lo] += (float) (1 - frac);
            a[i * in + hi] += (float) frac;
        }
        return a;
    }
}
