package dev.penumbra.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.penumbra.config.Seeds;
import dev.penumbra.nn.LowRankGaussian;
import dev.penumbra.nn.LowRankGaussianHead;
import dev.penumbra.nn.UNet;
import dev.penumbra.nn.UNetConfig;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Penumbra's deterministic outputs of a model, the reference that an exported model's PyTorch twin must reproduce
 * (python/penumbra_torch.py names the same forwards). Stochastic models get their randomness as inputs: the
 * Probabilistic U-Net a latent z, the SSN its standard-normal noise, MC-dropout its keep masks; each input is drawn
 * here from a seeded {@link Random} (MC-dropout's masks as the engine draws them, see {@link #mcDropout}).
 *
 * @param inputs   named inputs besides the images (z, noise, labels, masks)
 * @param expected named outputs, keyed as the Python side's forwards
 */
public record DeterministicOutputs(Map<String, NDArray> inputs, Map<String, NDArray> expected) {

    /** Draws of the noise inputs: 3 SSN samples. */
    static final int NOISE_SAMPLES = 3;

    /**
     * @param images B x C_in x H x W
     * @param seed   seeds the drawn inputs
     */
    public static DeterministicOutputs of(ProbabilisticSegmenter model, ParameterStore ps, NDArray images,
                                          long seed) {
        DeterministicOutputs out = new DeterministicOutputs(new LinkedHashMap<>(), new LinkedHashMap<>());
        Random rng = new Random(seed);
        if (model instanceof TtaUNet tta) {
            out.expected.put("logits", logits(tta.net, ps, images));
            Shape s = images.getShape();
            List<Dihedral> group = Dihedral.group(tta.distinctSamples() == 8, s.get(2), s.get(3));
            out.expected.put("forward", tta.sample(ps, images, group).mean(new int[] {0}));
        } else if (model instanceof McDropoutUNet mc) {
            out.mcDropout(mc.net, ps, images, seed);
        } else if (model instanceof SingleUNet single) {
            out.expected.put("forward", logits(single.net, ps, images));
        } else if (model instanceof Ensemble ensemble) {
            NDList members = new NDList();
            for (UNet member : ensemble.net.nets) {
                members.add(logits(member, ps, images));
            }
            out.expected.put("member_logits", NDArrays.stack(members));
            out.expected.put("forward", ensemble.net.forward(ps, new NDList(images), false).singletonOrThrow());
        } else if (model instanceof ProbabilisticUNet punet) {
            out.punet(punet.net, ps, images, rng);
        } else if (model instanceof StochasticSegmentationNetwork ssn) {
            out.ssn(ssn.net, ps, images, rng);
        } else {
            throw new IllegalArgumentException("no deterministic outputs for model " + model.name());
        }
        return out;
    }

    private static NDArray logits(UNet net, ParameterStore ps, NDArray images) {
        return net.forward(ps, new NDList(images), false).singletonOrThrow();
    }

    /**
     * Dropout off: the same weights in a U-Net without dropout. With masks: the engine is seeded, the masks a
     * forward pass is about to draw are drawn (the same shapes in the same order from the same generator: one
     * uniform B x C x 1 x 1 draw per channel dropout with p > 0, encoders from the input down, decoders from the
     * deepest up, then the head), and the engine is seeded again for the forward pass itself.
     */
    private void mcDropout(UNet net, ParameterStore ps, NDArray images, long seed) {
        UNet off = new UNet(net.config().withDropout(0), true);
        NDManager m = images.getManager();
        off.initialize(m, DataType.FLOAT32, images.getShape());
        copyParameters(net, off, m);
        expected.put("forward", logits(off, ps, images));

        UNetConfig c = net.config();
        List<Integer> f = c.filters();
        long b = images.getShape().get(0);
        List<long[]> layers = new ArrayList<>(); // {channels, p > 0}
        layers.add(new long[] {images.getShape().get(1), c.firstBlockDropout() > 0 ? 1 : 0});
        for (int i = 1; i < f.size(); i++) {
            layers.add(new long[] {f.get(i - 1), 1});
        }
        for (int j = f.size() - 2; j >= 0; j--) {
            layers.add(new long[] {f.get(j + 1) + f.get(j), 1});
        }
        layers.add(new long[] {f.get(0), 1});
        Seeds.applyEngineSeed(seed);
        int k = 0;
        for (long[] layer : layers) {
            if (layer[1] == 1 && c.dropout() > 0) {
                NDArray u = m.randomUniform(0f, 1f, new Shape(b, layer[0], 1, 1), DataType.FLOAT32);
                inputs.put("mask" + k++, u.gte((float) c.dropout()).toType(DataType.FLOAT32, false));
            }
        }
        Seeds.applyEngineSeed(seed);
        expected.put("forward_with_masks", logits(net, ps, images));
    }

    private static void copyParameters(UNet from, UNet to, NDManager manager) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            from.saveParameters(out);
            out.flush();
            to.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        } catch (IOException | ai.djl.MalformedModelException e) {
            throw new IllegalStateException("cannot copy the U-Net's parameters", e);
        }
    }

    private void punet(ProbabilisticUNet.Net net, ParameterStore ps, NDArray images, Random rng) {
        NDManager m = images.getManager();
        NDArray features = logits(net.unet, ps, images);
        NDList prior = net.prior.forward(ps, new NDList(images), false);
        expected.put("forward", net.fcomb.forward(ps, new NDList(features, prior.get(0)), false).singletonOrThrow());
        expected.put("prior_mu", prior.get(0));
        expected.put("prior_log_sigma", prior.get(1));
        NDArray z = gaussian(m, rng, prior.get(0).getShape());
        inputs.put("z", z);
        expected.put("forward_z", net.fcomb.forward(ps, new NDList(features, z), false).singletonOrThrow());
        Shape s = images.getShape();
        float[] labels = new float[(int) (s.get(0) * s.get(2) * s.get(3))];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rng.nextInt(net.config.classes());
        }
        NDArray labelMap = m.create(labels, new Shape(s.get(0), 1, s.get(2), s.get(3)));
        inputs.put("labels", labelMap);
        NDArray onehot = labelMap.toType(DataType.INT64, false).squeeze(1)
                .oneHot(net.config.classes(), DataType.FLOAT32).transpose(0, 3, 1, 2);
        NDList posterior = net.posterior.forward(ps, new NDList(images.concat(onehot, 1)), false);
        expected.put("posterior_mu", posterior.get(0));
        expected.put("posterior_log_sigma", posterior.get(1));
    }

    private void ssn(StochasticSegmentationNetwork.Net net, ParameterStore ps, NDArray images, Random rng) {
        NDManager m = images.getManager();
        LowRankGaussian g = LowRankGaussianHead.gaussian(net.head.forward(ps,
                net.unet.forward(ps, new NDList(images), false), false));
        expected.put("forward", g.mean());
        expected.put("factor", g.factor());
        expected.put("diag", g.diag());
        Shape s = g.mean().getShape();
        NDArray eps1 = gaussian(m, rng, new Shape(NOISE_SAMPLES, s.get(0), g.rank()));
        NDArray eps2 = gaussian(m, rng, new Shape(NOISE_SAMPLES).addAll(s));
        inputs.put("eps1", eps1);
        inputs.put("eps2", eps2);
        expected.put("logits_given_noise", g.logits(eps1, eps2));
    }

    private static NDArray gaussian(NDManager m, Random rng, Shape shape) {
        float[] v = new float[(int) shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return m.create(v, shape);
    }
}
