package dev.penumbra.train;

import dev.penumbra.io.AtomicFiles;
import dev.penumbra.io.Json;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes the per-epoch metrics as {@code metrics.csv} and {@code metrics.jsonl}, rewritten atomically whenever the loop
 * persists its state (so a resumed run's log continues from its state).
 * The CSV has the columns {@code epoch, step, train_loss, val_loss, val_ged, val_diversity}, then
 * {@code train_<term>, val_<term>} for each named loss term the model reports (the Prob. U-Net's
 * {@code reconstruction} and {@code kl}), then {@code best, seconds}. Values not measured are empty.
 */
public final class MetricsLog implements TrainingListener {

    /** Rewrites both files with every epoch of the run so far (those of a resumed earlier part included). */
    @Override
    public void onPersist(TrainingContext context, List<EpochRecord> finished) {
        write(context.runDir(), context.state().records());
    }

    private static void write(Path folder, List<EpochRecord> records) {
        Set<String> terms = new LinkedHashSet<>();
        for (EpochRecord e : records) {
            terms.addAll(e.trainTerms().keySet());
            terms.addAll(e.validationTerms().keySet());
        }
        StringBuilder csv = new StringBuilder("epoch,step,train_loss,val_loss,val_ged,val_diversity");
        for (String t : terms) {
            csv.append(",train_").append(t).append(",val_").append(t);
        }
        csv.append(",best,seconds\n");
        StringBuilder jsonl = new StringBuilder();
        for (EpochRecord e : records) {
            csv.append(e.epoch()).append(',').append(e.step()).append(',').append(number(e.trainLoss()))
                    .append(',').append(number(e.validationLoss())).append(',').append(number(e.validationGed()))
                    .append(',').append(number(e.validationDiversity()));
            for (String t : terms) {
                csv.append(',').append(number(e.trainTerm(t))).append(',').append(number(e.validationTerm(t)));
            }
            csv.append(',').append(e.best()).append(',').append(String.format(Locale.ROOT, "%.3f", e.seconds()))
                    .append('\n');
            jsonl.append(Json.toLine(e)).append('\n');
        }
        AtomicFiles.writeString(folder.resolve("metrics.csv"), csv.toString());
        AtomicFiles.writeString(folder.resolve("metrics.jsonl"), jsonl.toString());
    }

    /** Six decimals, or empty for a value not measured (NaN). */
    private static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6f", v);
    }
}
