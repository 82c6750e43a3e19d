package org.povlake.quality;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The report for the terminal: fixed-width, aligned by display width, the top problems only. */
public final class QualityText {
    private QualityText() {}

    /** Problems printed; the rest are in the HTML and JSON report. */
    public static final int TOP_PROBLEMS = 20;

    static final int TOP_REASONS = 3;

    public static String render(QualityReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("povlake data-quality report\n");
        sb.append("  generated ")
                .append(nz(r.generatedAt()))
                .append("  today ")
                .append(nz(r.today()))
                .append("  lakehouse ")
                .append(nz(r.lakehouse()))
                .append("  code ")
                .append(nz(r.codeVersion()))
                .append("\n\n");
        latest(r, sb);
        freshness(r, sb);
        signals(r, sb);
        problems(r, sb);
        return sb.toString();
    }

    private static void latest(QualityReport r, StringBuilder sb) {
        sb.append("Latest delivery per extract\n");
        TextTable t =
                new TextTable("llllrrrrrrl")
                        .row(
                                "extract",
                                "kind",
                                "as-of",
                                "status",
                                "read",
                                "accepted",
                                "quarantined",
                                "orphans",
                                "not reg.",
                                "silver",
                                "top reasons");
        for (AgencyQuality a : r.agencies()) {
            for (ExtractQuality e : a.extracts()) {
                DeliveryQuality d = e.latest();
                String name = a.source() + "/" + shortName(a.source(), e.extract());
                if (d == null) {
                    t.row(name, e.kind(), "-", "none", "", "", "", "", "", "", "no delivery");
                    continue;
                }
                String reasons =
                        DeliveryQuality.REJECTED.equals(d.status())
                                ? "rejected: " + nz(d.rejection())
                                : topReasons(d.quarantinedByReason());
                t.row(
                        name,
                        e.kind(),
                        d.asOfDate(),
                        d.status(),
                        n(d.rowsRead()),
                        n(d.rowsAccepted()),
                        n(d.rowsQuarantined()),
                        n(d.orphans()),
                        n(d.notRegistered()),
                        n(d.silverRows()),
                        reasons);
            }
        }
        sb.append(t.render("  ")).append('\n');
    }

    /** The three largest reasons as CODE×n (largest first, then reason order). */
    static String topReasons(Map<String, Long> byReason) {
        return byReason.entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(TOP_REASONS)
                .map(e -> e.getKey() + "×" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    private static void freshness(QualityReport r, StringBuilder sb) {
        sb.append("Freshness per agency\n");
        TextTable t =
                new TextTable("llrrll")
                        .row(
                                "source",
                                "latest as-of",
                                "days since",
                                "days behind newest",
                                "",
                                "agency");
        for (AgencyQuality a : r.agencies()) {
            String agency =
                    a.agency() == null || a.agency().isBlank()
                            ? Agencies.get().label(a.source())
                            : a.agency();
            boolean stale =
                    a.daysBehindNewestAgency() != null
                            && a.daysBehindNewestAgency() > Problems.STALE_DAYS;
            t.row(
                    a.source(),
                    a.latestAsOf() == null ? "never" : a.latestAsOf(),
                    n(a.daysSinceLatest()),
                    n(a.daysBehindNewestAgency()),
                    stale ? "STALE" : "",
                    agency);
        }
        sb.append(t.render("  ")).append('\n');
    }

    private static void signals(QualityReport r, StringBuilder sb) {
        sb.append("Consistency of the households snapshots\n");
        if (r.signals().isEmpty()) {
            sb.append("  no households snapshot\n\n");
            return;
        }
        TextTable t =
                new TextTable("lrrrrrr")
                        .row(
                                "as-of",
                                "households",
                                "size mismatch",
                                "member rows",
                                "in >1 household",
                                "registry-health compared",
                                "disagree");
        for (SnapshotSignals s : r.signals()) {
            t.row(
                    s.asOfDate(),
                    n(s.households()),
                    n(s.sizeMismatchHouseholds()),
                    n(s.memberRows()),
                    n(s.personsInMultipleHouseholds()),
                    n(s.registryHealthCompared()),
                    n(s.registryHealthDisagree()));
        }
        sb.append(t.render("  ")).append('\n');
    }

    private static void problems(QualityReport r, StringBuilder sb) {
        List<Problem> ps = r.problems();
        sb.append("Problems: ")
                .append(count(ps, Problem.ERROR))
                .append(" errors, ")
                .append(count(ps, Problem.WARNING))
                .append(" warnings, ")
                .append(count(ps, Problem.INFO))
                .append(" info")
                .append(ps.size() > TOP_PROBLEMS ? " (top " + TOP_PROBLEMS + ")" : "")
                .append('\n');
        if (ps.isEmpty()) {
            sb.append("  none\n");
            return;
        }
        TextTable t = new TextTable("lllrl").row("severity", "file", "rule", "count", "examples");
        for (Problem p : ps.subList(0, Math.min(TOP_PROBLEMS, ps.size()))) {
            t.row(p.severity(), where(p), p.rule(), n(p.count()), String.join(", ", p.examples()));
        }
        sb.append(t.render("  "));
        if (ps.size() > TOP_PROBLEMS) {
            sb.append("  … ")
                    .append(ps.size() - TOP_PROBLEMS)
                    .append(" more in the HTML/JSON report\n");
        }
    }

    /** The file, else the extract and as-of date, else the agency. */
    static String where(Problem p) {
        if (p.sourceFile() != null) {
            return p.sourceFile();
        }
        if (p.extract() != null) {
            return p.extract() + (p.asOfDate() == null ? "" : " @ " + p.asOfDate());
        }
        return p.source() + " (all extracts)";
    }

    static String shortName(String source, String extract) {
        return extract != null && source != null && extract.startsWith(source + "_")
                ? extract.substring(source.length() + 1)
                : nz(extract);
    }

    private static long count(List<Problem> ps, String severity) {
        return ps.stream().filter(p -> severity.equals(p.severity())).count();
    }

    private static String n(Long v) {
        return v == null ? "" : String.format(Locale.ROOT, "%,d", v);
    }

    private static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    private static String nz(String s) {
        return s == null ? "-" : s;
    }
}
