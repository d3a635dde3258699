package dev.penumbra.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.penumbra.config.Seeds;
import dev.penumbra.data.Image;
import dev.penumbra.data.Sample;
import dev.penumbra.data.augment.Augmenter;
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
 * image, validation loss after each epoch, and exact resumption. Models differ only in
 * {@link ProbabilisticSegmenter#loss}. The work that spans the loop lives in {@link TrainingListener}s (DJL's
 * {@code EasyTrain} idea): {@link TrainingListener#standard} gives every run its divergence check, validation GED,
 * early stopping, best and last checkpoints and metrics log; {@link #addListener} adds more.
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

    /** A loop with the {@linkplain TrainingListener#standard standard listeners} of {@code settings}. */
    public TrainingLoop(ProbabilisticSegmenter model, TrainSettings settings, Device device) {
        this.model = model;
        this.settings = settings;
        this.device = device;
        listeners.addAll(TrainingListener.standard(settings));
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
            TrainingState state = resume ? Checkpointing.restore(runDir, model, adam, root) : TrainingState.start();
            TrainingContext context = new TrainingContext(model, settings, runDir, root, adam, val, state);
            listeners.forEach(l -> l.onTrainingBegin(context));
            Augmenter augmenter = new Augmenter(settings.augmentation());
            try (Progress bar = progress.start("train " + model.name(), totalSteps(train.size()))) {
                for (int i = 0; i < state.step(); i++) {
                    bar.step("resumed");
                }
                while (!context.state().finished()) {
                    runEpoch(context, train, augmenter, bar, started);
                }
            } catch (TrainingDivergedException e) {
                throw new TrainingDivergedException(e, context.persistedEpoch() > 0
                        ? "The checkpoint of epoch " + context.persistedEpoch() + ", the last written before the"
                                + " divergence, is kept in " + runDir.resolve("checkpoints") + "."
                        : "No epoch had finished, so no checkpoint was written.");
            }
            TrainingState end = context.state();
            return new TrainingOutcome(end.records(), end.bestEpoch(), end.bestLoss(), end.step(),
                    context.stopRequested(), (System.nanoTime() - started) / 1e9);
        }
    }

    /** Gradient updates the run will make in all, for the progress bar. */
    private long totalSteps(int trainImages) {
        int stepsPerEpoch = (trainImages + settings.batchSize() - 1) / settings.batchSize();
        return settings.maxSteps() > 0
                ? Math.min(settings.maxSteps(), (long) stepsPerEpoch * settings.maxEpochs())
                : (long) stepsPerEpoch * settings.maxEpochs();
    }

    /** One epoch: the updates, the validation loss, the record, the decision to stop, and persisting. */
    private void runEpoch(TrainingContext context, List<Sample> train, Augmenter augmenter, Progress bar,
                          long started) {
        int epoch = context.state().epoch() + 1;
        context.startEpoch(epoch);
        Loss.Values trainLoss = trainEpoch(epoch, train, context, augmenter, bar);
        context.validated(validate(context.validation(), context.parameters(), context.manager()));
        listeners.forEach(l -> l.onValidation(context));
        EpochRecord record = advance(context, trainLoss, started);
        listeners.forEach(l -> l.onEpoch(context, record));
        endEpoch(context);
    }

    private void initialise(NDManager root, Image shape) {
        Seeds.WEIGHTS.seedEngine(settings.seed());
        model.block().initialize(root, DataType.FLOAT32, new Shape(1, shape.channels(), shape.height(),
                shape.width()));
    }

    /** @return the mean training loss of the epoch, total and terms */
    private Loss.Values trainEpoch(int epoch, List<Sample> train, TrainingContext context, Augmenter augmenter,
                                   Progress bar) {
        Random rng = Seeds.TRAINING_BATCHES.random(settings.seed(), epoch);
        Seeds.TRAINING_DROPOUT.seedEngine(settings.seed(), epoch);
        List<Sample> order = new ArrayList<>(train);
        Collections.shuffle(order, rng);
        LossMeans sum = new LossMeans();
        for (int from = 0; from < order.size(); from += settings.batchSize()) {
            if (settings.maxSteps() > 0 && context.step() >= settings.maxSteps()) {
                break;
            }
            List<Sample> batchSamples = new ArrayList<>();
            int[] drawn = new int[Math.min(settings.batchSize(), order.size() - from)];
            for (int b = 0; b < drawn.length; b++) {
                Sample s = augmenter.apply(order.get(from + b), rng);
                drawn[b] = rng.nextInt(s.annotators());
                batchSamples.add(s);
            }
            Loss.Values loss = step(batchSamples, drawn, context);
            context.stepped();
            for (TrainingListener l : listeners) {
                l.onStep(context, loss.total());
            }
            sum.add(loss, 1);
            bar.step(String.format("epoch %d loss %.4f", epoch, loss.total()));
        }
        return sum.mean();
    }

    private Loss.Values step(List<Sample> samples, int[] drawn, TrainingContext context) {
        try (NDManager sub = context.manager().newSubManager()) {
            return gradientStep(model, new Batch(sub, samples, drawn), context.parameters(), context.optimiser(),
                    context.manager());
        }
    }

    /**
     * One gradient update: forward, loss, backward and Adam. A non-finite or exploded loss is returned without
     * touching the weights, so the divergence check can stop the run with the last good weights.
     *
     * <p>The forward pass runs in a manager of its own that is closed before the backward pass, leaving only the loss
     * scalar. DJL attaches an op's result to the manager of the array it was called on, so with the batch's images
     * attached there for the forward every intermediate of every model lands in it. Closing a Java handle does not
     * free what autograd saved for the backward pass (it holds its own reference and frees it as the backward pass
     * goes); it frees what autograd does not need, and lets the saved tensors go as soon as their gradient is taken,
     * as in PyTorch. Keeping the handles until the step ended held the whole forward pass through the backward
     * pass: 0.6 GB more peak memory for the paper's U-Net at batch 32 (README, "Performance").
     *
     * @param stateManager owns the optimiser state (the run's root manager)
     * @return the batch loss before the update, with its terms
     */
    public static Loss.Values gradientStep(ProbabilisticSegmenter model, Batch batch, ParameterStore ps, Adam adam,
                                           NDManager stateManager) {
        Loss.Values value;
        boolean usable;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray total;
            try (NDManager forward = batch.manager().newSubManager()) {
                batch.images().tempAttach(forward);
                Loss loss = model.loss(ps, batch, true);
                value = loss.values();
                total = loss.total();
                total.attach(batch.manager());
            }
            usable = Double.isFinite(value.total()) && value.total() <= DivergenceCheck.EXPLODED;
            if (usable) {
                collector.backward(total);
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

    /** The epoch's record; the context's state then counts the epoch, not yet marked finished. */
    private EpochRecord advance(TrainingContext context, Loss.Values train, long started) {
        TrainingState s = context.state();
        Loss.Values val = context.validationLoss();
        double valLoss = val.total();
        int epoch = context.epoch();
        boolean best = valLoss < s.bestLoss() || s.bestEpoch() == 0;
        EpochRecord record = new EpochRecord(epoch, context.step(), train.total(), valLoss,
                context.validationGed(), context.validationDiversity(), train.terms(), val.terms(), best,
                (System.nanoTime() - started) / 1e9);
        List<EpochRecord> records = new ArrayList<>(s.records());
        records.add(record);
        context.advance(new TrainingState(epoch, context.step(), best ? epoch : s.bestEpoch(),
                best ? valLoss : s.bestLoss(), best ? 0 : s.epochsSinceBest() + 1, records, false));
        return record;
    }

    /** Marks the run finished when its epochs or steps are spent or a listener asked to stop, and persists. */
    private void endEpoch(TrainingContext context) {
        TrainingState s = context.state();
        boolean finished = s.epoch() >= settings.maxEpochs()
                || (settings.maxSteps() > 0 && s.step() >= settings.maxSteps())
                || context.stopRequested();
        if (finished) {
            context.advance(s.asFinished());
        }
        if (finished || s.epoch() % persistEvery == 0) {
            List<EpochRecord> fresh = s.records().stream().filter(r -> r.epoch() > context.persistedEpoch())
                    .toList();
            for (TrainingListener l : listeners) {
                l.onPersist(context, fresh);
            }
            context.persisted();
        }
    }

    /** Whether a run folder holds a resumable state. */
    public static boolean canResume(Path runDir) {
        return Files.isRegularFile(runDir.resolve(STATE)) && Files.isRegularFile(runDir.resolve(LAST));
    }
}
