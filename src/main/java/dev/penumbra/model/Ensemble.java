package dev.penumbra.model;

import java.util.Map;
import dev.penumbra.InputException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.penumbra.nn.UNet;
import dev.penumbra.nn.UNetConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * An ensemble of M independently initialised U-Nets. With at least M annotators, member m learns annotator m's
 * labels (disjoint label sets); otherwise every member learns the annotator drawn for the step. A sample is the
 * argmax of a member picked at random; drawing n samples runs each member once.
 */
public final class Ensemble extends AbstractSegmenter<Ensemble.Members> {

    public Ensemble(UNetConfig config, int size, float[] classWeights) {
        super("ensemble", new Members(config.withDropout(0), size), config.classes(), classWeights);
    }

    @Override
    public int distinctSamples() {
        return net.nets.size();
    }

    /** Mean of the members' cross-entropies; each member's gradient is its own loss's (scaled by 1/M). */
    @Override
    public Loss loss(ParameterStore ps, Batch batch, boolean training) {
        int m = net.nets.size();
        boolean ownAnnotator = batch.minAnnotators() >= m;
        NDArray sum = null;
        for (int i = 0; i < m; i++) {
            NDArray logits = net.nets.get(i).forward(ps, new NDList(batch.images()), training).singletonOrThrow();
            NDArray labels = ownAnnotator ? batch.labelsOf(i) : batch.drawnLabels();
            NDArray loss = CrossEntropy.loss(logits, labels, classWeights());
            sum = sum == null ? loss : sum.add(loss);
        }
        return Loss.of(sum.div(m));
    }

    @Override
    public NDArray sampleProbabilities(ParameterStore ps, NDArray images, int n) {
        List<NDArray> perMember = new ArrayList<>();
        for (UNet net : net.nets) {
            perMember.add(net.forward(ps, new NDList(images), false).singletonOrThrow().softmax(1));
        }
        NDArray all = NDArrays.stack(new NDList(perMember)); // M x B x C x H x W
        NDArray picks = images.getManager().randomInteger(0, net.nets.size(), new Shape(n), DataType.INT64);
        return all.get(picks);
    }

    /** The M member U-Nets as one block, so the training loop sees every parameter. */
    static final class Members extends AbstractBlock {

        final UNetConfig config;
        final List<UNet> nets = new ArrayList<>();

        Members(UNetConfig config, int size) {
            this.config = config;
            for (int i = 0; i < size; i++) {
                nets.add(addChildBlock("member" + i, new UNet(config, true)));
            }
        }

        /** The mean of the members' probabilities: B x C x H x W. */
        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                         PairList<String, Object> params) {
            NDArray sum = null;
            for (UNet net : nets) {
                NDArray p = net.forward(ps, inputs, training).singletonOrThrow().softmax(1);
                sum = sum == null ? p : sum.add(p);
            }
            return new NDList(sum.div(nets.size()));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return nets.get(0).getOutputShapes(inputShapes);
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            for (UNet net : nets) {
                net.initialize(manager, dataType, inputShapes);
            }
        }
    }

    /** @param members the number M of U-Nets (4 in the paper) */
    public record Settings(int members) implements ModelSettings {

        public Settings {
            InputException.atLeast("--members", members, 1);
        }
    }

    /** Registers the ensemble: the softmax U-Net's optimiser settings, 4 net. */
    public static final class Factory extends AbstractModelFactory<Settings> {

        public Factory() {
            super("ensemble", "ensemble of M U-Nets: a sample is a random member's argmax", Settings.class,
                    Map.of("lidc", new ModelDefaults<>(1e-4f, 60, 10, new Settings(4)),
                            "isic", new ModelDefaults<>(1e-4f, 150, 10, new Settings(4)),
                            "demo", new ModelDefaults<>(2e-3f, 30, 0, new Settings(4))));
        }

        @Override
        public List<ModelOption<Settings, ?>> options() {
            return List.of(ModelOption.count("members", "M", "number of U-Nets", Settings::members,
                    (s, m) -> new Settings(m), false));
        }

        @Override
        public ProbabilisticSegmenter create(UNetConfig backbone, float[] classWeights, Settings settings) {
            return new Ensemble(backbone, settings.members(), classWeights);
        }
    }
}
