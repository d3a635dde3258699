package dev.penumbra.figure;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A horizontal number axis whose ticks (and grid lines) sit exactly at given values, e.g. at the sample counts
 * 1, 4, 8, 16 of an experiment rather than at 0, 5, 10, 15.
 */
final class FixedTicksAxis extends NumberAxis {

    private static final long serialVersionUID = 1L;
    private final double[] ticks;

    FixedTicksAxis(String label, double[] ticks) {
        super(label);
        this.ticks = ticks.clone();
    }

    @Override
    public List<NumberTick> refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        NumberFormat format = NumberFormat.getInstance(Locale.ROOT);
        format.setGroupingUsed(false);
        boolean top = edge == RectangleEdge.TOP;
        TextAnchor anchor = top ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER;
        List<NumberTick> result = new ArrayList<>();
        for (double t : ticks) {
            if (getRange().contains(t)) {
                result.add(new NumberTick(TickType.MAJOR, t, format.format(t), anchor, TextAnchor.CENTER, 0.0));
            }
        }
        return result;
    }
}
