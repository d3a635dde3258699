package dev.penumbra.figure;

import dev.penumbra.data.Image;
import dev.penumbra.io.Heatmap;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;

/** Drawing helpers for the image figures: images, heat-maps, filled masks and pixel-edge outlines, scaled. */
public final class ImagePanels {

    public static final Color ANNOTATION = new Color(0, 229, 255);
    public static final Color PREDICTION = new Color(80, 255, 80);
    public static final Color MASK_FILL = new Color(255, 140, 0, 120);
    public static final Color MASK_EDGE = new Color(255, 170, 40);

    private ImagePanels() {
    }

    /** The image as grey (1 channel) or RGB (3 channels); values in [0, 1]. */
    public static BufferedImage picture(Image image) {
        int h = image.height();
        int w = image.width();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = level(image.get(0, y, x));
                int g = image.channels() >= 3 ? level(image.get(1, y, x)) : r;
                int b = image.channels() >= 3 ? level(image.get(2, y, x)) : r;
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    private static int level(float v) {
        return Math.max(0, Math.min(255, Math.round(v * 255)));
    }

    /** Draws {@code img} scaled into the square cell at (x, y) of side {@code size}, without smoothing. */
    public static void draw(Graphics2D g, BufferedImage img, int x, int y, int size) {
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(img, x, y, size, size, null);
    }

    /** The entropy map as a heat-map cell (black 0 .. pale yellow {@code max} bits). */
    public static void heat(Graphics2D g, float[] values, int h, int w, float max, int x, int y, int size) {
        draw(g, Heatmap.render(values, h, w, max), x, y, size);
    }

    /** Fills the mask's pixels translucently and outlines them. */
    public static void filledMask(Graphics2D g, byte[] mask, int h, int w, int x, int y, int size) {
        double s = size / (double) w;
        g.setColor(MASK_FILL);
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                if (mask[r * w + c] != 0) {
                    g.fill(new java.awt.geom.Rectangle2D.Double(x + c * s, y + r * s, s, s));
                }
            }
        }
        outline(g, inside(mask), h, w, x, y, size, MASK_EDGE);
    }

    /** Foreground of a probability-like map: value >= 0.5. */
    public static boolean[] atLeastHalf(float[] values) {
        boolean[] in = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            in[i] = values[i] >= 0.5f;
        }
        return in;
    }

    public static boolean[] inside(byte[] mask) {
        boolean[] in = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            in[i] = mask[i] != 0;
        }
        return in;
    }

    /** Draws the edges between pixels inside and outside (or the border) of the region, scaled into the cell. */
    public static void outline(Graphics2D g, boolean[] in, int h, int w, int x, int y, int size, Color colour) {
        double s = size / (double) w;
        g.setColor(colour);
        g.setStroke(new BasicStroke(Math.max(1.5f, size / 64f)));
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                if (!in[r * w + c]) {
                    continue;
                }
                double x0 = x + c * s;
                double y0 = y + r * s;
                if (r == 0 || !in[(r - 1) * w + c]) {
                    g.draw(new Line2D.Double(x0, y0, x0 + s, y0));
                }
                if (r == h - 1 || !in[(r + 1) * w + c]) {
                    g.draw(new Line2D.Double(x0, y0 + s, x0 + s, y0 + s));
                }
                if (c == 0 || !in[r * w + c - 1]) {
                    g.draw(new Line2D.Double(x0, y0, x0, y0 + s));
                }
                if (c == w - 1 || !in[r * w + c + 1]) {
                    g.draw(new Line2D.Double(x0 + s, y0, x0 + s, y0 + s));
                }
            }
        }
    }

    /** A horizontal colour bar of the heat-map scale from 0 to {@code max} bits, with end labels. */
    public static void colourBar(Graphics2D g, int x, int y, int width, int height, float max) {
        for (int i = 0; i < width; i++) {
            g.setColor(new Color(Heatmap.colour(i / (float) (width - 1))));
            g.fillRect(x + i, y, 1, height);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(x, y, width, height);
        g.drawString("0", x, y + height + 14);
        String end = String.format(java.util.Locale.ROOT, "%.2g bits", max);
        g.drawString(end, x + width - g.getFontMetrics().stringWidth(end), y + height + 14);
    }

    /** Draws {@code text} centred in a column of width {@code w} starting at x. */
    public static void centred(Graphics2D g, String text, int x, int w, int baseline) {
        int tw = g.getFontMetrics().stringWidth(text);
        g.drawString(text, x + Math.max(0, (w - tw) / 2), baseline);
    }
}
