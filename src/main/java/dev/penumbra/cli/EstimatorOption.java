package dev.penumbra.cli;

import dev.penumbra.metric.Ged;
import picocli.CommandLine.Option;

/** The {@code --estimator} option of every command that computes a GED. */
public final class EstimatorOption {

    /** What the three estimators are, for the commands' help. */
    static final String HELP = "paper: the seed paper's pipeline (annotations re-drawn with replacement to the"
            + " sample count, seeded; all pairs including i = j). all-pairs: the V-statistic over all given"
            + " annotations, pairs i = j included (PHiSeg, SSN, MoSE and most later LIDC tables). unbiased: all"
            + " annotations, pairs i != j only.";

    @Option(names = "--estimator", paramLabel = "paper|all-pairs|unbiased", defaultValue = "paper",
            description = "GED estimator (default: ${DEFAULT-VALUE}); see the command's description.")
    String estimator;

    /** @return the chosen estimator; an unknown name is a user error (exit 2) */
    public Ged.Estimator get() {
        return Ged.Estimator.parse(estimator);
    }
}
