package dev.penumbra.report;

import dev.penumbra.evaluate.ModelSummary;
import dev.penumbra.health.HealthFlag;

import java.util.List;
import java.util.stream.Collectors;

import static dev.penumbra.report.Html.esc;

/**
 * How the report shows the health checks: a warning box listing every flag, a mark beside a flagged model's name
 * in every table, and a line under each figure naming the flagged models it shows.
 */
final class HealthHtml {

    static final String MARK = "\u26a0";

    private HealthHtml() {
    }

    /** The warning box of one dataset's models, or "" when no check fired. */
    static String box(String dataset, List<ModelSummary> summaries) {
        List<ModelSummary> flagged = summaries.stream().filter(ModelSummary::flagged).toList();
        if (flagged.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<div class=\"warning\"><strong>" + MARK + " Health checks: "
                + esc(dataset) + "</strong> \u2013 the numbers of these models are shown, marked " + MARK
                + ", but are not evidence about uncertainty until the finding is resolved.<ul>\n");
        for (ModelSummary s : flagged) {
            for (HealthFlag f : s.health()) {
                b.append("<li><strong>").append(esc(s.label())).append("</strong>: <code>").append(esc(f.name()))
                        .append("</code> \u2013 ").append(esc(f.line().substring(f.name().length() + 1)))
                        .append("</li>\n");
            }
        }
        return b.append("</ul></div>\n").toString();
    }

    /** The model's label for a table cell, with the mark and its flags' names when a check fired. */
    static String label(ModelSummary s) {
        if (!s.flagged()) {
            return esc(s.label());
        }
        List<String> names = s.health().stream().map(HealthFlag::name).distinct().toList();
        // one flag a line, so a flagged model's name does not widen every table
        return esc(s.label()) + " <span class=\"flag\" title=\"" + esc(String.join(", ", names)) + "\">" + MARK
                + "<br>" + names.stream().map(Html::esc).collect(Collectors.joining("<br>")) + "</span>";
    }

    /** A caption line naming the flagged models a figure shows, or "". */
    static String figureNote(List<ModelSummary> summaries) {
        List<String> flagged = summaries.stream().filter(ModelSummary::flagged)
                .map(s -> s.label() + " (" + s.health().stream().map(HealthFlag::name).distinct()
                        .collect(Collectors.joining(", ")) + ")").toList();
        if (flagged.isEmpty()) {
            return "";
        }
        return "<p class=\"caption flag\">" + MARK + " Flagged by the health checks: " + esc(String.join("; ",
                flagged)) + ".</p>\n";
    }
}
