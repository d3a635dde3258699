package dev.penumbra.config;

import ai.djl.engine.Engine;

import java.util.Random;
import java.util.function.LongBinaryOperator;

/**
 * Every random stream of training, evaluation, prediction, active learning and the benchmark, by name, with the one
 * rule that derives its seed from the seed the user gave. Nothing else derives seeds, and nothing else seeds the
 * engine: same seed, same numbers.
 *
 * <p>DJL's random operations (dropout, {@code randomNormal}, weight initialisation) draw from libtorch's one global
 * generator, so an {@link Generator#ENGINE} stream is applied by {@link #seedEngine} at the point where its draws
 * begin, and its draws continue that generator's sequence until the next stream is applied. The other streams are
 * {@link Random}s (or, for the bootstrap, {@link java.util.SplittableRandom}s made by the statistics functions),
 * one per stream.
 *
 * <p>{@code s} is the stream's source seed, {@code i} its index; {@code mix(x, i)} is the SplitMix64 finaliser of
 * {@code x * 0x9E3779B97F4A7C15 + i * 0xBF58476D1CE4E5B9}, truncated to 32 bits; {@code fold(s)} is
 * {@code s ^ (s >>> 32)}. Engine seeds are the low 32 bits of the value.
 *
 * <table>
 * <caption>The streams</caption>
 * <tr><th>stream</th><th>generator</th><th>s</th><th>seed</th><th>draws</th></tr>
 * <tr><td>{@link #WEIGHTS}</td><td>engine</td><td>training seed</td><td>mix(s, 0)</td>
 *     <td>weight initialisation</td></tr>
 * <tr><td>{@link #TRAINING_BATCHES}</td><td>Random</td><td>training seed</td><td>mix(s, epoch)</td>
 *     <td>an epoch's batch order, augmentation and annotator per image</td></tr>
 * <tr><td>{@link #TRAINING_DROPOUT}</td><td>engine</td><td>training seed</td>
 *     <td>mix(s ^ 0x5DEECE66D, epoch)</td><td>an epoch's dropout and latent samples</td></tr>
 * <tr><td>{@link #VALIDATION_ANNOTATORS}</td><td>Random</td><td>training seed</td><td>mix(s, -1)</td>
 *     <td>the annotator per image of the validation loss</td></tr>
 * <tr><td>{@link #VALIDATION_SAMPLING}</td><td>engine</td><td>training seed</td><td>mix(s, -2)</td>
 *     <td>the validation loss's dropout and latent samples</td></tr>
 * <tr><td>{@link #VALIDATION_GED_SAMPLING}</td><td>engine</td><td>training seed</td><td>mix(s, -3)</td>
 *     <td>the model samples of the validation GED</td></tr>
 * <tr><td>{@link #VALIDATION_GED_DRAWS}</td><td>Random</td><td>training seed</td><td>mix(s, -4)</td>
 *     <td>the validation GED's annotation re-draws</td></tr>
 * <tr><td>{@link #EVALUATION_SAMPLING}</td><td>engine</td><td>evaluation seed</td><td>fold(s)</td>
 *     <td>the model samples of an evaluation (re-applied for every model)</td></tr>
 * <tr><td>{@link #EVALUATION_GED_DRAWS}</td><td>Random</td><td>evaluation seed</td><td>s</td>
 *     <td>the GED annotation re-draws of one model's images</td></tr>
 * <tr><td>{@link #EVALUATION_IMAGE}</td><td>Random</td><td>evaluation seed</td>
 *     <td>s * 1000003 + id.hashCode()</td><td>an image's sampled pixels; its oracle GED's re-draws</td></tr>
 * <tr><td>{@link #ORACLE_FLOOR}</td><td>Random</td><td>the image's {@link #EVALUATION_IMAGE} seed</td>
 *     <td>~s</td><td>the re-draws of the oracle floor</td></tr>
 * <tr><td>{@link #EVALUATION_BOOTSTRAP}</td><td>SplittableRandom</td><td>evaluation seed</td><td>s</td>
 *     <td>every bootstrap interval of an evaluation (each resampling starts afresh)</td></tr>
 * <tr><td>{@link #PREDICTION_SAMPLING}</td><td>engine</td><td>prediction seed</td><td>fold(s)</td>
 *     <td>the model samples of {@code penumbra predict}</td></tr>
 * <tr><td>{@link #PREDICTION_GED_DRAWS}</td><td>Random</td><td>prediction seed</td><td>s</td>
 *     <td>its GED annotation re-draws</td></tr>
 * <tr><td>{@link #ACTIVE_INITIAL_SET}</td><td>Random</td><td>repetition seed</td><td>s</td>
 *     <td>the initial labelled images</td></tr>
 * <tr><td>{@link #ACTIVE_ROUND}</td><td>(a training seed)</td><td>repetition seed</td><td>s * 1000 + round</td>
 *     <td>the training seed of a round, the s of the training streams and of the three below</td></tr>
 * <tr><td>{@link #ACTIVE_SAMPLING}</td><td>engine</td><td>round's training seed</td><td>s ^ 0x2545F491</td>
 *     <td>the model samples of the round's test metrics, then of its pool scores</td></tr>
 * <tr><td>{@link #ACTIVE_TEST_GED_DRAWS}</td><td>Random</td><td>round's training seed</td><td>s</td>
 *     <td>the test GED's annotation re-draws</td></tr>
 * <tr><td>{@link #ACTIVE_SELECTION}</td><td>Random</td><td>round's training seed</td>
 *     <td>s ^ 0x9E3779B97F4A7C15</td><td>the acquisition's random choices</td></tr>
 * <tr><td>{@link #METRICS_GED_DRAWS}</td><td>Random</td><td>metrics seed</td><td>s</td>
 *     <td>the annotation re-draws of {@code penumbra metrics ged}</td></tr>
 * <tr><td>{@link #BENCHMARK}</td><td>engine</td><td>benchmark seed</td><td>s</td>
 *     <td>the benchmark's weights and samples</td></tr>
 * <tr><td>{@link #BENCHMARK_INPUTS}</td><td>Random</td><td>benchmark seed</td><td>s + item</td>
 *     <td>the benchmark's random images (item 0: training step, 1: inference, 2: Monte-Carlo)</td></tr>
 * </table>
 *
 * <p>The data's own seeds stay in {@code data/}: the split seed shuffles the patient groups as given, and the
 * synthetic datasets derive one seed per image (see {@code data.synthetic}).
 */
