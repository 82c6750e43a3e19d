package org.povlake.assess;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of a small vertical bar chart (one scored indicator by city): one bar per datum,
 * left to right in list order, on an axis from min(0, lowest value) to a round maximum that holds
 * every value, the target and the floor; a horizontal line marks the target. The template draws it
 * as inline SVG.
 */
public record BarChart(
        int width,
        int height,
        int plotLeft,
        int plotRight,
        int plotTop,
        int plotBottom,
        int zeroY,
        List<Bar> bars,
        Rule target,
        List<Rule> ticks,
        boolean rotateLabels) {

    /**
     * One datum: a null value draws no bar, only its value text (a dash, or "缺" for missing input).
     */
    public record Datum(
            String label, BigDecimal value, String valueText, String title, String css) {}

    /**
     * labelX: the centre of the bar's slot; empty: no bar (valueText is drawn on the zero line
     * instead).
     */
    public record Bar(
            int x,
            int w,
            int y,
            int h,
            int labelX,
            String label,
            String valueText,
            String title,
            String css,
            boolean empty) {}

    /** A horizontal line at y (the target, or a tick of the value axis) with its label. */
    public record Rule(int y, String label) {}

    static final int WIDTH = 224;
    static final int PLOT = 96;
    static final int TOP = 8;
    static final int LEFT = 38;
    static final int RIGHT = 6;
    static final int LABELS = 16;
    static final int ROTATED_LABELS = 40;

    /** Above this many bars the labels under them are turned. */
    static final int ROTATE_ABOVE = 6;

    public static BarChart of(List<Datum> data, BigDecimal target, BigDecimal floor) {
        double lo = 0;
        double hi = 0;
        for (Datum d : data) {
            if (d.value() != null) {
                lo = Math.min(lo, d.value().doubleValue());
                hi = Math.max(hi, d.value().doubleValue());
            }
        }
        for (BigDecimal b : new BigDecimal[] {target, floor}) {
            hi = b == null ? hi : Math.max(hi, b.doubleValue());
        }
        BigDecimal bottom = Scale.niceCeil(-lo).negate();
        BigDecimal top = hi <= 0 && bottom.signum() == 0 ? BigDecimal.ONE : Scale.niceCeil(hi);
        double span = top.subtract(bottom).doubleValue();
        int bottomY = TOP + PLOT;
        Axis axis = v -> TOP + Scale.round((top.doubleValue() - v) / span * PLOT);
        int zeroY = axis.y(0);
        int n = Math.max(1, data.size());
        double slot = (double) (WIDTH - LEFT - RIGHT) / n;
        int w = Math.max(2, (int) Math.min(28, slot * 0.7));
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            Datum d = data.get(i);
            int centre = LEFT + Scale.round(slot * (i + 0.5));
            int x = centre - w / 2;
            if (d.value() == null) {
                bars.add(
                        new Bar(
                                x,
                                w,
                                zeroY,
                                0,
                                centre,
                                d.label(),
                                d.valueText(),
                                d.title(),
                                d.css(),
                                true));
            } else {
                int y = axis.y(d.value().doubleValue());
                bars.add(
                        new Bar(
                                x,
                                w,
                                Math.min(y, zeroY),
                                Math.max(1, Math.abs(zeroY - y)),
                                centre,
                                d.label(),
                                d.valueText(),
                                d.title(),
                                d.css(),
                                false));
            }
        }
        List<Rule> ticks = new ArrayList<>();
        ticks.add(new Rule(TOP, Fmt.percentShort(top)));
        ticks.add(new Rule(zeroY, "0%"));
        if (bottom.signum() < 0) {
            ticks.add(new Rule(bottomY, Fmt.percentShort(bottom)));
        }
        Rule targetLine =
                target == null
                        ? null
                        : new Rule(
                                axis.y(target.doubleValue()),
                                "目标 target " + Fmt.percentShort(target));
        boolean rotate = data.size() > ROTATE_ABOVE;
        return new BarChart(
                WIDTH,
                bottomY + (rotate ? ROTATED_LABELS : LABELS),
                LEFT,
                WIDTH - RIGHT,
                TOP,
                bottomY,
                zeroY,
                bars,
                targetLine,
                ticks,
                rotate);
    }

    private interface Axis {
        int y(double value);
    }
}
