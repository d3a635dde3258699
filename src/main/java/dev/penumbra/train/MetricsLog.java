package dev.penumbra.train;

import dev.penumbra.io.AtomicFiles;
import dev.penumbra.io.Json;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes the per-epoch metrics as {@code metrics.csv} and {@code metrics.jsonl}, rewritten atomically each epoch. */
public final class MetricsLog implements TrainingListener {

    private final Path folder;
    private final List<EpochRecord> records = new ArrayList<>();

    /** @param previous records of an earlier, resumed part of the same run */
    public MetricsLog(Path folder, List<EpochRecord> previous) {
        this.folder = folder;
        records.addAll(previous);
    }

    @Override
    public void onEpoch(EpochRecord r) {
        onEpochs(List.of(r));
    }

    /** Adds the epochs and rewrites both files once. */
    @Override
    public void onEpochs(List<EpochRecord> finished) {
        records.addAll(finished);
        StringBuilder csv = new StringBuilder("epoch,step,train_loss,val_loss,val_ged,best,seconds\n");
        StringBuilder jsonl = new StringBuilder();
        for (EpochRecord e : records) {
            csv.append(String.format(Locale.ROOT, "%d,%d,%.6f,%.6f,%.6f,%b,%.3f%n", e.epoch(), e.step(),
                    e.trainLoss(), e.validationLoss(), e.validationGed(), e.best(), e.seconds()));
            jsonl.append(Json.toLine(e)).append('\n');
        }
        AtomicFiles.writeString(folder.resolve("metrics.csv"), csv.toString());
        AtomicFiles.writeString(folder.resolve("metrics.jsonl"), jsonl.toString());
    }

    public List<EpochRecord> records() {
        return List.copyOf(records);
    }
}
