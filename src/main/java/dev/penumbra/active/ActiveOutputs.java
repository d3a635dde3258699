package dev.penumbra.active;

import dev.penumbra.data.Dataset;
import dev.penumbra.data.Sample;
import dev.penumbra.data.Split;
import dev.penumbra.figure.Charts;
import dev.penumbra.figure.Figure;
import dev.penumbra.figure.FigureFiles;
import dev.penumbra.figure.ImagePanels;
import dev.penumbra.figure.ReferenceLines;
import dev.penumbra.io.CsvFiles;
import dev.penumbra.io.ImageFiles;
import dev.penumbra.io.Json;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IntSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.JFreeChart;

/**
 * Writes an experiment's tables ({@code rounds.csv}, {@code rounds.json}) and figures: learning curves of test
 * loss, GED and soft Dice against the labelled count (mean and sd across seeds), the annotator disagreement of the
 * picked images per round beside the pool's average, and the picked images with the most annotator disagreement
 * (the paper's Fig 9).
 */
public final class ActiveOutputs {

    private static final int W = 760;
    private static final int H = 440;

    private ActiveOutputs() {
    }

    public static void writeTables(ActiveResult r, Path out) {
        List<Object[]> rows = new ArrayList<>();
        for (RoundManifest m : r.rounds()) {
            RoundMetrics x = m.metrics();
            rows.add(new Object[] {m.strategy(), m.seed(), m.round(), x.labelled(), x.testLoss(), x.ged(),
                x.softDice(), x.meanEntropy(), x.selectedDisagreement(), x.selectedForeground(),
                x.poolDisagreement(), m.wallSeconds()});
        }
        CsvFiles.write(out.resolve("rounds.csv"), List.of("strategy", "seed", "round", "labelled", "test_loss",
                "ged", "soft_dice", "mean_entropy_bits", "selected_annotator_entropy_bits", "selected_foreground",
                "pool_annotator_entropy_bits", "seconds"), rows);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("settings", r.settings());
        json.put("data", r.data());
        json.put("rounds", r.rounds().stream().map(m -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("strategy", m.strategy());
            one.put("seed", m.seed());
            one.put("round", m.round());
            one.put("labelled", m.labelled().size());
            one.put("selected", m.selected());
            one.put("metrics", m.metrics());
            one.put("seconds", m.wallSeconds());
            return one;
        }).toList());
        Json.write(out.resolve("rounds.json"), json);
    }

    /** @return the figures by short name */
    public static Map<String, Figure> writeFigures(ActiveResult r, Dataset dataset, Path dir) {
        Map<String, Figure> figures = new LinkedHashMap<>();
        String model = r.settings().model();
        figures.put("loss", curve(r, dir, "active_test_loss", "Test loss (" + model + ")", "test cross-entropy"
                + " (nats per pixel)", RoundMetrics::testLoss));
        figures.put("ged", curve(r, dir, "active_ged", "Test GED@16 (" + model + ")", "GED D\u00b2 ("
                + r.settings().estimator() + " estimator)", RoundMetrics::ged));
        figures.put("dice", curve(r, dir, "active_soft_dice", "Test soft Dice (" + model + ")", "soft Dice",
                RoundMetrics::softDice));
        figures.put("disagreement", disagreement(r, dir));
        Figure picked = pickedImages(r, dataset, dir, 4);
        if (picked != null) {
            figures.put("fig9", picked);
        }
        return figures;
    }

    private static Figure curve(ActiveResult r, Path dir, String name, String title, String axis,
                                ToDoubleFunction<RoundMetrics> metric) {
        Map<String, List<ActiveResult.Point>> curve = r.curve(metric);
        String caption = title + " against the number of labelled images; " + spread(curve) + "; every strategy"
                + " starts from the same random images.";
        return FigureFiles.write(dir, name, W, H, caption, Charts.bands(title, "labelled images", axis,
                points(curve)));
    }

    private static Figure disagreement(ActiveResult r, Path dir) {
        Map<String, List<ActiveResult.Point>> picked = r.curve(RoundMetrics::selectedDisagreement);
        String title = "Annotator disagreement of the picked images (" + r.settings().model() + ")";
        String caption = title + " against the number of labelled images: the mean pixel entropy of the mean"
                + " annotation of the images each strategy picked (solid), beside its average over the unlabelled"
                + " pool the strategy picked from (dashed, same colour, mean over seeds); " + spread(picked) + ".";
        return FigureFiles.write(dir, "active_selected_disagreement", W, H, caption, disagreementChart(r, title));
    }

    /** The picked images' disagreement per strategy, with the pool's average as its dashed partner. */
    static JFreeChart disagreementChart(ActiveResult r, String title) {
        JFreeChart chart = Charts.bands(title, "labelled images", "mean annotator entropy (bits)",
                points(r.curve(RoundMetrics::selectedDisagreement)));
        return ReferenceLines.add(chart, points(r.curve(RoundMetrics::poolDisagreement)), "pool average");
    }

    /** Mean with a band of mean +- sd at every labelled count. */
    private static LinkedHashMap<String, List<Charts.Point>> points(Map<String, List<ActiveResult.Point>> curve) {
        LinkedHashMap<String, List<Charts.Point>> series = new LinkedHashMap<>();
        curve.forEach((strategy, points) -> series.put(strategy, points.stream()
                .map(p -> new Charts.Point(p.labelled(), p.mean(), p.mean() - p.sd(), p.mean() + p.sd())).toList()));
        return series;
    }

    /**
     * What the band of a curve shows, from the seeds behind its points: with one seed there is no spread to show.
     *
     * @return e.g. "one seed: no spread shown", "line: mean, band: \u00b1 sd across 3 seeds"
     */
    static String spread(Map<String, List<ActiveResult.Point>> curve) {
        IntSummaryStatistics seeds = curve.values().stream().flatMap(List::stream)
                .mapToInt(ActiveResult.Point::seeds).summaryStatistics();
        if (seeds.getCount() == 0 || seeds.getMax() <= 1) {
            return "one seed: no spread shown";
        }
        String across = seeds.getMin() == seeds.getMax() ? seeds.getMax() + " seeds"
                : seeds.getMin() + " to " + seeds.getMax() + " seeds (no band where one)";
        return "line: mean, band: \u00b1 sd across " + across;
    }

    /** The paper's Fig 9: picked images with the most annotator disagreement, their annotations and samples. */
    static Figure pickedImages(ActiveResult r, Dataset dataset, Path dir, int count) {
        Map<String, Sample> byId = new LinkedHashMap<>();
        dataset.split(Split.TRAIN).forEach(s -> byId.put(s.id(), s));
        record Pick(RoundManifest round, Sample sample, double disagreement) {
        }
        List<Pick> picks = new ArrayList<>();
        for (RoundManifest m : r.rounds()) {
            for (String id : m.selected()) {
                Sample s = byId.get(id);
                if (s != null) {
                    picks.add(new Pick(m, s, ActiveLearning.annotatorEntropy(s)));
                }
            }
        }
        Map<String, Pick> firstById = new LinkedHashMap<>();
        picks.stream().sorted(Comparator.comparingDouble((Pick p) -> -p.disagreement())
                .thenComparing(p -> p.sample().id())).forEach(p -> firstById.putIfAbsent(p.sample().id(), p));
        List<Pick> top = firstById.values().stream().limit(count).toList();
        if (top.isEmpty()) {
            return null;
        }
        int cell = 96;
        int gap = 6;
        int label = 210;
        int annotators = top.stream().mapToInt(p -> p.sample().annotators()).max().orElse(1);
        int cols = 1 + annotators + PoolScorer.KEPT_SAMPLES;
        int width = label + cols * (cell + gap) + 2 * gap;
        int height = 48 + top.size() * (cell + gap);
        String caption = "Picked images with the most annotator disagreement (mean pixel entropy of the mean"
                + " annotation): the image, its annotations, then samples of the model that picked it.";
        return FigureFiles.write(dir, "fig9_picked_images", width, height, caption, g -> {
            Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            g.setColor(Color.BLACK);
            g.drawString("Picked images with the most annotator disagreement", gap, 18);
            g.setFont(plain);
            ImagePanels.centred(g, "image", label, cell, 40);
            ImagePanels.centred(g, "annotations", label + cell + gap, annotators * (cell + gap), 40);
            ImagePanels.centred(g, "model samples", label + (1 + annotators) * (cell + gap),
                    PoolScorer.KEPT_SAMPLES * (cell + gap), 40);
            int y = 48;
            for (Pick p : top) {
                Sample s = p.sample();
                int h = s.image().height();
                int w = s.image().width();
                g.setColor(Color.BLACK);
                g.drawString(s.id(), gap, y + 20);
                g.drawString(p.round().strategy() + ", seed " + p.round().seed() + ", round " + p.round().round(),
                        gap, y + 38);
                g.drawString(String.format(Locale.ROOT, "annotator entropy %.3f bits", p.disagreement()), gap,
                        y + 56);
                BufferedImage picture = ImagePanels.picture(s.image());
                ImagePanels.draw(g, picture, label, y, cell);
                for (int a = 0; a < s.annotators(); a++) {
                    int x = label + (a + 1) * (cell + gap);
                    ImagePanels.draw(g, picture, x, y, cell);
                    ImagePanels.filledMask(g, s.masks().get(a).pixels(), h, w, x, y, cell);
                }
                List<byte[]> samples = readSamples(r, p.round(), s);
                for (int k = 0; k < samples.size(); k++) {
                    int x = label + (1 + annotators + k) * (cell + gap);
                    ImagePanels.draw(g, picture, x, y, cell);
                    ImagePanels.filledMask(g, samples.get(k), h, w, x, y, cell);
                }
                y += cell + gap;
            }
        });
    }

    private static List<byte[]> readSamples(ActiveResult r, RoundManifest m, Sample s) {
        Path folder = ActiveLearning.roundDir(ActiveLearning.folder(r.out(), m.strategy(), m.seed()), m.round())
                .resolve("selected").resolve(s.id());
        List<byte[]> out = new ArrayList<>();
        for (int k = 0; k < PoolScorer.KEPT_SAMPLES; k++) {
            Path f = folder.resolve(String.format(Locale.ROOT, "sample_%02d.png", k));
            if (!Files.isRegularFile(f)) {
                break;
            }
            int[] levels = ImageFiles.readLevels(f, new int[2]);
            byte[] mask = new byte[levels.length];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = (byte) (levels[i] != 0 ? 1 : 0);
            }
            out.add(mask);
        }
        return out;
    }
}
