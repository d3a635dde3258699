package dev.penumbra.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Adam with PyTorch's update rule and defaults (beta1 0.9, beta2 0.999, eps 1e-8), on DJL arrays.
 *
 * <p>DJL's own Adam keeps its moment estimates private, so a run could not be resumed with the same numbers; this
 * one saves and restores its state with the checkpoint.
 */
public final class Adam {

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPS = 1e-8f;

    private final float learningRate;
    private final Map<String, NDArray> firstMoment = new HashMap<>();
    private final Map<String, NDArray> secondMoment = new HashMap<>();
    private long steps;

    public Adam(float learningRate) {
        this.learningRate = learningRate;
    }

    /** Applies one update to every parameter that has a gradient, then zeroes the gradients. */
    public void step(PairList<String, Parameter> parameters, NDManager stateManager) {
        steps++;
        float correction1 = 1f - (float) Math.pow(BETA1, steps);
        float correction2 = 1f - (float) Math.pow(BETA2, steps);
        for (Pair<String, Parameter> p : parameters) {
            Parameter param = p.getValue();
            NDArray w = param.getArray();
            if (!param.requiresGradient() || !w.hasGradient()) {
                continue;
            }
            NDArray m = firstMoment.computeIfAbsent(param.getId(), k -> zeros(stateManager, w));
            NDArray v = secondMoment.computeIfAbsent(param.getId(), k -> zeros(stateManager, w));
            // every temporary (and the gradient's handle) would otherwise live in the parameters' manager until
            // the run ends: a leak of a few parameter-sized arrays per step
            try (NDManager scratch = stateManager.newSubManager()) {
                NDArray g = w.getGradient();
                g.attach(scratch);
                NDArray gScaled = g.mul(1f - BETA1);
                gScaled.attach(scratch);
                m.muli(BETA1).addi(gScaled);
                NDArray gSquared = g.square();
                gSquared.attach(scratch);
                v.muli(BETA2).addi(gSquared.muli(1f - BETA2));
                NDArray denom = v.div(correction2);
                denom.attach(scratch);
                NDArray root = denom.sqrt();
                root.attach(scratch);
                root.addi(EPS);
                NDArray update = m.mul(learningRate / correction1);
                update.attach(scratch);
                w.subi(update.divi(root));
                g.subi(g);
            }
        }
    }

    private static NDArray zeros(NDManager manager, NDArray like) {
        return manager.zeros(like.getShape(), like.getDataType());
    }

    public long steps() {
        return steps;
    }

    /** Writes the step count and both moment estimates for every parameter, in the block's parameter order. */
    public void save(DataOutputStream out, PairList<String, Parameter> parameters) throws IOException {
        out.writeLong(steps);
        for (Pair<String, Parameter> p : parameters) {
            NDArray m = firstMoment.get(p.getValue().getId());
            out.writeBoolean(m != null);
            if (m != null) {
                writeArray(out, m);
                writeArray(out, secondMoment.get(p.getValue().getId()));
            }
        }
    }

    /** Restores what {@link #save} wrote, for the same model. */
    public void load(DataInputStream in, PairList<String, Parameter> parameters, NDManager stateManager)
            throws IOException {
        steps = in.readLong();
        for (Pair<String, Parameter> p : parameters) {
            if (in.readBoolean()) {
                NDArray w = p.getValue().getArray();
                firstMoment.put(p.getValue().getId(), readArray(in, stateManager, w));
                secondMoment.put(p.getValue().getId(), readArray(in, stateManager, w));
            }
        }
    }

    private static void writeArray(DataOutputStream out, NDArray a) throws IOException {
        float[] values = a.toFloatArray();
        out.writeInt(values.length);
        for (float f : values) {
            out.writeFloat(f);
        }
    }

    private static NDArray readArray(DataInputStream in, NDManager manager, NDArray like) throws IOException {
        int n = in.readInt();
        if (n != like.size()) {
            throw new IOException("optimiser state has " + n + " values for a parameter of " + like.size());
        }
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.readFloat();
        }
        return manager.create(values, like.getShape());
    }
}
