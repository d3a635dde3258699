package dev.penumbra.cli;

import ai.djl.Device;
import dev.penumbra.bench.BenchItem;
import dev.penumbra.bench.BenchReport;
import dev.penumbra.bench.BenchSettings;
import dev.penumbra.bench.Benchmark;
import dev.penumbra.bench.ConvShape;
import dev.penumbra.io.Json;
import dev.penumbra.nn.Precision;
import dev.penumbra.nn.UNetConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** {@code penumbra bench}. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure training and sampling speed on this machine.", """
            %n\
            Times one training step (forward, loss, backward, Adam) and a no-grad forward of the softmax \
            U-Net, 16-sample Monte-Carlo prediction of the MC model, and a GEMM-shaped 1x1 convolution as \
            the machine's achievable GFLOP/s, on random inputs. Timed runs go round-robin over the items, so \
            all see the same machine. Prints median and fastest times, GFLOP/s from an analytic FLOP count \
            and the fraction of the convolution's rate. bench/compare.sh runs it against the same network in \
            PyTorch."""})
public final class BenchCommand extends PenumbraCommand {

    @Option(names = "--items", paramLabel = "ITEM,...", split = ",", hideParamSyntax = true, defaultValue = "train,inference,mc16,conv",
            description = "What to time, in order: train, inference, mc16, conv (default: ${DEFAULT-VALUE}).")
    List<String> items;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "" + BenchSettings.REPEATS, description = "Timed runs per item (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "" + BenchSettings.WARMUP, description = "Untimed runs before them (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "32", description = "Images per training step and inference forward (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--size", paramLabel = "PX", defaultValue = "128", description = "Side of the square 1-channel images (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--filters", paramLabel = "F,F,...", split = ",", hideParamSyntax = true, defaultValue = "32,64,128,192", description = "U-Net filters per level (default: the paper's, ${DEFAULT-VALUE}).")
    List<Integer> filters;

    @Option(names = "--mc-model", paramLabel = "NAME", defaultValue = "mcdropout", description = "Model sampled by mc16, with dropout 0.5 (default: ${DEFAULT-VALUE}).")
    String mcModel;

    @Option(names = "--mc-batch", paramLabel = "N", defaultValue = "8", description = "Images per Monte-Carlo prediction (default: ${DEFAULT-VALUE}).")
    int mcBatch;

    @Option(names = "--conv-shape", paramLabel = "N,C,H,W,O", defaultValue = "8,1024,32,32,1024", description = "Input N x C x H x W and output channels O of the ceiling's 1x1 convolution (default: ${DEFAULT-VALUE}).")
    String convShape;

    @Mixin
    SeedOption seedOption;

    @Option(names = "--json", description = "Print the results as JSON (the keys of bench/bench_torch.py) instead of a table.")
    boolean json;

    @Mixin
    EngineOptions engine;

    @Mixin
    PrecisionOption precision;

    @Override
    public Integer call() {
        BenchReport report = run();
        PrintWriter out = out();
        out.print(json ? Json.toString(report) + "\n" : table(report));
        out.flush();
        return 0;
    }

    /** Checks the options, runs the benchmark and returns what it measured (tests call this). */
    public BenchReport run() {
        Device device = engine.apply();
        BenchSettings settings = settings(precision.resolve(device));
        return new Benchmark(settings, device)
                .optProgress(engine.progress()).run();
    }

    BenchSettings settings(Precision p) {
        UNetConfig backbone = new UNetConfig(1, 2, filters, 3, true, 0, false);
        return new BenchSettings(backbone, size, batch, mcBatch, 16, mcModel, 0.5, ConvShape.parse(convShape), warmup,
                repeats, BenchItem.parse(items), seedOption.get(), p);
    }

    /** The human-readable table. */
    static String table(BenchReport r) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "U-Net %s on %d x %d x %d, batch %d (mc16: %s, batch %d); %,d parameters,"
                        + " %.3f GFLOP per image forward%n", r.filters(), r.inChannels(), r.size(), r.size(),
                r.batch(), r.mcModel(), r.mcBatch(), r.parameters(), r.forwardGflopPerImage()));
        s.append(String.format(Locale.ROOT, "%s, %s, %d threads, %s allocator, %s, %s; %d warm-up + %d timed runs%n%n",
                r.engine(), r.device(), r.threads(), r.allocator(), r.precision(), r.cpu(), r.warmup(), r.repeats()));
        s.append(String.format(Locale.ROOT, "%-13s %11s %11s %9s %9s %10s %14s%n", "item", "median ms", "min ms",
                "GFLOP", "GFLOP/s", "of ceiling", "peak RSS MiB"));
        r.items().forEach((key, i) -> s.append(String.format(Locale.ROOT, "%-13s %11.1f %11.1f %9.2f %9.1f %10s %14s%n",
                key, i.medianMs(), i.minMs(), i.gflop(), i.gflops(),
                i.ceilingFraction() == null ? "-" : String.format(Locale.ROOT, "%.2f", i.ceilingFraction()),
                i.peakRssMiB() == null ? "-" : String.format(Locale.ROOT, "%.0f", i.peakRssMiB()))));
        s.append(String.format(Locale.ROOT, "%nGFLOP/s at the median; a training step counts as 3 forwards."
                + " Ceiling = the 1x1 convolution's rate. Peak RSS includes what the allocator kept from earlier"
                + " runs.%n"));
        return s.toString();
    }
}
