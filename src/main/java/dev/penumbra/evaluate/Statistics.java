package dev.penumbra.evaluate;

import dev.penumbra.health.Evidence;
import dev.penumbra.health.HealthChecks;
import dev.penumbra.metric.ErrorDetection;
import dev.penumbra.stats.Bootstrap;
import dev.penumbra.stats.EffectSize;
import dev.penumbra.stats.Holm;
import dev.penumbra.stats.TTest;
import dev.penumbra.train.TrainRun;
import dev.penumbra.train.TrainingOutcome;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Median;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** Turns {@link ModelEvaluation}s into {@link ModelSummary}s and pairwise {@link Comparison}s. */
public final class Statistics {

    private Statistics() {
    }

    /** The per-image scores whose dataset means get bootstrap intervals, in the order of the summaries. */
    static Map<MetricKey, ToDoubleFunction<ImageScores>> perImageMetrics(EvaluationSettings settings) {
        Map<MetricKey, ToDoubleFunction<ImageScores>> m = new LinkedHashMap<>();
        int[] counts = settings.gedCounts();
        for (int i = 0; i < counts.length; i++) {
            int k = i;
            m.put(Metric.GED.at(counts[i]), s -> s.ged()[k]);
        }
        for (int i = 0; i < counts.length; i++) {
            int k = i;
            m.put(Metric.DIVERSITY.at(counts[i]), s -> s.diversity()[k]);
        }
        int largest = settings.largestCount();
        m.put(Metric.GED_ALL_PAIRS.at(largest), ImageScores::gedAllPairs);
        m.put(Metric.GED_UNBIASED.at(largest), ImageScores::gedUnbiased);
        m.put(Metric.DIVERSITY_UNBIASED.at(largest), ImageScores::diversityUnbiased);
        m.put(Metric.HUNGARIAN_IOU.at(largest), ImageScores::hungarianIou);
        m.put(Metric.NCC.key(), ImageScores::ncc);
        m.put(Metric.SOFT_DICE.key(), ImageScores::softDice);
        m.put(Metric.ENTROPY.key(), ImageScores::meanEntropy);
        m.put(Metric.MUTUAL_INFORMATION.key(), ImageScores::meanMutualInformation);
        m.put(Metric.MAJORITY_DICE.key(), ImageScores::majorityDice);
        m.put(Metric.CLEAR_LESION_DICE.key(), s -> s.unanimousForeground() > 0 ? s.majorityDice() : Double.NaN);
        m.put(Metric.EMPTY_SAMPLES.key(), ImageScores::emptySamples);
        return m;
    }

    public static ModelSummary summarise(ModelEvaluation e, EvaluationSettings settings) {
        Map<MetricKey, Bootstrap.Interval> means = new LinkedHashMap<>();
        perImageMetrics(settings).forEach((name, f) -> {
            // a score undefined for an image (NaN, e.g. majority Dice without a lesion) leaves that image out
            double[] defined = e.images().stream().mapToDouble(f).filter(Double::isFinite).toArray();
            if (defined.length > 0) {
                means.put(name, Bootstrap.meanCi(defined, settings.bootstrap(), 0.95, settings.bootstrapSeed()));
            }
        });
        Judged judged = judged(e.pixels());
        int errors = 0;
        for (boolean w : judged.wrong()) {
            errors += w ? 1 : 0;
        }
        boolean none = judged.wrong().length == 0;
        double auroc = none ? Double.NaN : ErrorDetection.auroc(judged.entropy(), judged.wrong());
        double aurc = none ? Double.NaN : ErrorDetection.riskCoverage(judged.entropy(), judged.wrong()).aurc();
        Correlation correctness = Correlation.of("correct", e.pixels(), p -> p.outcome() != null,
                p -> p.outcome().correct() ? 1 : 0, settings.bootstrap(), settings.bootstrapSeed());
        boolean severalAnnotators = e.pixels().stream().anyMatch(p -> p.annotators() > 1);
        Correlation agreement = severalAnnotators
                ? Correlation.of("disagreement", e.pixels(), p -> true, PixelRecord::disagreement,
                        settings.bootstrap(), settings.bootstrapSeed()) : null;
        Map<String, Double> outcomeMedians = new LinkedHashMap<>();
        Map<String, Integer> outcomeCounts = new LinkedHashMap<>();
        Map<String, List<Double>> byOutcome = byOutcome(e.pixels());
        byOutcome.forEach((k, v) -> {
            outcomeMedians.put(k, median(v));
            outcomeCounts.put(k, v.size());
        });
        Map<String, Double> agreementMedians = new LinkedHashMap<>();
        byAgreement(e.pixels()).forEach((k, v) -> agreementMedians.put(k, median(v)));
        return new ModelSummary(e.label(), e.images().size(), means, e.calibration().ece(), e.calibration().bins(),
                auroc, aurc, none ? Double.NaN : errors / (double) judged.wrong().length, correctness,
                agreement, outcomeMedians, outcomeCounts, agreementMedians,
                HealthChecks.check(evidence(e, settings, correctness, agreement)), oracle(e, settings),
                none ? null : ErrorDetection.aurocCi(judged.entropy(), judged.wrong(), judged.image(),
                        settings.bootstrap(), 0.95, settings.bootstrapSeed()),
                e.origin() == null ? null : e.origin().forSummary());
    }

