package org.povlake.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the HTML template iterates over, grouped and precomputed so that the template only lays it
 * out.
 */
public final class HtmlView {
    private HtmlView() {}

    /**
     * The problems of one file (or of an extract or agency when no file applies), in report order.
     */
    public record FileFixes(String file, String extract, String asOfDate, List<Problem> problems) {}

    public record AgencyFixes(
            String source, String agency, long errors, long warnings, List<FileFixes> files) {}

    public record ExtractView(ExtractQuality extract, String shortName, TrendChart chart) {}

    public record AgencyView(
            AgencyQuality agency, String label, boolean stale, List<ExtractView> extracts) {}

    static String label(AgencyQuality a) {
        return a.agency() == null || a.agency().isBlank()
                ? Agencies.get().label(a.source())
                : a.agency();
    }

    static List<AgencyView> agencies(QualityReport r) {
        List<AgencyView> out = new ArrayList<>();
        for (AgencyQuality a : r.agencies()) {
            List<ExtractView> es = new ArrayList<>();
            for (ExtractQuality e : a.extracts()) {
                es.add(
                        new ExtractView(
                                e,
                                QualityText.shortName(a.source(), e.extract()),
                                TrendChart.of(e)));
            }
            boolean stale =
                    a.daysBehindNewestAgency() != null
                            && a.daysBehindNewestAgency() > Problems.STALE_DAYS;
            out.add(new AgencyView(a, label(a), stale, es));
        }
        return out;
    }

    /**
     * Problems grouped by agency (report order, then any other source) and by file (first
     * appearance).
     */
    static List<AgencyFixes> fixes(QualityReport r) {
        Map<String, String> labels = new LinkedHashMap<>();
        r.agencies().forEach(a -> labels.put(a.source(), label(a)));
        Map<String, Map<String, List<Problem>>> grouped = new LinkedHashMap<>();
        labels.keySet().forEach(s -> grouped.put(s, new LinkedHashMap<>()));
        for (Problem p : r.problems()) {
            String source = p.source() == null ? "" : p.source();
            grouped.computeIfAbsent(source, s -> new LinkedHashMap<>())
                    .computeIfAbsent(QualityText.where(p), w -> new ArrayList<>())
                    .add(p);
        }
        List<AgencyFixes> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<Problem>>> g : grouped.entrySet()) {
            List<FileFixes> files = new ArrayList<>();
            long errors = 0;
            long warnings = 0;
            for (Map.Entry<String, List<Problem>> f : g.getValue().entrySet()) {
                Problem first = f.getValue().get(0);
                files.add(
                        new FileFixes(f.getKey(), first.extract(), first.asOfDate(), f.getValue()));
                errors +=
                        f.getValue().stream()
                                .filter(p -> Problem.ERROR.equals(p.severity()))
                                .count();
                warnings +=
                        f.getValue().stream()
                                .filter(p -> Problem.WARNING.equals(p.severity()))
                                .count();
            }
            String label = labels.getOrDefault(g.getKey(), Agencies.get().label(g.getKey()));
            out.add(new AgencyFixes(g.getKey(), label, errors, warnings, files));
        }
        return out;
    }

    static Map<String, Long> severities(QualityReport r) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String s : List.of(Problem.ERROR, Problem.WARNING, Problem.INFO)) {
            m.put(s, r.problems().stream().filter(p -> s.equals(p.severity())).count());
        }
        return m;
    }
}