public enum Seeds {

    WEIGHTS(Generator.ENGINE, false, (s, i) -> mix(s, 0)),
    TRAINING_BATCHES(Generator.RANDOM, true, Seeds::mix),
    TRAINING_DROPOUT(Generator.ENGINE, true, (s, epoch) -> mix(s ^ 0x5DEECE66DL, epoch)),
    VALIDATION_ANNOTATORS(Generator.RANDOM, false, (s, i) -> mix(s, -1)),
    VALIDATION_SAMPLING(Generator.ENGINE, false, (s, i) -> mix(s, -2)),
    VALIDATION_GED_SAMPLING(Generator.ENGINE, false, (s, i) -> mix(s, -3)),
    VALIDATION_GED_DRAWS(Generator.RANDOM, false, (s, i) -> mix(s, -4)),
    EVALUATION_SAMPLING(Generator.ENGINE, false, (s, i) -> s ^ (s >>> 32)),
    EVALUATION_GED_DRAWS(Generator.RANDOM, false, (s, i) -> s),
    EVALUATION_IMAGE(Generator.RANDOM, true, (s, idHash) -> s * 1_000_003L + idHash),
    ORACLE_FLOOR(Generator.RANDOM, false, (s, i) -> ~s),
    EVALUATION_BOOTSTRAP(Generator.SPLITTABLE, false, (s, i) -> s),
    PREDICTION_SAMPLING(Generator.ENGINE, false, (s, i) -> s ^ (s >>> 32)),
    PREDICTION_GED_DRAWS(Generator.RANDOM, false, (s, i) -> s),
    ACTIVE_INITIAL_SET(Generator.RANDOM, false, (s, i) -> s),
    ACTIVE_ROUND(Generator.NONE, true, (s, round) -> s * 1000 + round),
    ACTIVE_SAMPLING(Generator.ENGINE, false, (s, i) -> s ^ 0x2545F491L),
    ACTIVE_TEST_GED_DRAWS(Generator.RANDOM, false, (s, i) -> s),
    ACTIVE_SELECTION(Generator.RANDOM, false, (s, i) -> s ^ 0x9E3779B97F4A7C15L),
    METRICS_GED_DRAWS(Generator.RANDOM, false, (s, i) -> s),
    BENCHMARK(Generator.ENGINE, false, (s, i) -> s),
    BENCHMARK_INPUTS(Generator.RANDOM, true, (s, item) -> s + item);

