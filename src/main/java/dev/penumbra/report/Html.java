package dev.penumbra.report;

import java.util.List;
import java.util.Locale;

/** Small builders for escaped HTML text, numbers and tables. */
final class Html {

    private Html() {
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A number with {@code digits} decimals, an en dash for NaN, and the infinity sign for an infinite value. */
    static String num(double v, int digits) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "\u221e" : "\u2212\u221e";
        }
        return Double.isNaN(v) ? "\u2013" : String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    /** A p-value: 3 significant digits, scientific below 0.001. */
    static String p(double v) {
        if (Double.isNaN(v)) {
            return "\u2013";
        }
        if (v < 1e-15) {
            // below double precision of 1 - CDF: the distribution function returns 0
            return "&lt; 1e-15";
        }
        return v < 1e-3 ? String.format(Locale.ROOT, "%.2e", v) : String.format(Locale.ROOT, "%.4f", v);
    }

    /** Degrees of freedom: whole numbers without decimals (Student, paired), else two decimals (Welch). */
    static String dof(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : num(v, 2);
    }

    /**
     * A figure embedded as PNG data, with its caption and links to its PNG and SVG files.
     *
     * @param base the report's folder
     */
    static String figure(dev.penumbra.figure.Figure f, java.nio.file.Path base) {
        String data;
        try {
            data = java.util.Base64.getEncoder().encodeToString(java.nio.file.Files.readAllBytes(f.png()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read figure " + f.png() + ": " + e.getMessage(), e);
        }
        return "<figure>\n<img alt=\"" + esc(f.caption()) + "\" src=\"data:image/png;base64," + data + "\">\n"
                + "<figcaption>" + esc(f.caption()) + " <span class=\"files\"><a href=\"" + esc(relative(f.png(), base))
                + "\">PNG</a> \u00b7 <a href=\"" + esc(relative(f.svg(), base)) + "\">SVG</a></span></figcaption>\n"
                + "</figure>\n";
    }

    private static String relative(java.nio.file.Path p, java.nio.file.Path base) {
        return base.toAbsolutePath().relativize(p.toAbsolutePath()).toString().replace('\\', '/');
    }

    /** A table with a header row, scrolling sideways on narrow screens; cells are HTML already. */
    static String table(List<String> header, List<List<String>> rows) {
        return table("", header, rows);
    }

    /** @param css the table's class ("" for none), e.g. "prose" for cells of running text */
    static String table(String css, List<String> header, List<List<String>> rows) {
        StringBuilder b = new StringBuilder("<div class=\"scroll\"><table" + (css.isEmpty() ? "" : " class=\""
                + css + "\"") + ">\n<thead><tr>");
        header.forEach(h -> b.append("<th>").append(h).append("</th>"));
        b.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            b.append("<tr>");
            row.forEach(c -> b.append("<td>").append(c).append("</td>"));
            b.append("</tr>\n");
        }
        return b.append("</tbody>\n</table></div>\n").toString();
    }
}
