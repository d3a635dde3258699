package dev.penumbra.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import dev.penumbra.config.Provenance;
import dev.penumbra.config.Seeds;
import dev.penumbra.data.Image;
import dev.penumbra.data.Mask;
import dev.penumbra.data.Sample;
import dev.penumbra.io.Progress;
import dev.penumbra.model.Batch;
import dev.penumbra.model.ModelRegistry;
import dev.penumbra.model.ModelSettings;
import dev.penumbra.model.ModelFactory;
import dev.penumbra.config.Preset;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.penumbra.model.ProbabilisticSegmenter;
import dev.penumbra.model.SoftmaxUNet;
import dev.penumbra.nn.PrecisionStore;
import dev.penumbra.train.Adam;
import dev.penumbra.train.TrainingLoop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Times the code paths Penumbra runs, on random inputs: {@link TrainingLoop#gradientStep} of the softmax U-Net,
 * its no-grad forward ({@code sampleProbabilities(.., 1)}), Monte-Carlo sampling of the MC model, and a GEMM-shaped
 * 1x1 convolution as the machine's ceiling. Each item runs {@code warmup} untimed and {@code repeats} timed times;
 * the timed runs go round-robin over the items, so that all of them see the same machine.
 *
 * <p>Every run gets its own sub-manager, as in training and prediction; its inputs are built before the clock
 * starts, and closing it (freeing the run's intermediates) is inside the timed part because real runs pay it too.
 * Peak memory is the resident set's high-water mark, reset before each run; an allocator that keeps freed pages
 * (the launcher's jemalloc) keeps the resident set at the largest earlier run, so run an item alone for its own peak.
 */
public final class Benchmark {

    /** Adam's learning rate in the training item (the paper's LIDC rate; it does not change the cost). */
    static final float LEARNING_RATE = 1e-4f;

    private final BenchSettings settings;
    private final Device device;
    private Progress.Factory progress = Progress.Factory.QUIET;

    public Benchmark(BenchSettings settings, Device device) {
        this.settings = settings;
        this.device = device;
    }

    /** A progress bar over all runs (default: none). */
    public Benchmark optProgress(Progress.Factory factory) {
        this.progress = factory;
        return this;
    }

    /** Runs every item of the settings: all warm-ups, then the timed runs round-robin over the items. */
    public BenchReport run() {
        Instant started = Instant.now();
        Map<String, BenchReport.ItemResult> raw = new LinkedHashMap<>();
        try (NDManager root = NDManager.newBaseManager(device)) {
            Seeds.BENCHMARK.seedEngine(settings.seed());
            List<Timed> timed = new ArrayList<>();
            try {
                for (BenchItem item : settings.items()) {
                    timed.add(setUp(item, root.newSubManager()));
                }
                measure(timed);
                for (Timed t : timed) {
                    raw.put(t.item.key(), t.result());
                }
            } finally {
                timed.forEach(t -> t.owner.close());
            }
        }
        BenchReport.ItemResult conv = raw.get(BenchItem.CONV.key());
        Double ceiling = conv == null ? null : conv.gflops();
        Map<String, BenchReport.ItemResult> items = new LinkedHashMap<>();
        raw.forEach((k, v) -> items.put(k, v.withCeiling(ceiling)));
        Provenance p = Provenance.of("bench", settings, Map.of("bench", settings.seed()), device.toString(), started);
        ConvShape c = settings.conv();
        return new BenchReport(p.tool(), engineName(), threads(), device.toString(), Provenance.allocator(),
                settings.precision().key(), cpuModel(),
                started.toString(), p.gitRevision(), settings.backbone().filters(), settings.backbone().inChannels(),
                settings.backbone().classes(), settings.size(), settings.batch(), settings.mcBatch(),
                settings.mcSamples(), settings.mcModel(), settings.warmup(), settings.repeats(),
                FlopCount.parameters(settings.backbone(), true),
                FlopCount.forward(settings.backbone(), true, settings.size(), settings.size()) / 1e9,
                List.of(c.batch(), c.inChannels(), c.height(), c.width(), c.outChannels()), items);
    }

    /**
     * Warms every item up, then takes the timed runs round-robin (item 1, 2, .., 1, 2, ..) rather than item after
     * item: on a shared machine whose speed drifts over minutes, every item then sees the same conditions, and
     * the ratios between items (the fraction of the ceiling) stay meaningful.
     */
    private void measure(List<Timed> timed) {
        long total = (long) (settings.warmup() + settings.repeats()) * timed.size();
        try (Progress bar = progress.start("bench", total)) {
            for (Timed t : timed) {
                for (int i = 0; i < settings.warmup(); i++) {
                    bar.step(String.format(Locale.ROOT, "%s warm-up %.0f ms", t.item.key(), once(t)));
                }
            }
            for (int r = 0; r < settings.repeats(); r++) {
                for (Timed t : timed) {
                    ProcessMemory.resetPeak();
                    t.ms[r] = once(t);
                    t.memory(ProcessMemory.read());
                    bar.step(String.format(Locale.ROOT, "%s %.0f ms", t.item.key(), t.ms[r]));
                }
            }
        }
    }

    /**
     * One run in its own sub-manager: inputs built untimed, then the work and the manager's close timed. On a GPU
     * the result is reduced to one number on the host so that the clock waits for the kernels.
     */
    private double once(Timed t) {
        NDManager sub = t.owner.newSubManager();
        Work work;
        try {
            work = t.run.prepare(sub);
        } catch (RuntimeException e) {
            sub.close();
            throw e;
        }
        long t0 = System.nanoTime();
        try {
            NDArray out = work.run();
            if (out != null && device.isGpu()) {
                out.sum().getFloat();
            }
        } finally {
            sub.close();
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private Timed setUp(BenchItem item, NDManager owner) {
        try {
            return switch (item) {
                case TRAIN -> trainStep(owner);
                case INFERENCE -> inference(owner);
                case MC16 -> monteCarlo(owner);
                case CONV -> convolution(owner);
            };
        } catch (RuntimeException e) {
            owner.close();
            throw e;
        }
    }

    private Timed trainStep(NDManager owner) {
        SoftmaxUNet model = new SoftmaxUNet(settings.backbone(), null);
        initialise(model, owner);
        ParameterStore ps = PrecisionStore.of(owner, settings.precision(), false);
        Adam adam = new Adam(LEARNING_RATE);
        List<Sample> samples = randomSamples(settings.batch(), 0);
        int[] drawn = new int[samples.size()];
        long flop = FlopCount.TRAINING_STEP_FORWARDS * forwardFlop() * settings.batch();
        return new Timed(BenchItem.TRAIN, owner, String.format(Locale.ROOT, "gradient step of the softmax U-Net,"
                + " batch %d (forward, loss, backward, Adam)", settings.batch()), flop, sub -> {
                    Batch batch = new Batch(sub, samples, drawn);
                    return () -> {
                        TrainingLoop.gradientStep(model, batch, ps, adam, owner); // reads the loss: synchronous
                        return null;
                    };
                });
    }

    private Timed inference(NDManager owner) {
        SoftmaxUNet model = new SoftmaxUNet(settings.backbone(), null);
        initialise(model, owner);
        ParameterStore ps = PrecisionStore.of(owner, settings.precision(), true);
        float[] pixels = randomPixels(settings.batch(), 1);
        return new Timed(BenchItem.INFERENCE, owner, String.format(Locale.ROOT, "no-grad forward of the softmax"
                + " U-Net with softmax, batch %d", settings.batch()), forwardFlop() * settings.batch(), sub -> {
                    NDArray images = images(sub, pixels, settings.batch());
                    return () -> model.sampleProbabilities(ps, images, 1);
                });
    }

    /** The model with the paper's LIDC settings, a model with a dropout option at {@code mcDropout}. */
    private <S extends ModelSettings> ProbabilisticSegmenter paperModel(ModelFactory<S> f) {
        Map<String, Object> own = new LinkedHashMap<>();
        if (f.options().stream().anyMatch(o -> o.key().equals("dropout"))) {
            own.put("dropout", settings.mcDropout());
            own.put("input-dropout", settings.backbone().inputDropout());
        }
        return f.create(settings.backbone().withDropout(0), null, f.with(f.defaults(Preset.LIDC).settings(), own));
    }

    private Timed monteCarlo(NDManager owner) {
        ProbabilisticSegmenter model = paperModel(ModelRegistry.factory(settings.mcModel()));
        initialise(model, owner);
        ParameterStore ps = PrecisionStore.of(owner, settings.precision(), true);
        float[] pixels = randomPixels(settings.mcBatch(), 2);
        int n = settings.mcSamples();
        // One U-Net forward per sample: right for MC-dropout; a model that cannot give distinct samples (softmax)
        // runs one forward whatever n is.
        long forwards = model.distinctSamples() == 1 ? 1 : n;
        return new Timed(BenchItem.MC16, owner, String.format(Locale.ROOT, "%d samples of %s, batch %d (%d forward%s"
                + " counted)", n, settings.mcModel(), settings.mcBatch(), forwards, forwards == 1 ? "" : "s"),
                forwards * forwardFlop() * settings.mcBatch(), sub -> {
                    NDArray images = images(sub, pixels, settings.mcBatch());
                    return () -> model.sampleProbabilities(ps, images, n);
                });
    }

    private Timed convolution(NDManager owner) {
        ConvShape c = settings.conv();
        ParameterStore ps = PrecisionStore.of(owner, settings.precision(), true);
        NDArray weight = PrecisionStore.toCompute(ps, owner.randomNormal(0f, 0.05f,
                new Shape(c.outChannels(), c.inChannels(), 1, 1), DataType.FLOAT32));
        return new Timed(BenchItem.CONV, owner, String.format(Locale.ROOT, "1x1 convolution %d x %d x %d x %d to %d"
                + " channels, %s, no grad", c.batch(), c.inChannels(), c.height(), c.width(), c.outChannels(),
                settings.precision()), c.flops(), sub -> {
                    NDArray x = PrecisionStore.toCompute(ps, sub.randomUniform(0f, 1f, new Shape(c.batch(),
                            c.inChannels(), c.height(), c.width())));
                    return () -> Conv2d.conv2d(x, weight).singletonOrThrow();
                });
    }

    /** Builds one run's inputs in a fresh sub-manager (untimed) and returns the work to time. */
    @FunctionalInterface
    private interface Run {
        Work prepare(NDManager sub);
    }

    /** The timed work; returns its output array, or null when it has already waited for its result. */
    @FunctionalInterface
    private interface Work {
        NDArray run();
    }

    /** An item set up for timing: its model and weights live in {@code owner}, closed after the benchmark. */
    private final class Timed {
        final BenchItem item;
        final NDManager owner;
        final String what;
        final long flop;
        final Run run;
        final double[] ms = new double[settings.repeats()];
        Double peakMiB;
        Double rssMiB;

        Timed(BenchItem item, NDManager owner, String what, long flop, Run run) {
            this.item = item;
            this.owner = owner;
            this.what = what;
            this.flop = flop;
            this.run = run;
        }

        void memory(ProcessMemory.Snapshot s) {
            if (s.peakMiB() != null) {
                peakMiB = peakMiB == null ? s.peakMiB() : Math.max(peakMiB, s.peakMiB());
            }
            rssMiB = s.currentMiB();
        }

        BenchReport.ItemResult result() {
            BenchReport.ItemResult r = Benchmark.result(what, ms, flop);
            return new BenchReport.ItemResult(r.what(), r.timesMs(), r.medianMs(), r.minMs(), r.gflop(), r.gflops(),
                    null, peakMiB, rssMiB);
        }
    }

    private static BenchReport.ItemResult result(String what, double[] ms, long flop) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        double gflop = flop / 1e9;
        return new BenchReport.ItemResult(what, ms, median, sorted[0], gflop, gflop / (median / 1e3), null, null,
                null);
    }

    private long forwardFlop() {
        return FlopCount.forward(settings.backbone(), true, settings.size(), settings.size());
    }

    private void initialise(ProbabilisticSegmenter model, NDManager owner) {
        model.block().initialize(owner, DataType.FLOAT32,
                new Shape(1, settings.backbone().inChannels(), settings.size(), settings.size()));
    }

    private NDArray images(NDManager sub, float[] pixels, int count) {
        return sub.create(pixels, new Shape(count, settings.backbone().inChannels(), settings.size(),
                settings.size()));
    }

    private float[] randomPixels(int count, int item) {
        Random rng = Seeds.BENCHMARK_INPUTS.random(settings.seed(), item);
        float[] px = new float[count * settings.backbone().inChannels() * settings.size() * settings.size()];
        for (int i = 0; i < px.length; i++) {
            px[i] = rng.nextFloat();
        }
        return px;
    }

    /** Random images with one random mask each: the cost of a step does not depend on the pixel values. */
    private List<Sample> randomSamples(int count, int item) {
        Random rng = Seeds.BENCHMARK_INPUTS.random(settings.seed(), item);
        int c = settings.backbone().inChannels();
        int s = settings.size();
        List<Sample> out = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            float[] px = new float[c * s * s];
            for (int i = 0; i < px.length; i++) {
                px[i] = rng.nextFloat();
            }
            byte[] mask = new byte[s * s];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = (byte) rng.nextInt(settings.backbone().classes());
            }
            out.add(new Sample("bench" + b, "bench" + b, new Image(c, s, s, px), List.of(new Mask(s, s, mask))));
        }
        return out;
    }

    private static String engineName() {
        Engine e = Engine.getInstance();
        return e.getEngineName() + " " + e.getVersion() + " (DJL " + Engine.getDjlVersion() + ")";
    }

    private static int threads() {
        try {
            return JniUtils.getNumThreads();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            return Integer.getInteger("ai.djl.pytorch.num_threads", Runtime.getRuntime().availableProcessors());
        }
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }
}
