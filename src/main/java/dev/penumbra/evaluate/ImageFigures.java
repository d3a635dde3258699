package dev.penumbra.evaluate;

import dev.penumbra.data.Sample;
import dev.penumbra.figure.Figure;
import dev.penumbra.figure.FigureFiles;
import dev.penumbra.figure.ImagePanels;
import dev.penumbra.metric.Annotators;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The paper's image figures: Fig 3 (entropy heat-maps with the outlines of the mean annotation and of the mean
 * prediction) and Fig 7 (sample grids per model with each image's sample diversity beside the dataset mean).
 */
final class ImageFigures {

    private static final int CELL = 128;
    private static final int SMALL = 88;
    private static final int GAP = 6;
    private static final int LABEL = 150;
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font BOLD = new Font(Font.SANS_SERIF, Font.BOLD, 13);

    private ImageFigures() {
    }

    /**
     * Fig 3: one row per image; the image with its mean-annotation outline, then per model the entropy heat-map
     * with the outlines of the mean annotation (cyan) and the mean prediction (green).
     */
    static Figure entropyMaps(Path dir, String name, String title, List<Sample> images, List<ModelEvaluation> models,
                              int classes) {
        float max = (float) (Math.log(classes) / Math.log(2));
        int cols = 1 + models.size();
        int width = LABEL + cols * (CELL + GAP) + GAP;
        int top = 44;
        int height = top + images.size() * (CELL + GAP) + 56;
        String caption = title + ": pixel predictive entropy (bits) of 16 samples per model on test images."
                + " Cyan: pixels marked by at least half of the annotators; green: pixels whose mean prediction is"
                + " foreground (argmax of the mean of the samples, as in the outcome figure).";
        return FigureFiles.write(dir, name, width, height, caption, g -> {
            g.setFont(BOLD);
            g.setColor(Color.BLACK);
            g.drawString(title, GAP, 18);
            g.setFont(FONT);
            ImagePanels.centred(g, "image", LABEL, CELL, 38);
            for (int m = 0; m < models.size(); m++) {
                ImagePanels.centred(g, models.get(m).label(), LABEL + (m + 1) * (CELL + GAP), CELL, 38);
            }
            for (int r = 0; r < images.size(); r++) {
                Sample s = images.get(r);
                int y = top + r * (CELL + GAP);
                int h = s.image().height();
                int w = s.image().width();
                g.setColor(Color.BLACK);
                g.drawString(shorten(s.id(), g, LABEL - GAP), GAP, y + CELL / 2);
                boolean[] annotated = ImagePanels.atLeastHalf(Annotators.share(s.masks()));
                ImagePanels.draw(g, ImagePanels.picture(s.image()), LABEL, y, CELL);
                ImagePanels.outline(g, annotated, h, w, LABEL, y, CELL, ImagePanels.ANNOTATION);
                for (int m = 0; m < models.size(); m++) {
                    ImageMaps maps = models.get(m).maps().get(s.id());
                    int x = LABEL + (m + 1) * (CELL + GAP);
                    if (maps == null) {
                        continue;
                    }
                    ImagePanels.heat(g, maps.entropy(), h, w, max, x, y, CELL);
                    ImagePanels.outline(g, annotated, h, w, x, y, CELL, ImagePanels.ANNOTATION);
                    ImagePanels.outline(g, maps.predicted(), h, w, x, y, CELL, ImagePanels.PREDICTION);
                }
            }
            int legendY = top + images.size() * (CELL + GAP) + 8;
            g.setFont(FONT);
            ImagePanels.colourBar(g, LABEL, legendY, Math.min(260, cols * CELL), 14, max);
            int lx = LABEL + Math.min(260, cols * CELL) + 24;
            legend(g, lx, legendY + 12, ImagePanels.ANNOTATION, "mean annotation");
            legend(g, lx + 160, legendY + 12, ImagePanels.PREDICTION, "mean prediction");
        });
    }

    /**
     * Fig 7: for each image, a row with the image and its annotations, then one row per model with its first
     * samples; beside the row, the model's sample diversity on that image and its mean over the test images.
     */
    static Figure samples(Path dir, String name, String title, List<Sample> images, List<ModelEvaluation> models,
                          List<ModelSummary> summaries, int shown, int largestCount) {
        int maxAnnotators = images.stream().mapToInt(Sample::annotators).max().orElse(1);
        int cols = Math.max(1 + maxAnnotators, shown);
        int width = LABEL + cols * (SMALL + GAP) + GAP;
        int rowsPerImage = 1 + models.size();
        int top = 30;
        int height = top + images.size() * (rowsPerImage * (SMALL + GAP) + 14) + 8;
        String caption = title + ": the first " + shown + " samples per model for " + images.size() + " test"
                + " image(s), beside the annotations. Beside each model: the sample diversity E[d(y, y')] of the"
                + " image shown, then its mean over the test images, both at " + largestCount + " samples (paper"
                + " estimator).";
        return FigureFiles.write(dir, name, width, height, caption, g -> {
            g.setColor(Color.BLACK);
            g.setFont(BOLD);
            g.drawString(title, GAP, 18);
            int y = top;
            for (Sample s : images) {
                int h = s.image().height();
                int w = s.image().width();
                g.setFont(BOLD);
                g.setColor(Color.BLACK);
                g.drawString(shorten(s.id(), g, LABEL - GAP), GAP, y + SMALL / 2 - 6);
                g.setFont(FONT);
                g.drawString("image, annotations", GAP, y + SMALL / 2 + 12);
                ImagePanels.draw(g, ImagePanels.picture(s.image()), LABEL, y, SMALL);
                for (int a = 0; a < s.annotators(); a++) {
                    int x = LABEL + (a + 1) * (SMALL + GAP);
                    ImagePanels.draw(g, ImagePanels.picture(s.image()), x, y, SMALL);
                    ImagePanels.filledMask(g, s.masks().get(a).pixels(), h, w, x, y, SMALL);
                }
                y += SMALL + GAP;
                for (int m = 0; m < models.size(); m++) {
                    ModelEvaluation model = models.get(m);
                    g.setColor(Color.BLACK);
                    g.setFont(BOLD);
                    g.drawString(model.label(), GAP, y + SMALL / 2 - 14);
                    g.setFont(FONT);
                    double mean = summaries.get(m).estimate(Metric.DIVERSITY.at(largestCount));
                    g.drawString("diversity " + number(imageDiversity(model, s.id())), GAP, y + SMALL / 2 + 4);
                    g.drawString("dataset mean " + number(mean), GAP, y + SMALL / 2 + 20);
                    ImageMaps maps = model.maps().get(s.id());
                    if (maps != null) {
                        for (int i = 0; i < Math.min(shown, maps.samples().size()); i++) {
                            int x = LABEL + i * (SMALL + GAP);
                            ImagePanels.draw(g, ImagePanels.picture(s.image()), x, y, SMALL);
                            ImagePanels.filledMask(g, maps.samples().get(i), h, w, x, y, SMALL);
                        }
                    }
                    y += SMALL + GAP;
                }
                y += 14;
            }
        });
    }

    /** The model's sample diversity on one image at the largest sample count; NaN if it was not scored. */
    static double imageDiversity(ModelEvaluation model, String image) {
        return model.images().stream().filter(i -> i.image().equals(image)).findFirst()
                .map(i -> i.diversity()[i.diversity().length - 1]).orElse(Double.NaN);
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static void legend(Graphics2D g, int x, int baseline, Color colour, String text) {
        g.setColor(colour.darker());
        g.setStroke(new java.awt.BasicStroke(3f));
        g.drawLine(x, baseline - 5, x + 22, baseline - 5);
        g.setColor(Color.BLACK);
        g.drawString(text, x + 28, baseline);
    }

    private static String shorten(String text, Graphics2D g, int width) {
        if (g.getFontMetrics().stringWidth(text) <= width) {
            return text;
        }
        String t = text;
        while (t.length() > 3 && g.getFontMetrics().stringWidth(t + "...") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "...";
    }
}
