package dev.penumbra.evaluate;

import dev.penumbra.io.AtomicFiles;
import dev.penumbra.io.CsvFiles;
import dev.penumbra.io.Json;
import dev.penumbra.metric.Calibration;
import dev.penumbra.metric.ErrorDetection;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an evaluation's tables into a folder: {@code images.csv/.json} (per image and model),
 * {@code pixels.csv/.jsonl} (per sampled pixel and model), {@code summary.json} (per model, with bootstrap
 * intervals), {@code statistics.json} (tests and correlations), {@code reliability.csv} and
 * {@code risk_coverage.csv}.
 */
public final class EvaluationTables {

    private EvaluationTables() {
    }

    /** Writes every table of {@code e} into {@code out}. */
    public static void write(DatasetEvaluation e, Path out) {
        writeImages(e, out);
        writePixels(e, out);
        Json.write(out.resolve("summary.json"), e.summaries());
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("comparisons", e.comparisons());
        Map<String, Object> correlations = new LinkedHashMap<>();
        for (ModelSummary s : e.summaries()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("correctness", s.correctness());
            one.put("agreement", s.agreement());
            correlations.put(s.label(), one);
        }
        stats.put("correlations", correlations);
        stats.put("alpha", Correlation.ALPHA);
        Json.write(out.resolve("statistics.json"), stats);
        writeReliability(e, out);
        writeRiskCoverage(e, out);
    }

    private static void writeImages(DatasetEvaluation e, Path out) {
        int[] counts = e.settings().gedCounts();
        int largest = e.settings().largestCount();
        // the columns of scores the summaries also hold are named by their metric keys
        List<Object> header = new ArrayList<>(List.of("model", "image", "annotators"));
        for (int k : counts) {
            header.add(Metric.GED.at(k));
        }
        for (int k : counts) {
            header.add(Metric.DIVERSITY.at(k));
        }
        header.addAll(List.of(Metric.GED_ALL_PAIRS.at(largest), Metric.GED_UNBIASED.at(largest),
                Metric.DIVERSITY_UNBIASED.at(largest), "annotation_diversity", Metric.NCC.key(),
                Metric.HUNGARIAN_IOU.at(largest), Metric.SOFT_DICE.key(), "mean_entropy_bits",
                "mean_mutual_information_bits", "mean_annotator_entropy_bits", "predicted_foreground",
                "annotated_foreground", Metric.MAJORITY_DICE.key(), "unanimous_foreground_pixels",
                "unanimous_found_pixels", "unanimous_background_pixels", "unanimous_background_marked_pixels",
                Metric.EMPTY_SAMPLES.key()));
        boolean oracle = e.models().stream().anyMatch(m -> m.oracle() != null);
        if (oracle) {
            header.addAll(List.of(Metric.ORACLE_GED.at(largest), Metric.ORACLE_FLOOR.at(largest)));
        }
        List<Object[]> rows = new ArrayList<>();
        List<ImageScores> all = new ArrayList<>();
        for (ModelEvaluation m : e.models()) {
            for (ImageScores s : m.images()) {
                List<Object> row = new ArrayList<>(List.of(s.model(), s.image(), s.annotators()));
                for (double v : s.ged()) {
                    row.add(v);
                }
                for (double v : s.diversity()) {
                    row.add(v);
                }
                row.addAll(List.of(s.gedAllPairs(), s.gedUnbiased(), s.diversityUnbiased(),
                        s.annotationDiversity(), s.ncc(), s.hungarianIou(),
                        s.softDice(), s.meanEntropy(), s.meanMutualInformation(), s.meanAnnotatorEntropy(),
                        s.predictedForeground(), s.annotatedForeground(), s.majorityDice(),
                        s.unanimousForeground(), s.unanimousFound(), s.unanimousBackground(),
                        s.unanimousMarked(), s.emptySamples()));
                if (oracle) {
                    row.addAll(List.of(s.oracleGed(), s.oracleFloor()));
                }
                rows.add(row.toArray());
                all.add(s);
            }
        }
        CsvFiles.write(out.resolve("images.csv"), header.stream().map(Object::toString).toList(), rows);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("gedCounts", counts);
        json.put("images", all);
        Json.write(out.resolve("images.json"), json);
    }

    private static final List<String> PIXEL_COLUMNS = List.of("model", "image", "pixel", "entropy_bits",
            "mutual_information_bits", "foreground_probability", "predicted_foreground", "votes", "annotators",
            "outcome", "agreement");

    /** Streams the pixel rows into CSV and JSON Lines, so that {@code --pixels all} needs no copy in memory. */
    private static void writePixels(DatasetEvaluation e, Path out) {
        Iterable<Object[]> rows = () -> e.models().stream()
                .flatMap(m -> m.pixels().stream().map(p -> pixelRow(m, p))).iterator();
        CsvFiles.write(out.resolve("pixels.csv"), PIXEL_COLUMNS, rows);
        AtomicFiles.write(out.resolve("pixels.jsonl"), stream -> {
            java.io.Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(stream,
                    java.nio.charset.StandardCharsets.UTF_8), 1 << 16);
            for (Object[] row : rows) {
                Map<String, Object> line = new LinkedHashMap<>();
                for (int c = 0; c < PIXEL_COLUMNS.size(); c++) {
                    line.put(PIXEL_COLUMNS.get(c), row[c]);
                }
                line.put("outcome", "".equals(row[9]) ? null : row[9]);
                w.write(Json.toLine(line));
                w.write('\n');
            }
            w.flush();
        });
    }

    private static Object[] pixelRow(ModelEvaluation m, PixelRecord p) {
        Outcome o = p.outcome();
        return new Object[] {m.label(), p.image(), p.pixel(), p.entropy(), p.mutualInformation(), p.foreground(),
            p.predicted() ? 1 : 0, p.votes(), p.annotators(), o == null ? "" : o.name(), p.agreementLabel()};
    }

    private static void writeReliability(DatasetEvaluation e, Path out) {
        List<Object[]> rows = new ArrayList<>();
        for (ModelEvaluation m : e.models()) {
            for (Calibration.Bin b : m.calibration().bins()) {
                rows.add(new Object[] {m.label(), b.lower(), b.upper(), b.count(), b.meanPredicted(),
                    b.observedFrequency()});
            }
        }
        CsvFiles.write(out.resolve("reliability.csv"), List.of("model", "lower", "upper", "pixels",
                "mean_predicted", "observed_frequency"), rows);
    }

    private static void writeRiskCoverage(DatasetEvaluation e, Path out) {
        List<Object[]> rows = new ArrayList<>();
        for (ModelEvaluation m : e.models()) {
            ErrorDetection.RiskCoverage curve = Statistics.riskCoverage(m);
            if (curve == null) {
                continue;
            }
            for (int i = 0; i < curve.coverage().length; i++) {
                rows.add(new Object[] {m.label(), curve.coverage()[i], curve.risk()[i]});
            }
        }
        CsvFiles.write(out.resolve("risk_coverage.csv"), List.of("model", "coverage", "risk"), rows);
    }
}
