package dev.penumbra.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

import java.util.HashMap;
import java.util.Map;

/**
 * A parameter store that also says in which {@link Precision} the convolutional trunk computes. The trunk's blocks
 * ({@link UNet}, {@link GaussianEncoder}'s encoder, {@link ConvBlock}, {@link ChannelDropout}) ask it, through the
 * store they are given, to convert their input on entry, their convolution weights on use and their output on exit;
 * a plain DJL {@code ParameterStore} means float32, and then nothing is converted (the numbers are those of the
 * float32 code, bit for bit).
 *
 * <p>Everything outside the trunk (the Prob. U-Net's fully connected layers and fcomb, the SSN's heads, softmax,
 * losses, metrics) sees float32 arrays only.
 */
public final class PrecisionStore extends ParameterStore {

    private final Precision precision;
    private final boolean frozen;
    private final Map<String, NDArray> converted = new HashMap<>();

    /**
     * @param manager   the manager of the parameters
     * @param precision the trunk's precision
     * @param frozen    true when the parameters do not change while this store is used (a trained model being
     *                  sampled): each weight is then converted once; false for training, where each forward
     *                  converts the current weights (and the conversion is part of the gradient's path)
     */
    public PrecisionStore(NDManager manager, Precision precision, boolean frozen) {
        super(manager, false);
        this.precision = precision;
        this.frozen = frozen;
    }

    /** A store for training or sampling in {@code precision}: a plain store for fp32, else a converting one. */
    public static ParameterStore of(NDManager manager, Precision precision, boolean frozen) {
        return precision == Precision.FP32 ? new ParameterStore(manager, false)
                : new PrecisionStore(manager, precision, frozen);
    }

    /** @return the precision of {@code ps}: its own for a precision store, fp32 for any other store */
    public static Precision precision(ParameterStore ps) {
        return ps instanceof PrecisionStore p ? p.precision : Precision.FP32;
    }

    /**
     * @return x (float32) in the trunk's precision: x itself for fp32. A bf16 result must only be given to
     *         convolutions, batch norm, pooling and elementwise arithmetic ({@link Bf16Casts})
     */
    public static NDArray toCompute(ParameterStore ps, NDArray x) {
        return precision(ps) == Precision.BF16 ? Bf16Casts.get().toBf16(x) : x;
    }

    /** @return x (in the trunk's precision) as float32: x itself for fp32 */
    public static NDArray toFloat32(ParameterStore ps, NDArray x) {
        return precision(ps) == Precision.BF16 ? Bf16Casts.get().toFloat32(x) : x;
    }

    /**
     * A convolution's weight or bias in the trunk's precision.
     *
     * @param forward the manager of the forward pass (that of its input): a store in training converts the current
     *                weight on every forward, and the copy must go with that forward's arrays, not stay with the
     *                weights (the cast attaches its result to the weight's own manager, which lives as long as
     *                the model: one copy of every weight per step would pile up there)
     * @return the parameter's value converted to bf16 (once per parameter for a frozen store, kept with the weights)
     */
    NDArray computeValue(Parameter parameter, NDManager forward, boolean training) {
        Device device = forward.getDevice();
        if (!frozen) {
            NDArray copy = Bf16Casts.get().toBf16(getValue(parameter, device, training));
            copy.attach(forward);
            return copy;
        }
        return converted.computeIfAbsent(parameter.getId(),
                id -> Bf16Casts.get().toBf16(getValue(parameter, device, training)));
    }
}
