package dev.penumbra.report;

import java.nio.file.Path;

/** One top-level section of the HTML report. */
public interface ReportPart {

    /** The section's id, unique in the report (letters, digits, '-' and '_'). */
    String anchor();

    /** The section's title in the navigation. */
    String title();

    /**
     * Appends the section's HTML.
     *
     * @param base the report's folder, against which figure files are linked
     */
    void render(StringBuilder html, Path base);

    /** One or two sentences for the top of the report on what this kind of section asks; the same for every
     * section of a kind, so the report shows it once. */
    default String lead() {
        return "";
    }

    /** Warning boxes (HTML) for the top of the report, e.g. models flagged by the health checks; "" for none. */
    default String warnings() {
        return "";
    }

    /** The folders of the tables and figures this section shows, which get the report's provenance file. */
    default java.util.List<Path> folders() {
        return java.util.List.of();
    }
}
