package dev.penumbra.report;

import dev.penumbra.model.ModelRegistry;

/** The report's methods section: how every number was computed, including where it departs from the paper. */
final class Methods {

    /** The section, with every registered model's sampling path in its own words. */
    static String html() {
        return TEMPLATE.replace("{models}", String.join("; ", ModelRegistry.factories().stream()
                .map(f -> "<code>" + f.name() + "</code>: " + Html.esc(f.summary())).toList()));
    }

    private static final String TEMPLATE = """
            <h2 id="methods">Methods</h2>
            <dl>
            <dt>Samples and uncertainty</dt>
            <dd>Each model draws 16 samples per image through its own sampling path: {models}.
            Pixel predictive entropy (bits) of the mean of the sampled probability maps, probabilities below 1e-5
            contributing 0; mutual information = entropy minus the mean of the samples' entropies.</dd>
            <dt>Prediction files of other tools</dt>
            <dd>A model given as <code>--predictions NAME=DIR</code> is read, not sampled: its sample masks
            <code>sample_&lt;i&gt;.png</code> (the first <code>--samples</code> of them; a single mask per image is a
            deterministic model's and stands for every sample), and its mean probability from
            <code>probability_c&lt;k&gt;</code> maps where given, else the share of its samples marking each class.
            The entropy is that of the mean, by the definition above. Its mutual information is unknown (hard masks)
            and NCC is computed from the hard masks. Scores at a sample count above the samples it gives are not
            computed, and such a model is left out of the comparisons at that count. It has no training curves and
            no training checks; every other health check applies as to a run.</dd>
            <dt>Generalized energy distance</dt>
            <dd>D&sup2; = 2 E[d(y, a)] &minus; E[d(y, y')] &minus; E[d(a, a')], d = 1 &minus; IoU with 1e-6 added to
            intersection and union (two empty masks: IoU 1). <em>Paper</em> estimator, exactly as published: the
            annotations are re-drawn with replacement to the sample count (seeded) and every expectation averages
            all pairs including i = j. <em>All-pairs</em>: the V-statistic over the samples and all given
            annotations, no re-draw, pairs i = j included &mdash; what the seed paper's
            <code>generalized_energy_distance</code> computes on given lists, and the protocol of PHiSeg, SSN, MoSE
            and most later LIDC tables (its numbers are about half the paper estimator's). <em>Unbiased</em>: all
            annotations as they are, pairs i &ne; j only. All three at the largest sample count; the paper estimator
            also at 1, 4, 8 samples (the first samples of the 16). <code>--estimator</code> picks the primary one,
            which the model comparisons test.</dd>
            <dt>NCC</dt>
            <dd>PHiSeg's normalised cross-correlation per image: with samples s<sub>i</sub>, their mean s and
            one-hot annotations y<sub>j</sub>, E<sub>ss</sub> = &minus;(1/n) &Sigma;<sub>i</sub> &Sigma;<sub>c</sub>
            s<sub>c</sub> log(s<sub>i,c</sub> + 1e-8) and E<sub>sy<sub>j</sub></sub> the same with y<sub>j</sub> in
            place of s; NCC = mean over annotators of the Pearson correlation of the two maps over the pixels. A map
            without variance scores 0 (PHiSeg's code returns NaN there, and the SSN evaluation drops such images
            with nanmean).</dd>
            <dt>Overlap</dt>
            <dd>Hungarian-matched IoU: the annotations repeated cyclically to the number of samples, then the
            one-to-one matching of maximal total IoU. Soft Dice between the mean foreground probability x and the
            mean annotation y as published: (2&Sigma;xy + 1e-6) / (&Sigma;x&sup2; + &Sigma;y&sup2; + 1e-6) &mdash;
            the published formula divides by sums of squares, not sums.</dd>
            <dt>Uncertainty by outcome (Fig 4) and agreement (Fig 5)</dt>
            <dd>A fixed number of pixels per image is drawn without replacement (seeded by the evaluation seed and
            the image id, so every model is measured on the same pixels; the published code draws with
            replacement). The prediction is the argmax of the mean of the samples (the published code uses one
            sample). TP / FP / FN / TN only where all annotators agree. Repeated-measures correlation (pingouin's
            rm_corr: ANCOVA with the image as subject; p from Student's t; 95% CI by Fisher's z), tested at
            &alpha; = 0.01. Fisher's interval takes every pixel as independent; beside it a subject-level bootstrap
            interval that resamples the images, each with all its pixels.</dd>
            <dt>Model comparisons</dt>
            <dd>Every unordered pair of models once, the lower mean per-image GED first: the two-sided paired
            t-test over the same images (primary), with the mean paired difference (bootstrap 95% interval),
            Cohen's d<sub>z</sub> and Holm's adjustment over all pairs of the evaluation; beside it the published
            two-sample test (Student's with equal group sizes, Welch's otherwise, as pingouin chooses), two-sided
            because the order comes from the data.</dd>
            <dt>Calibration and failure detection (beyond the paper)</dt>
            <dd>ECE of the foreground probability over every test pixel, in equal-width bins, against the share of
            annotators marking the pixel (a soft target with several annotators). AUROC of pixel entropy for
            "prediction wrong" (with an image-level bootstrap interval) and the risk&ndash;coverage curve with its
            area (AURC), over the sampled pixels where all annotators agree.</dd>
            <dt>Verdict</dt>
            <dd>Generated from the numbers by the criteria stated beside it; a model flagged by the health checks
            gets no conclusion. Active learning: the final round's test loss paired by seed, Student t interval of
            the mean difference.</dd>
            <dt>Intervals</dt>
            <dd>Percentile bootstrap over images (seeded) for every dataset mean.</dd>
            </dl>
            """;

    private Methods() {
    }
}
