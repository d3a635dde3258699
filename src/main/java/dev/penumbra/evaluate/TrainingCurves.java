package dev.penumbra.evaluate;

import dev.penumbra.figure.Charts;
import dev.penumbra.figure.Figure;
import dev.penumbra.figure.FigureFiles;
import dev.penumbra.model.Loss;
import dev.penumbra.train.EpochRecord;
import dev.penumbra.train.TrainingOutcome;
import org.jfree.chart.JFreeChart;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The training-curves figure of one run, from its metrics: a panel with the training and validation loss per
 * epoch, one panel per named loss term (the Prob. U-Net's reconstruction and KL), and one with the validation GED@16
 * and sample diversity in the epochs where they were measured. A dashed line marks the best epoch, whose checkpoint
 * is the one evaluated.
 */
final class TrainingCurves {

    private static final int PANEL_W = 380;
    private static final int H = 340;

    private TrainingCurves() {
    }

    /** @return the figure, or null when the run left no epochs to draw */
    static Figure write(Path dir, String dataset, String label, TrainingOutcome outcome) {
        List<EpochRecord> epochs = outcome == null ? List.of() : outcome.epochs();
        if (epochs.isEmpty()) {
            return null;
        }
        List<JFreeChart> panels = new ArrayList<>();
        panels.add(panel("loss", "loss", epochs, EpochRecord::trainLoss, EpochRecord::validationLoss,
                outcome.bestEpoch()));
        Set<String> terms = new LinkedHashSet<>();
        epochs.forEach(e -> terms.addAll(e.trainTerms().keySet()));
        for (String term : terms) {
            panels.add(panel(termTitle(term), termAxis(term), epochs, e -> e.trainTerm(term),
                    e -> e.validationTerm(term), outcome.bestEpoch()));
        }
        LinkedHashMap<String, double[][]> validation = new LinkedHashMap<>();
        putMeasured(validation, "validation GED@16", epochs, EpochRecord::validationGed);
        putMeasured(validation, "validation diversity@16", epochs, EpochRecord::validationDiversity);
        boolean sampled = !validation.isEmpty();
        if (sampled) {
            panels.add(Charts.markX(Charts.lines("validation samples", "epoch", "GED / diversity (1 - IoU)",
                    validation, false, null, null), outcome.bestEpoch(), "best"));
        }
        String caption = "Training curves of " + label + " (" + dataset + "), per epoch: mean training loss (z from"
                + " the posterior for the Prob. U-Net) and validation loss"
                + (terms.isEmpty() ? "" : ", and the terms of the loss apart (the KL term before its weight beta)")
                + (sampled ? "; validation GED@16 (paper estimator) and sample diversity of the same samples, in the"
                + " epochs where they were measured" : "; validation GED and diversity were not measured (train"
                + " with --ged-every N to log them)")
                + ". The dashed line marks the best epoch (lowest validation loss), whose checkpoint is evaluated.";
        String name = "training_" + label.replaceAll("[^A-Za-z0-9_.-]", "_");
        return FigureFiles.write(dir, name, PANEL_W * panels.size(), H, caption, panels);
    }

    private static JFreeChart panel(String title, String axis, List<EpochRecord> epochs,
                                    ToDoubleFunction<EpochRecord> train, ToDoubleFunction<EpochRecord> val,
                                    int best) {
        LinkedHashMap<String, double[][]> series = new LinkedHashMap<>();
        putMeasured(series, "training", epochs, train);
        putMeasured(series, "validation", epochs, val);
        return Charts.markX(Charts.lines(title, "epoch", axis, series, false, null, null), best, "best");
    }

    /** Adds the series of the epochs where {@code metric} was measured (not NaN), if there are any. */
    private static void putMeasured(LinkedHashMap<String, double[][]> series, String name, List<EpochRecord> epochs,
                                    ToDoubleFunction<EpochRecord> metric) {
        List<EpochRecord> measured = epochs.stream().filter(e -> Double.isFinite(metric.applyAsDouble(e))).toList();
        if (!measured.isEmpty()) {
            series.put(name, new double[][] {measured.stream().mapToDouble(EpochRecord::epoch).toArray(),
                    measured.stream().mapToDouble(metric).toArray()});
        }
    }

    private static String termTitle(String term) {
        return switch (term) {
            case Loss.RECONSTRUCTION -> "reconstruction term";
            case Loss.KL -> "KL(q || p) term";
            default -> term + " term";
        };
    }

    private static String termAxis(String term) {
        return switch (term) {
            case Loss.RECONSTRUCTION -> "cross-entropy (nats / pixel)";
            case Loss.KL -> "KL (nats / image)";
            default -> term;
        };
    }
}
