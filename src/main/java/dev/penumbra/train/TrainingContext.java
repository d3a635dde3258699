package dev.penumbra.train;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.penumbra.data.Sample;
import dev.penumbra.model.Loss;
import dev.penumbra.model.ProbabilisticSegmenter;
import dev.penumbra.nn.PrecisionStore;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a {@link TrainingListener} sees of a running {@link TrainingLoop}, as DJL's listeners see the
 * {@code Trainer}: the model and where its tensors live, the run's settings and folder, where the run stands, the
 * epoch's validation measurements, and a way to ask the loop to stop. The loop updates it as it goes; listeners
 * read it, add validation scores, and request a stop.
 */
public final class TrainingContext {

    private final ProbabilisticSegmenter model;
    private final TrainSettings settings;
    private final Path runDir;
    private final NDManager manager;
    private final ParameterStore parameters;
    private final Adam optimiser;
    private final List<Sample> validation;
    private TrainingState state;
    private int epoch;
    private long step;
    private Loss.Values validationLoss = new Loss.Values(Double.NaN, Map.of());
    private double validationGed = Double.NaN;
    private double validationDiversity = Double.NaN;
    private boolean stopRequested;
    private int persistedEpoch;

    TrainingContext(ProbabilisticSegmenter model, TrainSettings settings, Path runDir, NDManager manager,
                    Adam optimiser, List<Sample> validation, TrainingState state) {
        this.model = model;
        this.settings = settings;
        this.runDir = runDir;
        this.manager = manager;
        this.parameters = PrecisionStore.of(manager, settings.precision(), false);
        this.optimiser = optimiser;
        this.validation = validation;
        this.state = state;
        this.epoch = state.epoch();
        this.step = state.step();
        this.persistedEpoch = state.epoch();
    }

    public ProbabilisticSegmenter model() {
        return model;
    }

    public TrainSettings settings() {
        return settings;
    }

    /** The run folder: checkpoints, state and metrics log go here. */
    public Path runDir() {
        return runDir;
    }

    /** The run's root manager: it owns the parameters and the optimiser state. */
    public NDManager manager() {
        return manager;
    }

    public ParameterStore parameters() {
        return parameters;
    }

    public Adam optimiser() {
        return optimiser;
    }

    /** The validation images (empty for a run without validation). */
    public List<Sample> validation() {
        return validation;
    }

    /** Where the run stood after its last finished epoch (the resumed state, before the first epoch). */
    public TrainingState state() {
        return state;
    }

    /** The epoch in progress (1-based), or the one just finished once it is validated. */
    public int epoch() {
        return epoch;
    }

    /** Gradient updates so far. */
    public long step() {
        return step;
    }

    /** Mean validation loss and terms of the epoch just finished (NaN without validation data or before it). */
    public Loss.Values validationLoss() {
        return validationLoss;
    }

    /** Validation GED@16 of the epoch just finished, NaN where none was measured. */
    public double validationGed() {
        return validationGed;
    }

    /** Sample diversity of the same samples as {@link #validationGed()}, NaN where none was measured. */
    public double validationDiversity() {
        return validationDiversity;
    }

    /** Records the epoch's validation GED and the diversity of its samples, for the epoch's record. */
    public void recordValidationGed(double ged, double diversity) {
        this.validationGed = ged;
        this.validationDiversity = diversity;
    }

    /** Asks the loop to end the run after the current epoch, as finished (it is persisted, not interrupted). */
    public void requestStop() {
        stopRequested = true;
    }

    public boolean stopRequested() {
        return stopRequested;
    }

    /** The last epoch whose state was persisted (0 when none was). */
    public int persistedEpoch() {
        return persistedEpoch;
    }

    void startEpoch(int number) {
        epoch = number;
        validationLoss = new Loss.Values(Double.NaN, Map.of());
        validationGed = Double.NaN;
        validationDiversity = Double.NaN;
    }

    void stepped() {
        step++;
    }

    void validated(Loss.Values loss) {
        validationLoss = loss;
    }

    void advance(TrainingState next) {
        state = next;
    }

    void persisted() {
        persistedEpoch = state.epoch();
    }
}
