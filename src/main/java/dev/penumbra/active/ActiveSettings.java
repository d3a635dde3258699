package dev.penumbra.active;

import dev.penumbra.InputException;
import dev.penumbra.config.Seeds;
import dev.penumbra.metric.Ged;

import java.util.List;

/**
 * An active-learning experiment.
 *
 * @param model      registry name of the model
 * @param strategies acquisition function names, compared on the same initial sets
 * @param seeds      repetitions; repetition i uses seed {@code baseSeed + i} for its initial set and training
 * @param baseSeed   the first repetition's seed
 * @param initial    images labelled before the first round, drawn at random from the training pool
 * @param add        images labelled per round
 * @param rounds     selection rounds; the experiment trains rounds + 1 models per strategy and seed
 * @param steps      gradient updates per round, from scratch, without early stopping
 * @param estimator  the estimator of the test GED per round; paper when absent
 */
public record ActiveSettings(String model, List<String> strategies, int seeds, long baseSeed, int initial, int add,
                             int rounds, int steps, Ged.Estimator estimator) {

    /** Repetitions of the paper's experiment, which {@code active} and {@code study} run unless told otherwise. */
    public static final int SEEDS = 3;
    /** Images labelled before the first round in the paper's experiment. */
    public static final int INITIAL = 50;
    /** Images labelled per round in the paper's experiment. */
    public static final int ADD = 25;
    /** Selection rounds of the paper's experiment. */
    public static final int ROUNDS = 10;
    /** Gradient updates per round in the paper's experiment. */
    public static final int STEPS = 5000;

    public ActiveSettings {
        strategies = List.copyOf(strategies);
        Acquisitions.parse(strategies);
        InputException.atLeast("--seeds", seeds, 1);
        InputException.atLeast("--initial", initial, 1);
        InputException.atLeast("--add", add, 1);
        InputException.notNegative("--rounds", rounds, null);
        InputException.atLeast("--steps", steps, 1);
        estimator = estimator == null ? Ged.Estimator.PAPER : estimator; // active.json written before it
    }

    /** An experiment whose test GED uses the paper estimator. */
    public ActiveSettings(String model, List<String> strategies, int seeds, long baseSeed, int initial, int add,
                          int rounds, int steps) {
        this(model, strategies, seeds, baseSeed, initial, add, rounds, steps, Ged.Estimator.PAPER);
    }

    /** Images labelled after the last round. */
    public int finalLabelled() {
        return initial + rounds * add;
    }

    /** The seed of repetition {@code i}. */
    public long seed(int i) {
        return baseSeed + i;
    }

    /** The training seed of a round: the same for every strategy, so strategies differ only in their picks. */
    public static long trainingSeed(long seed, int round) {
        return Seeds.ACTIVE_ROUND.of(seed, round);
    }
}
