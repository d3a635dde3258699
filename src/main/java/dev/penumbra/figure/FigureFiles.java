package dev.penumbra.figure;

import dev.penumbra.io.AtomicFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Writes one drawing as {@code dir/name.png} and {@code dir/name.svg}. The painter draws on a white canvas of
 * width x height pixels with anti-aliasing on, once onto a raster image and once onto an SVG canvas, so the two
 * files show the same figure. Both are drawn in memory first and then written atomically: a failing painter leaves
 * no file, and a reader never sees half of one. Works headless: it needs no display.
 */
public final class FigureFiles {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final int MAX_SIDE = 10_000;

    private FigureFiles() {
    }

    /**
     * Draws {@code chart} over the whole canvas and writes it as PNG and SVG.
     *
     * @param dir     the folder, created if missing
     * @param name    the file name without extension: letters, digits, '_', '-', '.'
     * @param width   canvas width in pixels (PNG pixels, SVG user units)
     * @param height  canvas height in pixels
     * @param caption the figure's caption, kept in the returned {@link Figure}
     * @param chart   the chart, e.g. from {@link Charts}
     * @return where the files are
     */
    public static Figure write(Path dir, String name, int width, int height, String caption, JFreeChart chart) {
        Objects.requireNonNull(chart, "chart");
        return write(dir, name, width, height, caption,
            g -> chart.draw(g, new Rectangle2D.Double(0, 0, width, height)));
    }

    /**
     * Draws the charts side by side, each over an equal share of the width, and writes them as one PNG and SVG: one
     * figure of several panels that share the caption.
     *
     * @param panels the charts from left to right, at least one
     */
    public static Figure write(Path dir, String name, int width, int height, String caption,
            List<JFreeChart> panels) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("figure " + name + " needs at least one panel");
        }
        double w = (double) width / panels.size();
        return write(dir, name, width, height, caption, g -> {
            for (int i = 0; i < panels.size(); i++) {
                panels.get(i).draw(g, new Rectangle2D.Double(i * w, 0, w, height));
            }
        });
    }

    /**
     * Lets {@code painter} draw on a white, anti-aliased width x height canvas (origin top left, units of pixels)
     * and writes the result as PNG and SVG. The painter runs twice, so it must draw the same thing each time.
     *
     * @param dir     the folder, created if missing
     * @param name    the file name without extension: letters, digits, '_', '-', '.'
     * @param width   canvas width in pixels (PNG pixels, SVG user units)
     * @param height  canvas height in pixels
     * @param caption the figure's caption, kept in the returned {@link Figure}
     * @param painter draws the figure; it must not dispose of the graphics
     * @return where the files are
     * @throws IllegalArgumentException if the name is not a plain file name or a side is outside 1..10000
     * @throws java.io.UncheckedIOException if a file cannot be written
     */
    public static Figure write(Path dir, String name, int width, int height, String caption,
            Consumer<Graphics2D> painter) {
        check(dir, name, width, height, caption, painter);
        byte[] png = png(width, height, painter);
        String svg = svg(name, width, height, painter);
        Path pngFile = dir.resolve(name + ".png");
        Path svgFile = dir.resolve(name + ".svg");
        AtomicFiles.writeBytes(pngFile, png);
        AtomicFiles.writeString(svgFile, svg);
        return new Figure(name, pngFile, svgFile, caption);
    }

    private static byte[] png(int width, int height, Consumer<Graphics2D> painter) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            prepare(g, width, height);
            painter.accept(g);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // a memory cache, because ImageIO's default file cache would leave temporary files behind on a crash
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("this Java runtime has no PNG writer (javax.imageio)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a " + width + "x" + height + " PNG: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    private static String svg(String name, int width, int height, Consumer<Graphics2D> painter) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        // ids from the name, not JFreeSVG's default of the clock, so the same figure gives the same bytes
        g.setDefsKeyPrefix("fig-" + name + "-");
        prepare(g, width, height);
        painter.accept(g);
        // no DOCTYPE: SVG 2 drops it, and XML readers would otherwise try to fetch the DTD from w3.org
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + g.getSVGElement(null, true, new ViewBox(0, 0, width, height), null, null) + "\n";
    }

    private static void prepare(Graphics2D g, int width, int height) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setPaint(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setPaint(ChartStyle.INK);
        g.setFont(ChartStyle.TICK_FONT);
    }

    private static void check(Path dir, String name, int width, int height, String caption,
            Consumer<Graphics2D> painter) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(caption, "caption (use \"\" for none)");
        Objects.requireNonNull(painter, "painter");
        if (name == null || !PLAIN_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("figure name must be a plain file name without extension "
                + "(letters, digits, '_', '-', '.'), e.g. \"fig4_entropy\", but was " + quote(name));
        }
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("figure " + name + " is " + width + "x" + height
                + " pixels; width and height must be in 1.." + MAX_SIDE + ", e.g. 800x500");
        }
    }

    private static String quote(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }
}
