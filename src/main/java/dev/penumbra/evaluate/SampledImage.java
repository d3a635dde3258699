package dev.penumbra.evaluate;

import dev.penumbra.config.Seeds;
import dev.penumbra.data.Mask;
import dev.penumbra.data.Oracle;
import dev.penumbra.data.Sample;
import dev.penumbra.metric.Annotators;
import dev.penumbra.metric.Ged;
import dev.penumbra.metric.HungarianIou;
import dev.penumbra.metric.MeanPrediction;
import dev.penumbra.metric.Ncc;
import dev.penumbra.model.Sampler;
import dev.penumbra.metric.SoftDice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One image's share of a batch's samples, unpacked into plain arrays: the mean foreground probability, the
 * entropy and mutual information maps, the sample masks, and the annotators' votes.
 *
 * @param sample         the image with its annotations
 * @param foreground     H x W mean foreground probability
 * @param predicted      H x W the mean prediction's argmax is foreground
 * @param entropy        H x W predictive entropy, bits
 * @param mutual         H x W mutual information, bits
 * @param samples        the sample masks (0/1, H x W)
 * @param votes          H x W annotators marking each pixel
 * @param meanAnnotation H x W share of annotators marking each pixel
 * @param ncc            the image's {@link Ncc} of the model's uncertainty with its disagreement with the annotators
 */
record SampledImage(Sample sample, float[] foreground, boolean[] predicted, float[] entropy, float[] mutual,
                    List<byte[]> samples, int[] votes, float[] meanAnnotation, double ncc) {

    /**
     * @param b       the image's index in the batch
     * @param batch   B
     * @param samples the batch's samples (mean B x C x H x W, maps B x H x W, masks n x B x H x W)
     */
    static SampledImage of(Sample s, int b, int batch, int classes, PredictedBatch samples) {
        int pixels = s.image().height() * s.image().width();
        List<byte[]> drawn = Sampler.foregroundMasks(samples.masks(), b, batch, pixels, samples.samples());
        int span = classes * pixels;
        float[] mean = samples.mean();
        double ncc = Ncc.of(Arrays.copyOfRange(samples.meanLog(), b * span, (b + 1) * span),
                Arrays.copyOfRange(mean, b * span, (b + 1) * span), s.masks().stream().map(Mask::pixels).toList());
        int[] votes = Annotators.votes(s.masks());
        return new SampledImage(s, MeanPrediction.foreground(mean, b, classes, pixels),
                MeanPrediction.predicted(mean, b, classes, pixels),
                Arrays.copyOfRange(samples.entropy(), b * pixels, (b + 1) * pixels),
                Arrays.copyOfRange(samples.mutual(), b * pixels, (b + 1) * pixels), drawn,
                votes, Annotators.share(votes, s.annotators()), ncc);
    }

    /**
     * The image's scores. A score at a sample count above the samples this model has (prediction files with fewer
     * samples than {@code --ged-samples} asks for) is NaN: it is not computed from fewer samples under the larger
     * count's name.
     *
     * @param oracle the image's oracle annotators, or null when the data has none
     */
    ImageScores scores(String label, EvaluationSettings settings, Random gedDraws, Oracle oracle) {
        List<byte[]> annotations = sample.masks().stream().map(Mask::pixels).toList();
        int[] counts = settings.gedCounts();
        double[] ged = new double[counts.length];
        double[] diversity = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > samples.size()) {
                ged[i] = Double.NaN;
                diversity[i] = Double.NaN;
                continue;
            }
            Ged.Result r = Ged.compute(samples.subList(0, counts[i]), annotations, Ged.Estimator.PAPER, gedDraws);
            ged[i] = r.ged();
            diversity[i] = r.sampleDiversity();
        }
        boolean complete = settings.largestCount() <= samples.size();
        List<byte[]> largest = samples.subList(0, Math.min(settings.largestCount(), samples.size()));
        OracleScores against = oracle == null || !complete ? new OracleScores(Double.NaN, Double.NaN)
                : OracleScores.of(largest, oracle.draws().stream().map(Mask::pixels).toList(),
                        Seeds.EVALUATION_IMAGE.of(settings.seed(), sample.id().hashCode()));
        // the annotators' own diversity does not depend on the samples: known even when the largest count is not
        Ged.Result unbiased = Ged.compute(largest, annotations, Ged.Estimator.UNBIASED, gedDraws);
        double allPairs = complete ? Ged.compute(largest, annotations, Ged.Estimator.ALL_PAIRS, gedDraws).ged()
                : Double.NaN;
        double sumEntropy = 0;
        double sumMutual = 0;
        double sumAnnotator = 0;
        int predictedCount = 0;
        double annotated = 0;
        int l = sample.annotators();
        for (int p = 0; p < votes.length; p++) {
            sumEntropy += entropy[p];
            sumMutual += mutual[p];
            sumAnnotator += Annotators.binaryEntropyBits(votes[p] / (double) l);
            predictedCount += predicted[p] ? 1 : 0;
            annotated += votes[p] / (double) l;
        }
        int n = votes.length;
        int unanimous = 0;
        int found = 0;
        int background = 0;
        int marked = 0;
        for (int p = 0; p < n; p++) {
            if (votes[p] == l) {
                unanimous++;
                found += predicted[p] ? 1 : 0;
            } else if (votes[p] == 0) {
                background++;
                marked += predicted[p] ? 1 : 0;
            }
        }
        return new ImageScores(label, sample.id(), l, ged, diversity, allPairs,
                complete ? unbiased.ged() : Double.NaN, complete ? unbiased.sampleDiversity() : Double.NaN,
                unbiased.annotationDiversity(), ncc,
                complete ? HungarianIou.matched(largest, annotations) : Double.NaN,
                SoftDice.of(foreground, meanAnnotation()), sumEntropy / n, sumMutual / n, sumAnnotator / n,
                predictedCount / (double) n, annotated / n, majorityDice(), unanimous, found,
                background, marked, unanimous > 0 ? emptyShare(largest) : Double.NaN, against.ged(),
                against.floor());
    }

    /** The share of the samples without any foreground pixel. */
    private static double emptyShare(List<byte[]> samples) {
        int empty = 0;
        for (byte[] s : samples) {
            boolean any = false;
            for (byte v : s) {
                if (v != 0) {
                    any = true;
                    break;
                }
            }
            empty += any ? 0 : 1;
        }
        return empty / (double) samples.size();
    }

    /** Dice of the samples' majority mask against the annotators' majority mask; NaN without annotator majority. */
    private double majorityDice() {
        int l = sample.annotators();
        int both = 0;
        int model = 0;
        int annotators = 0;
        for (int p = 0; p < votes.length; p++) {
            int hits = 0;
            for (byte[] s : samples) {
                hits += s[p] != 0 ? 1 : 0;
            }
            boolean m = 2 * hits >= samples.size();
            boolean a = 2 * votes[p] >= l;
            model += m ? 1 : 0;
            annotators += a ? 1 : 0;
            both += m && a ? 1 : 0;
        }
        return annotators == 0 ? Double.NaN : 2.0 * both / (model + annotators);
    }

    List<PixelRecord> pixelRecords(int[] indices) {
        List<PixelRecord> out = new ArrayList<>(indices.length);
        for (int p : indices) {
            out.add(new PixelRecord(sample.id(), p, entropy[p], mutual[p], foreground[p], predicted[p], votes[p],
                    sample.annotators()));
        }
        return out;
    }

    ImageMaps maps(int keptSamples) {
        return new ImageMaps(foreground, predicted, entropy, List.copyOf(samples.subList(0, Math.min(keptSamples,
                samples.size()))));
    }
}
