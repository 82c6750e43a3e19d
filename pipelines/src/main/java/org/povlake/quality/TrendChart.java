package org.povlake.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of an extract's small trend chart: one stacked bar per delivery (rows accepted and
 * linked, accepted but orphaned, quarantined), scaled to the largest delivery; a rejected file is a
 * dashed outline and a skipped re-delivery a low grey mark. The template draws it as inline SVG.
 */
public record TrendChart(
        int width,
        int height,
        int plotHeight,
        List<Bar> bars,
        String firstLabel,
        String lastLabel) {

    /** One rectangle; kind is its CSS class: joined, orphans, quarantined, rejected or skipped. */
    public record Rect(String kind, int y, int h) {}

    public record Bar(int x, int w, List<Rect> rects, String title) {}

    static final int PLOT = 64;
    static final int TOP = 2;
    static final int LABELS = 14;
    static final int MAX_WIDTH = 640;
    static final int MIN_WIDTH = 180;

    public static TrendChart of(ExtractQuality e) {
        List<DeliveryQuality> ds = e.deliveries();
        int n = Math.max(1, ds.size());
        int gap = n > 60 ? 1 : 3;
        int barWidth = Math.max(2, Math.min(18, (MAX_WIDTH - 8) / n - gap));
        long max = 1;
        for (DeliveryQuality d : ds) {
            max = Math.max(max, Math.max(d.rowsRead(), d.rowsAccepted() + d.rowsQuarantined()));
        }
        int bottom = TOP + PLOT;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < ds.size(); i++) {
            DeliveryQuality d = ds.get(i);
            List<Rect> rects = new ArrayList<>();
            if (DeliveryQuality.REJECTED.equals(d.status())) {
                stack(rects, "rejected", bottom, Math.max(d.rowsRead(), max / 4), max);
            } else if (DeliveryQuality.SKIPPED.equals(d.status())) {
                rects.add(new Rect("skipped", bottom - 2, 2));
            } else {
                long orphans = Math.min(d.orphans(), d.rowsAccepted());
                long[] counts = {d.rowsAccepted() - orphans, orphans, d.rowsQuarantined()};
                int[] h = heights(counts, max);
                int y = bottom;
                for (int k = 0; k < counts.length; k++) {
                    if (h[k] > 0) {
                        y -= h[k];
                        rects.add(new Rect(KINDS[k], y, h[k]));
                    }
                }
            }
            bars.add(new Bar(4 + i * (barWidth + gap), barWidth, rects, title(d)));
        }
        int width = Math.max(MIN_WIDTH, 8 + ds.size() * (barWidth + gap));
        String first = ds.isEmpty() ? "" : ds.get(0).asOfDate();
        String last = ds.size() < 2 ? "" : ds.get(ds.size() - 1).asOfDate();
        return new TrendChart(width, TOP + PLOT + LABELS, bottom, bars, first, last);
    }

    private static final String[] KINDS = {"joined", "orphans", "quarantined"};

    /**
     * Pixel heights of stacked counts: proportional to max, at least 1 pixel for a count that is
     * not 0 (a few quarantined rows stay visible), and never above the plot: the tallest segment
     * gives way.
     */
    static int[] heights(long[] counts, long max) {
        int[] h = new int[counts.length];
        long total = 0;
        int nonZero = 0;
        for (int k = 0; k < counts.length; k++) {
            total += Math.max(0, counts[k]);
            if (counts[k] > 0) {
                h[k] = (int) Math.max(1, Math.round((double) counts[k] * PLOT / max));
                nonZero++;
            }
        }
        int limit =
                (int) Math.min(PLOT, Math.max(nonZero, Math.round((double) total * PLOT / max)));
        int sum = java.util.Arrays.stream(h).sum();
        while (sum > limit) {
            int tallest = 0;
            for (int k = 1; k < h.length; k++) {
                tallest = h[k] > h[tallest] ? k : tallest;
            }
            if (h[tallest] <= 1) {
                break;
            }
            h[tallest]--;
            sum--;
        }
        return h;
    }

    private static void stack(List<Rect> rects, String kind, int y, long count, long max) {
        if (count > 0) {
            int h = (int) Math.min(PLOT, Math.max(1, Math.round((double) count * PLOT / max)));
            rects.add(new Rect(kind, y - h, h));
        }
    }

    private static String title(DeliveryQuality d) {
        if (DeliveryQuality.REJECTED.equals(d.status())) {
            return d.asOfDate() + " rejected (" + d.rejection() + ")";
        }
        return String.format(
                Locale.ROOT,
                "%s %s: read %,d, accepted %,d (orphans %,d), quarantined %,d",
                d.asOfDate(),
                d.status(),
                d.rowsRead(),
                d.rowsAccepted(),
                d.orphans(),
                d.rowsQuarantined());
    }
}