    /** What draws from a stream. */
    public enum Generator {
        /** libtorch's global generator, seeded by {@link #seedEngine}. */
        ENGINE,
        /** a {@link Random} of its own. */
        RANDOM,
        /** a {@link java.util.SplittableRandom} of its own, made from {@link #of} by the statistics functions. */
        SPLITTABLE,
        /** none: the value is the seed of other streams. */
        NONE
    }

    private final Generator generator;
    private final boolean indexed;
    private final LongBinaryOperator rule;

    Seeds(Generator generator, boolean indexed, LongBinaryOperator rule) {
        this.generator = generator;
        this.indexed = indexed;
        this.rule = rule;
    }

    public Generator generator() {
        return generator;
    }

    /** The seed of this stream, for a stream without an index. */
    public long of(long source) {
        if (indexed) {
            throw new IllegalArgumentException(this + " is indexed: give its index");
        }
        return rule.applyAsLong(source, 0);
    }

    /** The seed of this stream at {@code index} (an epoch, a round, an image id's hash code, a benchmark item). */
    public long of(long source, long index) {
        if (!indexed) {
            throw new IllegalArgumentException(this + " has no index");
        }
        return rule.applyAsLong(source, index);
    }

    /** A fresh generator of this {@link Generator#RANDOM} stream. */
    public Random random(long source) {
        return new Random(require(Generator.RANDOM).of(source));
    }

    /** A fresh generator of this {@link Generator#RANDOM} stream at {@code index}. */
    public Random random(long source, long index) {
        return new Random(require(Generator.RANDOM).of(source, index));
    }

    /** Seeds the engine with this {@link Generator#ENGINE} stream. */
    public void seedEngine(long source) {
        applyEngineSeed(require(Generator.ENGINE).of(source));
    }

    /** Seeds the engine with this {@link Generator#ENGINE} stream at {@code index}. */
    public void seedEngine(long source, long index) {
        applyEngineSeed(require(Generator.ENGINE).of(source, index));
    }

    /**
     * Seeds the engine's global generator with a value of an {@link Generator#ENGINE} stream (its low 32 bits), for
     * code that is handed the value, such as a sampler; the only call of {@code Engine.setRandomSeed}.
     */
    public static void applyEngineSeed(long streamSeed) {
        Engine.getInstance().setRandomSeed((int) streamSeed);
    }

    private Seeds require(Generator expected) {
        if (generator != expected) {
            throw new IllegalStateException(this + " is drawn by " + generator + ", not " + expected);
        }
        return this;
    }

    /** SplitMix64's finaliser over {@code seed} and {@code salt}, low 32 bits, sign-extended: nearby inputs differ. */
    static long mix(long seed, long salt) {
        long z = seed * 0x9E3779B97F4A7C15L + salt * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (int) (z ^ (z >>> 31));
    }
}