    /** The model against the oracle annotators, or null when the data has none. */
    static OracleSummary oracle(ModelEvaluation e, EvaluationSettings settings) {
        if (e.oracle() == null) {
            return null;
        }
        double[] ged = e.images().stream().mapToDouble(ImageScores::oracleGed).toArray();
        double[] floor = e.images().stream().mapToDouble(ImageScores::oracleFloor).toArray();
        double[] excess = EffectSize.differences(ged, floor);
        Bootstrap.Interval g = Bootstrap.meanCi(ged, settings.bootstrap(), 0.95, settings.bootstrapSeed());
        Bootstrap.Interval f = Bootstrap.meanCi(floor, settings.bootstrap(), 0.95, settings.bootstrapSeed());
        return new OracleSummary(ged.length, e.oracle().draws(), settings.largestCount(), g, f,
                f.estimate() > 0 ? g.estimate() / f.estimate() : Double.NaN,
                Bootstrap.meanCi(excess, settings.bootstrap(), 0.95, settings.bootstrapSeed()), e.oracle().model().ece(),
                e.oracle().annotators().ece());
    }

    /** What the health checks need of one model's evaluation and its training run. */
    static Evidence evidence(ModelEvaluation e, EvaluationSettings settings, Correlation correctness,
                             Correlation agreement) {
        long unanimous = 0;
        long found = 0;
        long background = 0;
        long marked = 0;
        for (ImageScores s : e.images()) {
            unanimous += s.unanimousForeground();
            found += s.unanimousFound();
            background += s.unanimousBackground();
            marked += s.unanimousMarked();
        }
        int k = largestMeasured(e, settings);
        // prediction files have no training records: the training checks do not apply to them
        TrainingOutcome outcome = e.trainedRun() ? TrainRun.readOutcome(Path.of(e.run())) : null;
        return new Evidence(e.distinctSamples() > 1, unanimous, found, background, marked,
                mean(e.images(), ImageScores::predictedForeground), mean(e.images(), ImageScores::annotatedForeground),
                mean(e.images(), s -> s.diversity()[k]), mean(e.images(), ImageScores::annotationDiversity),
                e.images().size(), correctness.images(), agreement == null ? -1 : agreement.images(),
                mean(e.images().stream().filter(s -> Double.isFinite(s.emptySamples())).toList(),
                        ImageScores::emptySamples),
                outcome == null ? List.of() : outcome.epochs(), outcome == null ? 0 : outcome.bestEpoch());
    }

    /**
     * The index of the largest sample count of {@code --ged-samples} at which the model's diversity is measured: the
     * last one for a run; for prediction files with fewer samples, the largest count they reach.
     */
    static int largestMeasured(ModelEvaluation e, EvaluationSettings settings) {
        int k = settings.gedCounts().length - 1;
        while (k > 0 && !e.images().isEmpty() && Double.isNaN(e.images().get(0).diversity()[k])) {
            k--;
        }
        return k;
    }

    private static double mean(List<ImageScores> images, ToDoubleFunction<ImageScores> f) {
        return images.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    /**
     * The sampled pixels where all annotators agree, so that the prediction is right or wrong.
     *
     * @param entropy pixel entropy, bits
     * @param wrong   whether the prediction disagrees with the annotators (FP or FN)
     * @param image   the index of each pixel's image, 0 .. images - 1 in order of appearance
     */
    record Judged(double[] entropy, boolean[] wrong, int[] image) {
    }

    static Judged judged(List<PixelRecord> pixels) {
        List<PixelRecord> agreed = pixels.stream().filter(p -> p.outcome() != null).toList();
        double[] entropy = agreed.stream().mapToDouble(PixelRecord::entropy).toArray();
        boolean[] wrong = new boolean[agreed.size()];
        int[] image = new int[agreed.size()];
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < wrong.length; i++) {
            wrong[i] = !agreed.get(i).outcome().correct();
            image[i] = index.computeIfAbsent(agreed.get(i).image(), k -> index.size());
        }
        return new Judged(entropy, wrong, image);
    }

