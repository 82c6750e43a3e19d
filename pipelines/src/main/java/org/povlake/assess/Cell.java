package org.povlake.assess;

import java.math.BigDecimal;

/**
 * One printed value of the report: its text, the exact value behind it (a title attribute), its CSS
 * class ({@code met}, {@code notmet}, {@code missing}, {@code suppressed} or empty) and its
 * markers: suppressed in the published report (a footnote) and stale input.
 */
public record Cell(String text, String title, String css, boolean suppressed, boolean stale) {

    static final Cell NONE = new Cell(Fmt.NONE, "", "", false, false);
    static final Cell SUPPRESSED =
            new Cell(Fmt.NONE, "suppressed (published)", "suppressed", true, false);

    static Cell of(String text, String title) {
        return new Cell(text, title, "", false, false);
    }

    /** A composite score. */
    static Cell score(BigDecimal composite) {
        return composite == null ? NONE : of(Fmt.score(composite), Fmt.exact(composite));
    }

    /** A rate or an achievement as a percentage (decimals of the percentage). */
    static Cell percent(BigDecimal rate, int decimals) {
        return rate == null ? NONE : of(Fmt.percent(rate, decimals), Fmt.exact(rate));
    }

    /** A target or floor: "98%". */
    static Cell target(BigDecimal target) {
        return target == null ? NONE : of(Fmt.percentShort(target), Fmt.exact(target));
    }

    /** A rank: "1". */
    static Cell rank(Integer rank) {
        return rank == null ? NONE : of(rank.toString(), rank.toString());
    }

    /**
     * The value of an indicator: missing → "缺 missing", suppressed → "—" with its marker, a null
     * value (a zero denominator, a null-and-stale rule) → "—"; coloured by met when {@code colour}.
     */
    static Cell value(IndicatorResult r, int decimals, boolean colour) {
        if (r == null) {
            return NONE;
        }
        if (r.missing()) {
            return new Cell(Fmt.MISSING, "missing input", "missing", false, r.stale());
        }
        if (r.suppressed()) {
            return r.stale()
                    ? new Cell(Fmt.NONE, SUPPRESSED.title(), "suppressed", true, true)
                    : SUPPRESSED;
        }
        String css = !colour || r.met() == null ? "" : r.met() ? "met" : "notmet";
        String title =
                "value "
                        + Fmt.exact(r.value())
                        + " = "
                        + Fmt.count(r.numerator())
                        + " / "
                        + Fmt.count(r.denominator());
        return new Cell(
                r.value() == null ? Fmt.NONE : Fmt.percent(r.value(), decimals),
                title,
                css,
                false,
                r.stale());
    }

    /** met / not met: "达标 met", "未达标 not met", or "—". */
    static Cell met(IndicatorResult r) {
        if (r == null || r.met() == null) {
            return NONE;
        }
        return r.met()
                ? new Cell("达标 met", "true", "met", false, false)
                : new Cell("未达标 not met", "false", "notmet", false, false);
    }

    /** The achievement (0–1) as a percentage; a missing indicator's is 0. */
    static Cell achievement(IndicatorResult r) {
        if (r != null && r.suppressed()) {
            return SUPPRESSED;
        }
        return r == null ? NONE : percent(r.achievement(), 1);
    }

    /** The change from Y−1 in percentage points. */
    static Cell change(IndicatorResult r) {
        if (r != null && r.suppressed()) {
            return SUPPRESSED;
        }
        return r == null || r.change() == null
                ? NONE
                : of(Fmt.points(r.change()), Fmt.exact(r.change()));
    }
}
