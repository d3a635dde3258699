package dev.penumbra.cli;

import dev.penumbra.config.Seeds;
import dev.penumbra.io.Json;
import dev.penumbra.io.MaskFolders;
import dev.penumbra.metric.Ged;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** {@code penumbra metrics}: evaluate masks produced by any tool. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "Evaluate sampled segmentation masks from any tool against annotations.",
        subcommands = {MetricsCommand.GedCommand.class})
public final class MetricsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * GED of one image.
     *
     * @param id                  the image folder's name
     * @param samples             number of model samples S
     * @param annotations         number of annotations L
     * @param ged                 generalized energy distance D^2 (d = 1 - IoU, dimensionless)
     * @param sampleDiversity     E[d(y, y')] between the samples
     * @param annotationDiversity E[d(a, a')] between the annotations (as the estimator takes them)
     */
    public record ImageGed(String id, int samples, int annotations, double ged, double sampleDiversity,
            double annotationDiversity) {
    }

    /**
     * GED of every image of a pair of mask folders.
     *
     * @param estimator           "paper" or "unbiased" (see {@link Ged.Estimator})
     * @param seed                seed of the one generator that draws the paper estimator's annotations, image ids in
     *                            sorted order
     * @param images              one row per image id, sorted by id
     * @param meanGed             mean of the images' GED
     * @param meanSampleDiversity mean of the images' sample diversity
     */
    public record GedReport(String estimator, long seed, List<ImageGed> images, double meanGed,
            double meanSampleDiversity) {

        /** Mean of the images' annotation diversity. */
        double meanAnnotationDiversity() {
            return images.stream().mapToDouble(ImageGed::annotationDiversity).average().orElse(Double.NaN);
        }
    }

    /** {@code penumbra metrics ged}. */
    @Command(name = "ged", mixinStandardHelpOptions = true,
            description = {"Generalized energy distance between sampled masks and annotations, per image.",
                """
            %n\
            PREDICTIONS/<image id>/*.png are a model's samples and ANNOTATIONS/<image id>/*.png the \
            annotators' masks of the same image (binary PNGs: 0 for background and one other value for \
            foreground; the same size within an image). Prints per image the GED D^2 = 2 E[d(y, a)] - E[d(y, \
            y')] - E[d(a, a')] with d = 1 - IoU, the sample diversity E[d(y, y')] and the annotation \
            diversity, and their means.%n\
            %n\
            """ + EstimatorOption.HELP})
    static final class GedCommand extends PenumbraCommand {

        @Option(names = "--predictions", required = true, paramLabel = "DIR", description = "Folder of a model's samples, DIR/<image id>/*.png (the layout penumbra predict writes).")
        Path samples;

        @Option(names = "--annotations", required = true, paramLabel = "DIR", description = "Folder of annotations, DIR/<image id>/*.png.")
        Path annotations;

        @Mixin
        EstimatorOption estimator;

        @Mixin
        SeedOption seedOption;

        @Option(names = "--samples-glob", paramLabel = "GLOB", defaultValue = "*.png", description = "Which files of a samples folder are samples (default: ${DEFAULT-VALUE}; 'sample_*.png' for the output of penumbra predict).")
        String samplesGlob;

        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            GedReport report = evaluate(samples, annotations, samplesGlob, estimator.get(), seedOption.get());
            PrintWriter out = out();
            out.println(json.render(report, table(report).stripTrailing()));
            out.flush();
            return 0;
        }
    }

    /**
     * GED of each image of two mask folders. One generator, seeded once, serves all images in sorted id order, so
     * the same folders and seed give the same numbers.
     *
     * @param samples     {@code SAMPLES/<image id>/*.png}
     * @param annotations {@code ANNOTATIONS/<image id>/*.png}, the same image ids
     * @param samplesGlob which file names of a samples folder are samples
     */
    static GedReport evaluate(Path samples, Path annotations, String samplesGlob, Ged.Estimator estimator,
                              long seed) {
        List<MaskFolders.Entry> entries = MaskFolders.pair(samples, annotations, samplesGlob);
        Random rng = Seeds.METRICS_GED_DRAWS.random(seed);
        List<ImageGed> rows = new ArrayList<>(entries.size());
        double gedSum = 0;
        double diversitySum = 0;
        for (MaskFolders.Entry entry : entries) {
            // one image in memory at a time
            MaskFolders.Masks masks = MaskFolders.read(entry);
            Ged.Result r = Ged.compute(masks.samples(), masks.annotations(), estimator, rng);
            rows.add(new ImageGed(entry.id(), masks.samples().size(), masks.annotations().size(), r.ged(),
                    r.sampleDiversity(), r.annotationDiversity()));
            gedSum += r.ged();
            diversitySum += r.sampleDiversity();
        }
        return new GedReport(estimator.toString(), seed, rows, gedSum / rows.size(), diversitySum / rows.size());
    }

    static String table(GedReport report) {
        int idWidth = "mean".length();
        for (ImageGed row : report.images()) {
            idWidth = Math.max(idWidth, row.id().length());
        }
        String rowFormat = "%-" + idWidth + "s  %7s  %11s  %9s  %16s  %20s%n";
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "GED of %d images (%s estimator, seed %d; d = 1 - IoU)%n",
                report.images().size(), report.estimator(), report.seed()));
        sb.append(String.format(Locale.ROOT, rowFormat, "id", "samples", "annotations", "GED", "sample diversity",
                "annotation diversity"));
        for (ImageGed row : report.images()) {
            sb.append(String.format(Locale.ROOT, rowFormat, row.id(), row.samples(), row.annotations(),
                    number(row.ged()), number(row.sampleDiversity()), number(row.annotationDiversity())));
        }
        sb.append(String.format(Locale.ROOT, rowFormat, "mean", "", "", number(report.meanGed()),
                number(report.meanSampleDiversity()), number(report.meanAnnotationDiversity())));
        return sb.toString();
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
