package org.povlake.assess;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of a line chart over years (the province's composite and pillar scores, all on
 * 0–100): one series per line, broken where a value is null; every value also gets a point (so that
 * a single year, or a value between two nulls, still shows). The template draws it as inline SVG.
 */
public record LineChart(
        int width,
        int height,
        int plotLeft,
        int plotRight,
        int plotTop,
        int plotBottom,
        List<Tick> xTicks,
        List<Tick> yTicks,
        List<Series> series) {

    /** A series' values (null: no value that year) and their printed texts. */
    public record Data(String name, String css, List<Double> values, List<String> texts) {}

    /** A tick at a position along its axis. */
    public record Tick(int at, String label) {}

    public record Point(int x, int y, String title) {}

    /** segments: runs of two or more consecutive points (polylines); points: every value. */
    public record Series(String name, String css, List<List<Point>> segments, List<Point> points) {}

    static final int WIDTH = 680;
    static final int HEIGHT = 240;
    static final int LEFT = 40;
    static final int RIGHT = 16;
    static final int TOP = 10;
    static final int BOTTOM = 24;

    /** Space between the axis and the first and last year. */
    static final int INSET = 24;

    public static LineChart of(
            List<String> xLabels, List<Data> data, double max, List<Double> yTicks) {
        int plotRight = WIDTH - RIGHT;
        int plotBottom = HEIGHT - BOTTOM;
        int n = xLabels.size();
        int[] xs = new int[n];
        for (int i = 0; i < n; i++) {
            xs[i] =
                    n == 1
                            ? (LEFT + plotRight) / 2
                            : LEFT
                                    + INSET
                                    + Scale.round(
                                            (double) i * (plotRight - LEFT - 2 * INSET) / (n - 1));
        }
        List<Tick> xTicks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            xTicks.add(new Tick(xs[i], xLabels.get(i)));
        }
        double scale = (plotBottom - TOP) / max;
        List<Tick> ys = new ArrayList<>();
        for (double t : yTicks) {
            ys.add(
                    new Tick(
                            plotBottom - Scale.round(t * scale),
                            Fmt.plain(java.math.BigDecimal.valueOf(t))));
        }
        List<Series> series = new ArrayList<>();
        for (Data d : data) {
            List<Point> points = new ArrayList<>();
            List<List<Point>> segments = new ArrayList<>();
            List<Point> run = new ArrayList<>();
            for (int i = 0; i < n && i < d.values().size(); i++) {
                Double v = d.values().get(i);
                if (v == null) {
                    run = close(run, segments);
                    continue;
                }
                double clamped = Math.max(0, Math.min(max, v));
                Point p =
                        new Point(
                                xs[i],
                                plotBottom - Scale.round(clamped * scale),
                                d.name() + " " + xLabels.get(i) + ": " + d.texts().get(i));
                points.add(p);
                run.add(p);
            }
            close(run, segments);
            series.add(new Series(d.name(), d.css(), segments, points));
        }
        return new LineChart(WIDTH, HEIGHT, LEFT, plotRight, TOP, plotBottom, xTicks, ys, series);
    }

    private static List<Point> close(List<Point> run, List<List<Point>> segments) {
        if (run.size() >= 2) {
            segments.add(List.copyOf(run));
        }
        return new ArrayList<>();
    }
}
