package dev.penumbra.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.penumbra.config.Seeds;
import dev.penumbra.data.Image;
import dev.penumbra.data.Sample;
import dev.penumbra.data.augment.Augmenter;
import dev.penumbra.io.Json;
import dev.penumbra.io.Progress;
import dev.penumbra.model.Batch;
import dev.penumbra.model.Loss;
import dev.penumbra.model.ProbabilisticSegmenter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The one training loop for every model: Adam, shuffled mini-batches with augmentation and a random annotator per
 * image, validation loss after each epoch, early stopping, best and last checkpoints, a metrics log, and exact
 * resumption. Models differ only in {@link ProbabilisticSegmenter#loss}.
 *
 * <p>Every epoch draws its batch order, augmentation, annotators and dropout from a seed derived from the run seed
 * and the epoch number, so a run resumed after epoch e continues with exactly the numbers of an uninterrupted run.
 */
public final class TrainingLoop {

    /** Checkpoint files inside a run folder. */
    public static final String BEST = "checkpoints/best.params";
    public static final String LAST = "checkpoints/last.params";
    public static final String STATE = "checkpoints/state.json";

    private final ProbabilisticSegmenter model;
    private final TrainSettings settings;
    private final Device device;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private Progress.Factory progress = Progress.Factory.QUIET;
    private int persistEvery = 1;
    private int persistedRecords;
    private int persistedEpoch;

    public TrainingLoop(ProbabilisticSegmenter model, TrainSettings settings, Device device) {
        this.model = model;
        this.settings = settings;
        this.device = device;
        listeners.add(new DivergenceCheck());
    }

    public TrainingLoop optProgress(Progress.Factory factory) {
        this.progress = factory;
        return this;
    }

    /**
     * Writes the last checkpoint, the state and the metrics only every {@code epochs} epochs and at the end (default:
     * every epoch). For runs of many tiny epochs, such as active-learning rounds on a few labelled images, where
     * writing a checkpoint per epoch would cost more than the training; such a run resumes from the last written
     * epoch. The best checkpoint is still written whenever the validation loss improves.
     */
    public TrainingLoop optPersistEvery(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("persist interval must be at least 1 epoch, got " + epochs);
        }
        this.persistEvery = epochs;
        return this;
    }

    public TrainingLoop addListener(TrainingListener listener) {
        listeners.add(listener);
        return this;
    }

    /**
     * Trains on {@code train}, validating on {@code val} after every epoch, writing checkpoints into {@code runDir}.
     *
     * @param resume continue from {@code runDir}'s last checkpoint instead of starting afresh
     */
    public TrainingOutcome fit(List<Sample> train, List<Sample> val, Path runDir, boolean resume) {
        long started = System.nanoTime();
        Image shape = train.get(0).image();
        try (NDManager root = NDManager.newBaseManager(device)) {
            initialise(root, shape);
            Adam adam = new Adam(settings.learningRate());
            TrainingState state = TrainingState.start();
            if (resume) {
                state = Json.readFile(runDir.resolve(STATE), TrainingState.class, "the state of a training run",
                        "penumbra train");
                Checkpoint.load(runDir.resolve(LAST), model.block(), adam, root);
                // loaded arrays replace the initialised ones and do not carry the gradient flag
                for (var p : model.block().getParameters()) {
                    if (p.getValue().requiresGradient()) {
                        p.getValue().getArray().setRequiresGradient(true);
                    }
                }
            }
            persistedRecords = state.records().size();
            persistedEpoch = state.epoch();
            List<TrainingListener> active = new ArrayList<>(listeners);
            active.add(new MetricsLog(runDir, state.records()));
            ParameterStore ps = new ParameterStore(root, false);
            Augmenter augmenter = new Augmenter(settings.augmentation());
            int stepsPerEpoch = (train.size() + settings.batchSize() - 1) / settings.batchSize();
            long totalSteps = settings.maxSteps() > 0
                    ? Math.min(settings.maxSteps(), (long) stepsPerEpoch * settings.maxEpochs())
                    : (long) stepsPerEpoch * settings.maxEpochs();
            try (Progress bar = progress.start(model.name(), totalSteps)) {
                for (int i = 0; i < state.step(); i++) {
                    bar.step("resumed");
                }
                while (!state.finished()) {
                    int epoch = state.epoch() + 1;
                    EpochSteps done = trainEpoch(epoch, train, ps, root, adam, augmenter, state.step(), bar, active);
                    Loss.Values valLoss = validate(val, ps, root);
                    ValidationGed.Scores valGed = settings.gedEvery() > 0 && epoch % settings.gedEvery() == 0
                            ? new ValidationGed(model, settings.seed(), settings.gedEstimator()).mean(val, ps, root, settings.batchSize())
                            : new ValidationGed.Scores(Double.NaN, Double.NaN);
                    state = advance(state, epoch, done, valLoss, valGed, started, runDir, adam, active);
                }
            } catch (TrainingDivergedException e) {
                throw new TrainingDivergedException(e, persistedEpoch > 0
                        ? "The checkpoint of epoch " + persistedEpoch + ", the last written before the divergence, is"
                                + " kept in " + runDir.resolve("checkpoints") + "."
                        : "No epoch had finished, so no checkpoint was written.");
            }
            return new TrainingOutcome(state.records(), state.bestEpoch(), state.bestLoss(), state.step(),
                    settings.patience() > 0 && state.epochsSinceBest() >= settings.patience(),
                    (System.nanoTime() - started) / 1e9);
        }
    }

    private void initialise(NDManager root, Image shape) {
        Seeds.WEIGHTS.seedEngine(settings.seed());
        model.block().initialize(root, DataType.FLOAT32, new Shape(1, shape.channels(), shape.height(),
                shape.width()));
    }

    /** The mean training loss of an epoch (total and terms) and the gradient updates counted after it. */
    private record EpochSteps(Loss.Values mean, long step) {
    }

    private EpochSteps trainEpoch(int epoch, List<Sample> train, ParameterStore ps, NDManager root, Adam adam,
                                  Augmenter augmenter, long stepBefore, Progress bar,
                                  List<TrainingListener> active) {
        Random rng = Seeds.TRAINING_BATCHES.random(settings.seed(), epoch);
        Seeds.TRAINING_DROPOUT.seedEngine(settings.seed(), epoch);
        List<Sample> order = new ArrayList<>(train);
        Collections.shuffle(order, rng);
        LossMeans sum = new LossMeans();
        long step = stepBefore;
        for (int from = 0; from < order.size(); from += settings.batchSize()) {
            if (settings.maxSteps() > 0 && step >= settings.maxSteps()) {
                break;
            }
            List<Sample> batchSamples = new ArrayList<>();
            int[] drawn = new int[Math.min(settings.batchSize(), order.size() - from)];
            for (int b = 0; b < drawn.length; b++) {
                Sample s = augmenter.apply(order.get(from + b), rng);
                drawn[b] = rng.nextInt(s.annotators());
                batchSamples.add(s);
            }
            Loss.Values loss = step(batchSamples, drawn, ps, root, adam);
            step++;
            for (TrainingListener l : active) {
                l.onStep(step, loss.total());
            }
            sum.add(loss, 1);
            bar.step(String.format("epoch %d loss %.4f", epoch, loss.total()));
        }
        return new EpochSteps(sum.mean(), step);
    }

    private Loss.Values step(List<Sample> samples, int[] drawn, ParameterStore ps, NDManager root, Adam adam) {
        try (NDManager sub = root.newSubManager()) {
            return gradientStep(model, new Batch(sub, samples, drawn), ps, adam, root);
        }
    }

    /**
     * One gradient update: forward, loss, backward and Adam. A non-finite or exploded loss is returned without
     * touching the weights, so the divergence check can stop the run with the last good weights.
     *
     * @param stateManager owns the optimiser state (the run's root manager)
     * @return the batch loss before the update, with its terms
     */
    public static Loss.Values gradientStep(ProbabilisticSegmenter model, Batch batch, ParameterStore ps, Adam adam,
                                           NDManager stateManager) {
        Loss.Values value;
        boolean usable;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            Loss loss = model.loss(ps, batch, true);
            value = loss.values();
            usable = Double.isFinite(value.total()) && value.total() <= DivergenceCheck.EXPLODED;
            if (usable) {
                collector.backward(loss.total());
            }
        }
        if (usable) {
            adam.step(model.block().getParameters(), stateManager);
        }
        return value;
    }

    /** Mean validation loss and terms; each image keeps one seeded annotator for the whole run so epochs compare. */
    private Loss.Values validate(List<Sample> val, ParameterStore ps, NDManager root) {
        LossMeans sum = new LossMeans();
        if (val.isEmpty()) {
            return sum.mean();
        }
        Random rng = Seeds.VALIDATION_ANNOTATORS.random(settings.seed());
        Seeds.VALIDATION_SAMPLING.seedEngine(settings.seed());
        for (int from = 0; from < val.size(); from += settings.batchSize()) {
            List<Sample> part = val.subList(from, Math.min(val.size(), from + settings.batchSize()));
            int[] drawn = new int[part.size()];
            for (int b = 0; b < drawn.length; b++) {
                drawn[b] = rng.nextInt(part.get(b).annotators());
            }
            try (NDManager sub = root.newSubManager()) {
                sum.add(model.loss(ps, new Batch(sub, part, drawn), false).values(), part.size());
            }
        }
        return sum.mean();
    }

    private TrainingState advance(TrainingState s, int epoch, EpochSteps done, Loss.Values val,
                                  ValidationGed.Scores valGed, long started, Path runDir, Adam adam,
                                  List<TrainingListener> active) {
        double valLoss = val.total();
        long step = done.step();
        boolean best = valLoss < s.bestLoss() || s.bestEpoch() == 0;
        EpochRecord record = new EpochRecord(epoch, step, done.mean().total(), valLoss, valGed.ged(),
                valGed.diversity(), done.mean().terms(), val.terms(), best, (System.nanoTime() - started) / 1e9);
        List<EpochRecord> records = new ArrayList<>(s.records());
        records.add(record);
        int since = best ? 0 : s.epochsSinceBest() + 1;
        boolean finished = epoch >= settings.maxEpochs()
                || (settings.maxSteps() > 0 && step >= settings.maxSteps())
                || (settings.patience() > 0 && since >= settings.patience());
        TrainingState next = new TrainingState(epoch, step, best ? epoch : s.bestEpoch(),
                best ? valLoss : s.bestLoss(), since, records, finished);
        if (best) {
            Checkpoint.save(runDir.resolve(BEST), model.block(), null);
        }
        if (finished || epoch % persistEvery == 0) {
            Checkpoint.save(runDir.resolve(LAST), model.block(), adam);
            Json.write(runDir.resolve(STATE), next);
            List<EpochRecord> fresh = records.subList(persistedRecords, records.size());
            for (TrainingListener l : active) {
                l.onEpochs(fresh);
            }
            persistedRecords = records.size();
            persistedEpoch = epoch;
        }
        return next;
    }

    /** Whether a run folder holds a resumable state. */
    public static boolean canResume(Path runDir) {
        return Files.isRegularFile(runDir.resolve(STATE)) && Files.isRegularFile(runDir.resolve(LAST));
    }
}
