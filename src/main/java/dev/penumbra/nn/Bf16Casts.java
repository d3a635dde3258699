package dev.penumbra.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Conversions between float32 and bfloat16 arrays.
 *
 * <p>DJL 0.36's PyTorch engine has no bfloat16 in its native type table: {@code toType(BFLOAT16)} or
 * {@code create(..., BFLOAT16)} abort the JVM. Two bundled TorchScript modules ({@code x.to(torch.bfloat16)},
 * {@code x.to(torch.float32)}, written by {@code python/make_bf16_casters.py}) convert inside libtorch instead.
 * They run in training mode whenever autograd records, so that a conversion is part of the graph (a float32 weight
 * converted for a bf16 convolution receives its float32 gradient); otherwise they run in inference mode.
 *
 * <p>A bf16 array reports {@code DataType.UNKNOWN} in DJL, and DJL's {@code softmax}, {@code logSoftmax} and
 * {@code *Like} abort the JVM on one: such arrays never leave the convolutional trunk ({@link PrecisionStore}).
 */
final class Bf16Casts {

    private static final Object LOCK = new Object();
    private static Bf16Casts instance;

    private final PtSymbolBlock toBf16;
    private final PtSymbolBlock toFloat32;
    private final ParameterStore store;

    private Bf16Casts(NDManager manager) {
        this.toBf16 = load((PtNDManager) manager, "to_bf16.pt");
        this.toFloat32 = load((PtNDManager) manager, "to_fp32.pt");
        this.store = new ParameterStore(manager, false);
    }

    /** The process's casts, loaded on first use into a manager that lives as long as the process. */
    static Bf16Casts get() {
        synchronized (LOCK) {
            if (instance == null) {
                instance = new Bf16Casts(NDManager.newBaseManager());
            }
            return instance;
        }
    }

    private static PtSymbolBlock load(PtNDManager manager, String resource) {
        try (InputStream in = Bf16Casts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the resource dev/penumbra/nn/" + resource + " is missing from the jar");
            }
            return JniUtils.loadModule(manager, in, true, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bf16 conversion module " + resource, e);
        }
    }

    /** @return x (float32, any shape) as bfloat16, attached to x's manager */
    NDArray toBf16(NDArray x) {
        return run(toBf16, x);
    }

    /** @return x (bfloat16, any shape) as float32, attached to x's manager */
    NDArray toFloat32(NDArray x) {
        return run(toFloat32, x);
    }

    private synchronized NDArray run(PtSymbolBlock module, NDArray x) {
        return module.forward(store, new NDList(x), JniUtils.isGradMode()).singletonOrThrow();
    }
}
