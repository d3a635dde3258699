package dev.penumbra.evaluate;

import dev.penumbra.health.HealthFlag;
import dev.penumbra.health.HealthThresholds;
import dev.penumbra.stats.Bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The answer of one evaluation to the paper's two questions, per model, generated from its numbers by fixed
 * criteria (never written by hand). Health flags come first: a flagged model gets no conclusion at all.
 *
 * <p>Does the uncertainty flag errors? Evidence: the AUROC of pixel entropy for wrong pixels with its image-level
 * bootstrap interval, and the rm_corr r of correctness with entropy with its subject-level bootstrap interval.
 * <ul>
 *   <li>yes: the AUROC interval lies above 0.5 and the r interval below 0 (wrong pixels are more uncertain, pooled
 *       and within images);</li>
 *   <li>partly: only one of the two holds;</li>
 *   <li>no: the AUROC interval lies below 0.5 (right pixels are the more uncertain);</li>
 *   <li>no evidence either way: otherwise;</li>
 *   <li>not enough evidence: fewer than {@value HealthThresholds#MIN_IMAGES} images enter the correlation.</li>
 * </ul>
 * Does it follow the annotators' disagreement (several annotations per image only)? Evidence: rm_corr r of the
 * disagreement level with entropy, subject-level bootstrap interval: yes above 0, no below 0, no evidence when it
 * holds 0, not enough evidence with fewer than {@value HealthThresholds#MIN_IMAGES} images.
 */
public final class Verdict {

    /** The paper's two questions. */
    public enum Question {
        ERRORS("Does the uncertainty flag errors?"),
        DISAGREEMENT("Does the uncertainty follow the annotators' disagreement?");

        private final String text;

        Question(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** The possible answers, from the criteria in the class comment. */
    public enum Answer {
        YES("yes"), PARTLY("partly"), NO("no"), NO_EVIDENCE("no evidence either way"),
        NOT_ENOUGH_EVIDENCE("not enough evidence"), WITHHELD("no conclusion (health flag)"),
        NOT_APPLICABLE("cannot be asked of this data");

        private final String text;

        Answer(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        /** Whether the answer concludes that the uncertainty is useful (yes or partly). */
        public boolean positive() {
            return this == YES || this == PARTLY;
        }
    }

    /**
     * One answer with the sentence that gives its statistics.
     *
     * @param model    the model's label
     * @param question what was asked
     * @param answer   the answer the criteria give
     * @param because  one sentence citing the numbers behind the answer
     */
    public record Finding(String model, Question question, Answer answer, String because) {
    }

    private Verdict() {
    }

    /** The findings of every model of {@code e}: errors first, then disagreement, model by model. */
    public static List<Finding> of(EvaluationOverview e) {
        List<Finding> out = new ArrayList<>();
        for (ModelSummary s : e.summaries()) {
            out.add(errors(s));
            out.add(disagreement(s, e.annotators()));
        }
        return out;
    }

    static Finding errors(ModelSummary s) {
        Question q = Question.ERRORS;
        if (s.flagged()) {
            return withheld(s, q);
        }
        Correlation c = s.correctness();
        Bootstrap.Interval auc = s.aurocCi();
        if (auc == null || c.images() < HealthThresholds.MIN_IMAGES || c.bootstrap() == null) {
            return new Finding(s.label(), q, Answer.NOT_ENOUGH_EVIDENCE, String.format(Locale.ROOT,
                    "Only %d images have both right and wrong judged pixels; at least %d are needed.", c.images(),
                    HealthThresholds.MIN_IMAGES));
        }
        boolean ranks = auc.low() > 0.5;
        boolean within = c.bootstrap().high() < 0;
        String numbers = String.format(Locale.ROOT, "AUROC %s; rm_corr r of correctness with entropy %s over %d"
                + " images.", interval(auc), interval(c.bootstrap()), c.images());
        if (ranks && within) {
            return new Finding(s.label(), q, Answer.YES, "Wrong pixels are more uncertain than right ones, pooled"
                    + " (AUROC interval above 0.5) and within images (r interval below 0): " + numbers);
        }
        if (ranks || within) {
            return new Finding(s.label(), q, Answer.PARTLY, (ranks
                    ? "Pooled over images wrong pixels are more uncertain (AUROC interval above 0.5), but within"
                    + " images the r interval does not lie below 0: "
                    : "Within images wrong pixels are more uncertain (r interval below 0), but the pooled AUROC"
                    + " interval does not lie above 0.5: ") + numbers);
        }
        if (auc.high() < 0.5) {
            return new Finding(s.label(), q, Answer.NO, "Right pixels are the more uncertain (AUROC interval below"
                    + " 0.5): " + numbers);
        }
        return new Finding(s.label(), q, Answer.NO_EVIDENCE, "The AUROC interval holds 0.5 and the r interval holds"
                + " 0 or lies above it: " + numbers);
    }

    static Finding disagreement(ModelSummary s, int annotators) {
        Question q = Question.DISAGREEMENT;
        Correlation c = s.agreement();
        if (annotators < 2 || c == null) {
            return new Finding(s.label(), q, Answer.NOT_APPLICABLE, "One annotation per image: there is no"
                    + " disagreement to follow.");
        }
        if (s.flagged()) {
            return withheld(s, q);
        }
        if (c.images() < HealthThresholds.MIN_IMAGES || c.bootstrap() == null) {
            return new Finding(s.label(), q, Answer.NOT_ENOUGH_EVIDENCE, String.format(Locale.ROOT,
                    "Only %d images have pixels of differing agreement; at least %d are needed.", c.images(),
                    HealthThresholds.MIN_IMAGES));
        }
        String numbers = String.format(Locale.ROOT, "rm_corr r of the disagreement level with entropy %s over %d"
                + " images.", interval(c.bootstrap()), c.images());
        if (c.bootstrap().low() > 0) {
            return new Finding(s.label(), q, Answer.YES, "Where more annotators disagree the model is more"
                    + " uncertain (r interval above 0): " + numbers);
        }
        if (c.bootstrap().high() < 0) {
            return new Finding(s.label(), q, Answer.NO, "The model is less uncertain where the annotators disagree"
                    + " (r interval below 0): " + numbers);
        }
        return new Finding(s.label(), q, Answer.NO_EVIDENCE, "The r interval holds 0: " + numbers);
    }

    private static Finding withheld(ModelSummary s, Question q) {
        return new Finding(s.label(), q, Answer.WITHHELD, "The health checks flag this model ("
                + String.join(", ", s.health().stream().map(HealthFlag::name).toList()) + "): numbers of a model"
                + " that has not learned are not evidence.");
    }

    /** "0.712 [0.650, 0.770]": the estimate and its 95% interval. */
    static String interval(Bootstrap.Interval i) {
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", i.estimate(), i.low(), i.high());
    }
}
