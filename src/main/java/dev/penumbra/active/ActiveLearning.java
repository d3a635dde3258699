package dev.penumbra.active;

import ai.djl.Device;
import dev.penumbra.InputException;
import dev.penumbra.config.Seeds;
import dev.penumbra.data.Dataset;
import dev.penumbra.data.Sample;
import dev.penumbra.data.Split;
import dev.penumbra.metric.Annotators;
import dev.penumbra.io.ImageFiles;
import dev.penumbra.io.Json;
import dev.penumbra.io.Progress;
import dev.penumbra.model.ModelRegistry;
import dev.penumbra.model.ProbabilisticSegmenter;
import dev.penumbra.model.Sampler;
import dev.penumbra.train.RunSpec;
import dev.penumbra.train.TrainRun;
import dev.penumbra.train.TrainSettings;
import dev.penumbra.train.TrainedModel;
import dev.penumbra.train.TrainingLoop;

import dev.penumbra.io.FileTrees;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs an active-learning experiment: for every seed, the same random initial set for every strategy; each round
 * trains the model from scratch on the labelled images for a fixed number of steps (through {@link TrainRun}, as
 * {@code penumbra train} does, into the round's {@code run/} folder with its provenance), measures it on the test
 * split, scores the unlabelled pool and labels the images the strategy picks. Only unlabelled images can be picked,
 * each once. Every finished round leaves a manifest; a rerun with {@code resume} skips finished rounds.
 */
public final class ActiveLearning {

    private final ActiveSettings settings;
    private final RunSpec base;
    private final Dataset dataset;
    private final Device device;
    private final Progress.Factory progress;
    private final PrintWriter log;

    /**
     * @param base the run every round trains: model, backbone, batch size, learning rate (its seed, epochs,
     *             steps and patience are replaced per round)
     */
    public ActiveLearning(ActiveSettings settings, RunSpec base, Dataset dataset, Device device,
                          Progress.Factory progress, PrintWriter log) {
        this.settings = settings;
        this.base = base;
        this.dataset = dataset;
        this.device = device;
        this.progress = progress;
        this.log = log;
        check();
    }

    private void check() {
        int pool = dataset.split(Split.TRAIN).size();
        if (settings.finalLabelled() > pool) {
            throw new InputException("--initial " + settings.initial() + " + --rounds " + settings.rounds()
                    + " x --add " + settings.add() + " = " + settings.finalLabelled() + " images, but the training"
                    + " pool has only " + pool);
        }
        if (dataset.split(Split.TEST).isEmpty()) {
            throw new InputException("the data has no test images to measure the rounds on");
        }
        ProbabilisticSegmenter model = ModelRegistry.create(base.model(), base.settings());
        for (String name : settings.strategies()) {
            if (Acquisitions.get(name).needsSampleVariety() && model.distinctSamples() == 1) {
                throw new InputException("--strategies " + name + " is undefined for --model " + base.model()
                        + ": its mutual information is 0 for every image because the model has one sample;"
                        + " use a model that samples (ensemble, mcdropout, punet, tta) or another strategy");
            }
        }
    }

    /** The random initial labelled set of a seed (the same for every strategy). */
    public List<String> initialSet(long seed) {
        List<String> ids = new ArrayList<>(dataset.split(Split.TRAIN).stream().map(Sample::id).sorted().toList());
        Collections.shuffle(ids, Seeds.ACTIVE_INITIAL_SET.random(seed));
        return List.copyOf(ids.subList(0, settings.initial()));
    }

    /** Runs (or, after an interruption, completes) the experiment; returns every round's manifest. */
    public List<RoundManifest> run(Path out) {
        List<RoundManifest> all = new ArrayList<>();
        for (int i = 0; i < settings.seeds(); i++) {
            long seed = settings.seed(i);
            for (String strategy : settings.strategies()) {
                all.addAll(runStrategy(out, strategy, seed));
            }
        }
        return all;
    }

    /** Folder of one strategy and seed. */
    public static Path folder(Path out, String strategy, long seed) {
        return out.resolve(strategy).resolve("seed_" + seed);
    }

    /** Whether one strategy and seed has finished all its rounds. */
    public static boolean finished(Path out, ActiveSettings settings, String strategy, long seed) {
        return Files.isRegularFile(manifestFile(folder(out, strategy, seed), settings.rounds()));
    }

    /** The manifests one strategy and seed has finished, in round order. */
    public static List<RoundManifest> finishedRounds(Path out, ActiveSettings settings, String strategy, long seed) {
        List<RoundManifest> rounds = new ArrayList<>();
        for (int round = 0; round <= settings.rounds(); round++) {
            Path file = manifestFile(folder(out, strategy, seed), round);
            if (!Files.isRegularFile(file)) {
                break;
            }
            rounds.add(readManifest(file));
        }
        return rounds;
    }

    private static RoundManifest readManifest(Path file) {
        return Json.readFile(file, RoundManifest.class, "the manifest of an active-learning round", "penumbra active");
    }

    static Path manifestFile(Path dir, int round) {
        return dir.resolve(String.format(Locale.ROOT, "round_%02d.json", round));
    }

    static Path roundDir(Path dir, int round) {
        return dir.resolve(String.format(Locale.ROOT, "round_%02d", round));
    }

    /**
     * Runs (or completes) one strategy and seed: an independent unit that writes only into
     * {@link #folder(Path, String, long)}.
     */
    public List<RoundManifest> runStrategy(Path out, String strategy, long seed) {
        Acquisition acquisition = Acquisitions.get(strategy);
        Path dir = folder(out, strategy, seed);
        Map<String, Sample> byId = new LinkedHashMap<>();
        dataset.split(Split.TRAIN).forEach(s -> byId.put(s.id(), s));
        List<String> labelled = new ArrayList<>(initialSet(seed));
        List<RoundManifest> manifests = new ArrayList<>();
        for (int round = 0; round <= settings.rounds(); round++) {
            Path file = manifestFile(dir, round);
            RoundManifest m;
            if (Files.isRegularFile(file)) {
                m = readManifest(file);
                if (!m.labelled().equals(labelled)) {
                    throw new InputException("--resume: " + file + " was trained on other images than this"
                            + " experiment labels at round " + round + "; was the folder written with other"
                            + " settings or data?");
                }
                log.printf("[%s seed %d] round %d/%d already done (%d labelled)%n", strategy, seed, round,
                        settings.rounds(), labelled.size());
            } else {
                m = runRound(dir, acquisition, seed, round, labelled, byId);
                Json.write(file, m);
                FileTrees.deleteTree(roundDir(dir, round).resolve("run").resolve("checkpoints"));
            }
            log.flush();
            manifests.add(m);
            labelled.addAll(m.selected());
        }
        return manifests;
    }

    private RoundManifest runRound(Path dir, Acquisition acquisition, long seed, int round, List<String> labelled,
                                   Map<String, Sample> byId) {
        long started = System.nanoTime();
        long trainingSeed = ActiveSettings.trainingSeed(seed, round);
        log.printf("[%s seed %d] round %d/%d: training %s from scratch on %d images for %d steps%n",
                acquisition.name(), seed, round, settings.rounds(), base.model(), labelled.size(), settings.steps());
        log.flush();
        Path runDir = roundDir(dir, round).resolve("run");
        FileTrees.deleteTree(roundDir(dir, round));
        TrainSettings t = base.training();
        RunSpec spec = new RunSpec(base.model(), base.settings(), new TrainSettings(t.batchSize(), t.learningRate(),
                Integer.MAX_VALUE, settings.steps(), 0, trainingSeed, t.augmentation(), 0, t.gedEstimator(),
                t.precision()), base.data(),
                base.dataOptions(), base.preset(), base.channels(), base.height(), base.width());
        List<Sample> train = labelled.stream().map(byId::get).toList();
        String task = String.format(Locale.ROOT, "%s seed %d round %d/%d", acquisition.name(), seed, round,
                settings.rounds());
        Progress.Factory roundProgress = (name, total) -> progress.start(task + " " + name, total);
        // a round trains for a fixed number of steps on a few images without validation: many tiny epochs, so it
        // persists only at the end (a round is rerun whole after an interruption)
        new TrainRun(spec, runDir, device)
                .optLoop(loop -> loop.optProgress(roundProgress).optPersistEvery(Integer.MAX_VALUE))
                .fit(train, List.of(), false);
        try (TrainedModel trained = TrainedModel.load(runDir, device, TrainingLoop.LAST)) {
            // the test metrics and the pool's scores are sampled in the precision the round trained in
            Sampler sampler = trained.sampler(t.batchSize(), Seeds.ACTIVE_SAMPLING.of(trainingSeed), t.precision());
            TestMetrics.Values test = TestMetrics.compute(sampler, dataset.split(Split.TEST), Sampler.DEFAULT_SAMPLES,
                    trainingSeed, settings.estimator());
            List<RoundManifest.PoolEntry> entries = List.of();
            List<String> selected = List.of();
            double poolDisagreement = Double.NaN;
            if (round < settings.rounds()) {
                Set<String> taken = new HashSet<>(labelled);
                List<Sample> unlabelled = byId.values().stream().filter(s -> !taken.contains(s.id())).toList();
                PoolScorer.Scored scored = PoolScorer.score(sampler, unlabelled, Sampler.DEFAULT_SAMPLES);
                List<float[]> labelledEmbeddings = train.stream().map(s -> PoolScorer.embedding(s.image())).toList();
                selected = acquisition.select(scored.images(), labelledEmbeddings, settings.add(),
                        Seeds.ACTIVE_SELECTION.random(trainingSeed));
                checkSelection(selected, taken, scored.images());
                entries = scored.images().stream().map(RoundManifest.PoolEntry::of).toList();
                writeSamples(roundDir(dir, round).resolve("selected"), selected, scored, byId);
                poolDisagreement = unlabelled.stream().mapToDouble(ActiveLearning::annotatorEntropy).average()
                        .orElse(Double.NaN);
            }
            List<Sample> picked = selected.stream().map(byId::get).toList();
            RoundMetrics metrics = new RoundMetrics(labelled.size(), test.testLoss(), test.ged(), test.softDice(),
                    test.meanEntropy(), picked.stream().mapToDouble(ActiveLearning::annotatorEntropy).average()
                    .orElse(Double.NaN), picked.stream().mapToDouble(ActiveLearning::annotatedShare).average()
                    .orElse(Double.NaN), poolDisagreement);
            log.printf(Locale.ROOT, "[%s seed %d] round %d: test loss %.4f, GED %.4f, soft Dice %.4f%s%n",
                    acquisition.name(), seed, round, test.testLoss(), test.ged(), test.softDice(), selected.isEmpty()
                            ? "" : String.format(Locale.ROOT, "; picked %d, annotator entropy %.3f bits (pool"
                            + " %.3f)", selected.size(), metrics.selectedDisagreement(), poolDisagreement));
            return new RoundManifest(acquisition.name(), seed, round, trainingSeed, List.copyOf(labelled), entries,
                    selected, metrics, (System.nanoTime() - started) / 1e9);
        }
    }

    /** Guards the loop's promise: k distinct unlabelled images of the pool. */
    private void checkSelection(List<String> selected, Set<String> labelled, List<PoolImage> pool) {
        Set<String> poolIds = new HashSet<>();
        pool.forEach(p -> poolIds.add(p.id()));
        if (selected.size() != settings.add() || new HashSet<>(selected).size() != selected.size()
                || selected.stream().anyMatch(labelled::contains) || !poolIds.containsAll(selected)) {
            throw new IllegalStateException("acquisition returned an invalid selection: " + selected);
        }
    }

    /** Mean over pixels of the entropy of the mean annotation, bits. */
    static double annotatorEntropy(Sample s) {
        return Annotators.meanEntropyBits(s.masks());
    }

    /** Mean share of pixels the annotators mark. */
    static double annotatedShare(Sample s) {
        return s.masks().stream().mapToDouble(m -> m.foreground() / (double) m.pixels().length).average()
                .orElse(0);
    }

    private static void writeSamples(Path dir, List<String> selected, PoolScorer.Scored scored,
                                     Map<String, Sample> byId) {
        for (String id : selected) {
            List<byte[]> masks = scored.samples().get(id);
            Sample s = byId.get(id);
            for (int k = 0; k < masks.size(); k++) {
                ImageFiles.writeMask(dir.resolve(id).resolve(String.format(Locale.ROOT, "sample_%02d.png", k)),
                        new dev.penumbra.data.Mask(s.image().height(), s.image().width(), masks.get(k)));
            }
        }
    }

}
