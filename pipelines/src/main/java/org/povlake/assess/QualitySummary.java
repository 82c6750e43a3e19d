package org.povlake.assess;

import java.util.ArrayList;
import java.util.List;
import org.povlake.quality.Agencies;
import org.povlake.quality.AgencyQuality;
import org.povlake.quality.DeliveryQuality;
import org.povlake.quality.ExtractQuality;
import org.povlake.quality.Problem;
import org.povlake.quality.Problems;
import org.povlake.quality.QualityReport;

/**
 * The data quality of the inputs, summed up for the assessment: per agency its latest delivery and,
 * per extract, the rows of its latest delivery that counts (read, accepted, quarantined); then the
 * problems, without their examples (record numbers and keys belong in the data-quality report, not
 * here).
 */
public record QualitySummary(
        String generatedAt,
        String today,
        List<AgencyRow> agencies,
        List<ProblemRow> problems,
        long errors,
        long warnings,
        long infos) {

    /** latest: the extract's latest delivery that counts (null: none yet). */
    public record ExtractRow(
            String extract,
            String kind,
            String asOfDate,
            String status,
            Long read,
            Long accepted,
            Long quarantined) {}

    public record AgencyRow(
            String source,
            String label,
            String latestAsOf,
            Long daysBehindNewestAgency,
            boolean stale,
            long read,
            long accepted,
            long quarantined,
            List<ExtractRow> extracts) {}

    public record ProblemRow(
            String severity,
            String agency,
            String extract,
            String file,
            String asOfDate,
            String rule,
            long count,
            String action) {}

    static QualitySummary of(QualityReport q) {
        List<AgencyRow> agencies = new ArrayList<>();
        for (AgencyQuality a : q.agencies()) {
            List<ExtractRow> extracts = new ArrayList<>();
            long read = 0;
            long accepted = 0;
            long quarantined = 0;
            for (ExtractQuality e : a.extracts()) {
                DeliveryQuality d = e.latest();
                if (d == null) {
                    extracts.add(
                            new ExtractRow(e.extract(), e.kind(), null, null, null, null, null));
                    continue;
                }
                extracts.add(
                        new ExtractRow(
                                e.extract(),
                                e.kind(),
                                d.asOfDate(),
                                d.status(),
                                d.rowsRead(),
                                d.rowsAccepted(),
                                d.rowsQuarantined()));
                read += d.rowsRead();
                accepted += d.rowsAccepted();
                quarantined += d.rowsQuarantined();
            }
            boolean stale =
                    a.daysBehindNewestAgency() != null
                            && a.daysBehindNewestAgency() > Problems.STALE_DAYS;
            agencies.add(
                    new AgencyRow(
                            a.source(),
                            label(a),
                            a.latestAsOf(),
                            a.daysBehindNewestAgency(),
                            stale,
                            read,
                            accepted,
                            quarantined,
                            extracts));
        }
        List<ProblemRow> problems = new ArrayList<>();
        for (Problem p : q.problems()) {
            problems.add(
                    new ProblemRow(
                            p.severity(),
                            shortLabel(p.source()),
                            p.extract(),
                            p.sourceFile(),
                            p.asOfDate(),
                            p.rule(),
                            p.count(),
                            p.action()));
        }
        return new QualitySummary(
                q.generatedAt(),
                q.today(),
                agencies,
                problems,
                count(q, Problem.ERROR),
                count(q, Problem.WARNING),
                count(q, Problem.INFO));
    }

    private static String label(AgencyQuality a) {
        return a.agency() == null || a.agency().isBlank()
                ? Agencies.get().label(a.source())
                : a.agency();
    }

    /** The agency's Chinese name (the source code when unknown). */
    private static String shortLabel(String source) {
        if (source == null) {
            return "";
        }
        Agencies.Agency a = Agencies.get().bySource().get(source);
        return a == null ? source : a.name();
    }

    private static long count(QualityReport q, String severity) {
        return q.problems().stream().filter(p -> severity.equals(p.severity())).count();
    }
}
