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
}