    /** Pixel entropy as a detector of wrong pixels: the risk-coverage curve; null when no pixel is judged. */
    static ErrorDetection.RiskCoverage riskCoverage(ModelEvaluation m) {
        Judged judged = judged(m.pixels());
        return judged.wrong().length == 0 ? null : ErrorDetection.riskCoverage(judged.entropy(), judged.wrong());
    }

    /** Pixel entropies by outcome, TP, FP, FN, TN order (every key present). */
    public static Map<String, List<Double>> byOutcome(List<PixelRecord> pixels) {
        Map<String, List<Double>> m = new LinkedHashMap<>();
        for (Outcome o : Outcome.values()) {
            m.put(o.name(), new ArrayList<>());
        }
        for (PixelRecord p : pixels) {
            Outcome o = p.outcome();
            if (o != null) {
                m.get(o.name()).add((double) p.entropy());
            }
        }
        return m;
    }

    /** Pixel entropies by annotator agreement, from full agreement to the most even split. */
    public static Map<String, List<Double>> byAgreement(List<PixelRecord> pixels) {
        Map<Integer, Map<String, List<Double>>> levels = new java.util.TreeMap<>();
        for (PixelRecord p : pixels) {
            levels.computeIfAbsent(p.disagreement(), k -> new java.util.TreeMap<>(java.util.Comparator.reverseOrder()))
                    .computeIfAbsent(p.agreementLabel(), k -> new ArrayList<>()).add((double) p.entropy());
        }
        Map<String, List<Double>> m = new LinkedHashMap<>();
        levels.values().forEach(m::putAll);
        return m;
    }

    private static double median(List<Double> v) {
        return v.isEmpty() ? Double.NaN : new Median().evaluate(v.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * For every unordered pair of models, the per-image GED (primary estimator) at the largest sample count compared:
     * the pair ordered lower mean first, two-sided paired and two-sample t-tests, Holm's adjustment of the paired
     * p-values over all pairs of this evaluation, the mean paired difference with a bootstrap interval, and Cohen's
     * d_z.
     */
    public static List<Comparison> compare(List<ModelEvaluation> evaluated, EvaluationSettings settings) {
        MetricKey metric = settings.primaryGed();
        ToDoubleFunction<ImageScores> ged = perImageMetrics(settings).get(metric);
        Map<ModelEvaluation, double[]> scores = new java.util.IdentityHashMap<>();
        evaluated.forEach(m -> scores.put(m, m.images().stream().mapToDouble(ged).toArray()));
        // prediction files with fewer samples than the largest count have no primary GED: they are not compared
        List<ModelEvaluation> models = evaluated.stream().filter(m -> java.util.Arrays.stream(scores.get(m)).noneMatch(Double::isNaN))
                .toList();
        Function<ModelEvaluation, double[]> values = scores::get;
        record Pair(ModelEvaluation a, ModelEvaluation b) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            for (int j = i + 1; j < models.size(); j++) {
                ModelEvaluation x = models.get(i);
                ModelEvaluation y = models.get(j);
                if (x.images().size() < 2 || y.images().size() < 2) {
                    continue; // a t-test needs two images per model
                }
                boolean swap = StatUtils.mean(values.apply(y)) < StatUtils.mean(values.apply(x));
                pairs.add(swap ? new Pair(y, x) : new Pair(x, y));
            }
        }
        String family = String.format(java.util.Locale.ROOT, "the %d pair%s of %d models on %s in this evaluation",
                pairs.size(), pairs.size() == 1 ? "" : "s", models.size(), metric);
        List<TTest.Result> paired = new ArrayList<>();
        for (Pair p : pairs) {
            boolean sameImages = p.a().images().stream().map(ImageScores::image).toList()
                    .equals(p.b().images().stream().map(ImageScores::image).toList());
            paired.add(sameImages ? TTest.paired(values.apply(p.a()), values.apply(p.b()), TTest.Alternative.TWO_SIDED)
                    : null);
        }
        double[] holm = Holm.adjust(paired.stream().mapToDouble(t -> t == null ? Double.NaN : t.p()).toArray());
        List<Comparison> out = new ArrayList<>();
        for (int k = 0; k < pairs.size(); k++) {
            double[] x = values.apply(pairs.get(k).a());
            double[] y = values.apply(pairs.get(k).b());
            TTest.Result t = paired.get(k);
            out.add(new Comparison(metric, pairs.get(k).a().label(), pairs.get(k).b().label(), t, holm[k], family,
                    t == null ? null : Bootstrap.meanCi(EffectSize.differences(x, y), settings.bootstrap(), 0.95,
                            settings.bootstrapSeed()),
                    t == null ? Double.NaN : EffectSize.cohensDz(x, y),
                    TTest.twoSample(x, y, TTest.Alternative.TWO_SIDED)));
        }
        return out;
    }
}
