package org.povlake.assess;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.povlake.lake.DisplayWidth;

/** Small helpers of the chart geometry: a round axis maximum and the width a label needs. */
final class Scale {
    private Scale() {}

    private static final String[] STEPS = {"1", "2", "2.5", "5", "10"};

    /** The smallest of 1, 2, 2.5, 5 × 10^k that is ≥ x (0 for x ≤ 0): 0.93 → 1, 0.031 → 0.05. */
    static BigDecimal niceCeil(double x) {
        if (!(x > 0) || Double.isInfinite(x)) {
            return BigDecimal.ZERO;
        }
        int exp = (int) Math.floor(Math.log10(x));
        BigDecimal target = BigDecimal.valueOf(x);
        for (String s : STEPS) {
            BigDecimal step = new BigDecimal(s).scaleByPowerOfTen(exp);
            if (step.compareTo(target) >= 0) {
                return step;
            }
        }
        return BigDecimal.TEN.scaleByPowerOfTen(exp + 1);
    }

    /**
     * Round ticks from 0 to {@code top}: every multiple of a round step (about a fifth of top) up
     * to top.
     */
    static List<BigDecimal> ticks(BigDecimal top) {
        BigDecimal step = niceCeil(top.doubleValue() / 5);
        List<BigDecimal> out = new ArrayList<>();
        if (step.signum() <= 0) {
            return List.of(BigDecimal.ZERO);
        }
        for (BigDecimal t = BigDecimal.ZERO; t.compareTo(top) <= 0; t = t.add(step)) {
            out.add(t);
        }
        return out;
    }

    /**
     * Roughly the width in pixels of {@code text} at {@code fontPx}: a wide character ({@link
     * DisplayWidth}: CJK) is square, others a bit over half, combining marks nothing.
     */
    static int textWidth(String text, int fontPx) {
        double w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int columns = DisplayWidth.columns(cp);
            w += columns == 2 ? 1.0 : columns == 1 ? 0.58 : 0;
            i += Character.charCount(cp);
        }
        return (int) Math.ceil(w * fontPx);
    }

    static int round(double v) {
        return (int) Math.round(v);
    }
}
