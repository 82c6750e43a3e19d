package org.povlake.assess;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of a horizontal bar chart (the cities' composites, the MPI breakdown): one labelled
 * bar per datum, top to bottom in list order, scaled to [0, max]; vertical guide lines across the
 * plot (grade thresholds) and ticks under it. The template draws it as inline SVG.
 */
public record HBarChart(
        int width,
        int height,
        int plotLeft,
        int plotRight,
        int plotTop,
        int plotBottom,
        List<Bar> bars,
        List<Rule> guides,
        List<Rule> ticks) {

    /**
     * One datum: a null value draws no bar, only its value text. gapBefore: a space above it (a new
     * group).
     */
    public record Datum(
            String label,
            Double value,
            String valueText,
            String title,
            String css,
            boolean gapBefore) {}

    /** A position on the value axis with a label. */
    public record Mark(double at, String label, String css) {}

    /**
     * labelY: the row's text baseline; y, h, w: the bar's rectangle (a value above 0 is at least 1
     * pixel wide); valueX: where the value text starts; empty: no value, no bar (only the value
     * text).
     */
    public record Bar(
            int y,
            int h,
            int w,
            int labelY,
            int valueX,
            String label,
            String valueText,
            String title,
            String css,
            boolean empty) {}

    /** A vertical line at x (a guide across the plot, or a tick below it) with its label. */
    public record Rule(int x, String label, String css) {}

    static final int WIDTH = 680;
    static final int ROW = 20;
    static final int BAR = 13;
    static final int GAP = 10;
    static final int TOP = 16;
    static final int BOTTOM = 18;
    static final int VALUE_SPACE = 64;
    static final int FONT = 11;

    public static HBarChart of(List<Datum> data, double max, List<Mark> guides, List<Mark> ticks) {
        int labels = 0;
        for (Datum d : data) {
            labels = Math.max(labels, Scale.textWidth(d.label(), FONT));
        }
        int left = Math.max(48, Math.min(240, labels + 10));
        int right = WIDTH - VALUE_SPACE;
        double scale = max > 0 ? (right - left) / max : 0;
        List<Bar> bars = new ArrayList<>();
        int y = TOP;
        for (Datum d : data) {
            y += d.gapBefore() ? GAP : 0;
            int w =
                    d.value() == null || d.value() <= 0
                            ? 0
                            : Math.max(1, Math.min(right - left, Scale.round(d.value() * scale)));
            int barY = y + (ROW - BAR) / 2;
            bars.add(
                    new Bar(
                            barY,
                            BAR,
                            w,
                            barY + BAR - 2,
                            left + w + 4,
                            d.label(),
                            d.valueText(),
                            d.title(),
                            d.css(),
                            d.value() == null));
            y += ROW;
        }
        return new HBarChart(
                WIDTH,
                y + BOTTOM,
                left,
                right,
                TOP,
                y,
                bars,
                rules(guides, left, scale),
                rules(ticks, left, scale));
    }

    private static List<Rule> rules(List<Mark> marks, int left, double scale) {
        List<Rule> out = new ArrayList<>();
        for (Mark m : marks) {
            out.add(new Rule(left + Scale.round(m.at() * scale), m.label(), m.css()));
        }
        return out;
    }
}
