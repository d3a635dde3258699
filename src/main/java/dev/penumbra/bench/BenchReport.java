package dev.penumbra.bench;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * What {@code penumbra bench} measured, and where. {@code bench/bench_torch.py} writes the same keys, so the two
 * outputs compare field by field.
 *
 * @param tool                   "penumbra VERSION" or "pytorch VERSION"
 * @param engine                 the engine that ran, e.g. "PyTorch 2.7.1 (DJL 0.36.0)"
 * @param threads                intra-op threads of the engine
 * @param device                 e.g. "cpu()"
 * @param allocator              the native memory allocator in use: jemalloc, glibc (the launcher's settings) or system
 * @param precision              fp32, or bf16 (the networks' convolutions in bfloat16; the training step mixed)
 * @param cpu                    CPU model name
 * @param date                   ISO-8601 start time
 * @param gitRevision            the project's revision ("unknown" outside a checkout)
 * @param filters                U-Net filters per level
 * @param inChannels             image channels
 * @param classes                output classes
 * @param size                   image side in pixels
 * @param batch                  images per training step and inference forward
 * @param mcBatch                images per MC prediction
 * @param mcSamples              samples per MC prediction
 * @param mcModel                the model sampled in the MC item
 * @param warmup                 untimed runs per item
 * @param repeats                timed runs per item
 * @param parameters             trainable parameters of the softmax U-Net
 * @param forwardGflopPerImage   analytic forward cost of one image, GFLOP
 * @param conv                   the ceiling convolution: N, C_in, H, W, C_out
 * @param items                  results by item key (train_step, inference, mc16, conv_ceiling), in run order
 */
public record BenchReport(String tool, String engine, int threads, String device, String allocator,
                          String precision, String cpu,
                          String date, @JsonProperty("git_revision") String gitRevision, List<Integer> filters,
                          @JsonProperty("in_channels") int inChannels, int classes, int size, int batch,
                          @JsonProperty("mc_batch") int mcBatch, @JsonProperty("mc_samples") int mcSamples,
                          @JsonProperty("mc_model") String mcModel, int warmup, int repeats, long parameters,
                          @JsonProperty("forward_gflop_per_image") double forwardGflopPerImage, List<Integer> conv,
                          Map<String, ItemResult> items) {

    /**
     * One timed item.
     *
     * @param what            what was timed, in words
     * @param timesMs         every timed run, milliseconds
     * @param medianMs        median of the timed runs, milliseconds
     * @param minMs           fastest timed run, milliseconds
     * @param gflop           analytic work of one run, GFLOP
     * @param gflops          achieved rate at the median, GFLOP/s
     * @param ceilingFraction {@code gflops} over the ceiling convolution's, or null when that was not run
     * @param peakRssMiB      peak resident memory over the item's timed runs, MiB; never below what the allocator
     *                        still holds from earlier runs of any item (all of it with the launcher's jemalloc),
     *                        and counted from the process start where the peak cannot be reset
     * @param rssMiB          resident memory after the item, MiB
     */
    public record ItemResult(String what, @JsonProperty("times_ms") double[] timesMs,
                             @JsonProperty("median_ms") double medianMs, @JsonProperty("min_ms") double minMs,
                             double gflop, double gflops,
                             @JsonProperty("ceiling_fraction") Double ceilingFraction,
                             @JsonProperty("peak_rss_mib") Double peakRssMiB,
                             @JsonProperty("rss_mib") Double rssMiB) {

        ItemResult withCeiling(Double ceilingGflops) {
            Double fraction = ceilingGflops == null || ceilingGflops <= 0 ? null : gflops / ceilingGflops;
            return new ItemResult(what, timesMs, medianMs, minMs, gflop, gflops, fraction, peakRssMiB, rssMiB);
        }
    }
}
