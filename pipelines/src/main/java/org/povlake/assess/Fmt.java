package org.povlake.assess;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How the human report prints numbers: rates as percentages, composites with two decimals, counts
 * as integers, null as a dash. The exact printed value of the JSON stays available through {@link
 * #exact}.
 */
final class Fmt {
    private Fmt() {}

    /** What the report shows for a null. */
    static final String NONE = "—";

    static final String MISSING = "缺 missing";

    /** 0.978049 → "97.80%" (decimals after the point of the percentage). */
    static String percent(BigDecimal rate, int decimals) {
        return rate == null
                ? NONE
                : rate.movePointRight(2).setScale(decimals, RoundingMode.HALF_UP).toPlainString()
                        + "%";
    }

    /**
     * 0.98 → "98%", 0.025 → "2.5%", 0 → "0%": a target, floor or axis label, without trailing
     * zeros.
     */
    static String percentShort(BigDecimal rate) {
        return rate == null ? NONE : plain(rate.movePointRight(2)) + "%";
    }

    /** A change of a rate in percentage points, signed: 0.0123 → "+1.23". */
    static String points(BigDecimal change) {
        if (change == null) {
            return NONE;
        }
        BigDecimal p = change.movePointRight(2).setScale(2, RoundingMode.HALF_UP);
        return (p.signum() > 0 ? "+" : "") + p.toPlainString();
    }

    /** A composite score (0–100): 87.2512 → "87.25". */
    static String score(BigDecimal composite) {
        return composite == null
                ? NONE
                : composite.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** A count: 1203.000 → "1203". */
    static String count(BigDecimal n) {
        return n == null ? NONE : plain(n);
    }

    /** The value as the JSON prints it (for a title attribute); null → "null". */
    static String exact(BigDecimal v) {
        return v == null ? "null" : v.toPlainString();
    }

    static String plain(BigDecimal v) {
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }

    /** ">=" → "≥", "<=" → "≤". */
    static String direction(String d) {
        return d == null ? NONE : d.replace(">=", "≥").replace("<=", "≤");
    }

    static String directionText(String d) {
        return "<=".equals(d) ? "越低越好 lower is better" : "越高越好 higher is better";
    }

    /** A level in Chinese and English: "county" → "县 county". */
    static String level(String level) {
        String zh =
                switch (level == null ? "" : level) {
                    case "province" -> "省";
                    case "city" -> "市(州)";
                    case "county" -> "县(区)";
                    case "township" -> "乡镇";
                    case "village" -> "村";
                    default -> "";
                };
        return zh.isEmpty() ? String.valueOf(level) : zh + " " + level;
    }
}
