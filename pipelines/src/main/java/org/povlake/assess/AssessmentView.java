package org.povlake.assess;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.povlake.contract.Catalogue;

/**
 * What the HTML template lays out, section by section, computed here so that the template only
 * iterates: the header, the province against the targets, the league of the cities, the charts, a
 * page per city, the data quality of the inputs and the methods appendix. Every list keeps the
 * assessment's order, except the league tables, which are in rank order (ties and unranked regions
 * keep the assessment's order).
 */
public record AssessmentView(
        Header header,
        List<IndicatorRow> scored,
        List<IndicatorRow> unscored,
        List<Catalogue.Pillar> pillars,
        List<ScoreRow> league,
        ScoreRow province,
        AssessmentCharts charts,
        List<CityPage> cities,
        QualitySummary quality,
        MethodsAppendix methods) {

    public record Header(
            int year,
            String generatedAt,
            String codeVersion,
            String catalogueVersion,
            boolean published,
            String footnoteZh,
            String footnoteEn,
            int suppressedCells,
            String provinceName,
            Cell composite,
            String grade,
            long met,
            long notMet,
            long scored) {}

    /** A marker of an indicator: stale, missing, suppressed or no value. */
    public record Flag(String text, String css) {}

    /** One indicator of the province. */
    public record IndicatorRow(
            String id,
            String nameZh,
            String nameEn,
            Cell value,
            Cell target,
            String direction,
            String directionText,
            Cell met,
            Cell achievement,
            Cell change,
            List<Flag> flags) {}

    /** A region's scores: a row of a league table. */
    public record ScoreRow(
            Cell rank,
            String code,
            String name,
            Cell composite,
            String grade,
            String gradeCss,
            List<Cell> pillars) {}

    /**
     * A scored indicator across a city and its counties (the counties in the order of their table).
     */
    public record IndicatorLine(
            String id,
            String nameZh,
            String nameEn,
            String direction,
            Cell target,
            Cell city,
            List<Cell> counties) {}

    public record CityPage(
            ScoreRow city, int cities, List<ScoreRow> counties, List<IndicatorLine> lines) {}

    public static AssessmentView of(AssessmentReport report) {
        Assessment a = report.assessment();
        Catalogue cat = report.catalogue();
        RegionResult province = a.province();
        List<IndicatorRow> scored = new ArrayList<>();
        List<IndicatorRow> unscored = new ArrayList<>();
        for (Catalogue.Indicator i : cat.indicators()) {
            if (i.existsAt("province")) {
                (i.scored() ? scored : unscored)
                        .add(row(i, province == null ? null : province.indicator(i.id())));
            }
        }
        List<RegionResult> cities = ranked(a.atLevel("city").toList());
        List<CityPage> pages = new ArrayList<>();
        for (RegionResult city : a.atLevel("city").toList()) {
            pages.add(
                    page(
                            cat,
                            city,
                            ranked(
                                    a.childrenOf(city.code())
                                            .filter(r -> r.level().equals("county"))
                                            .toList()),
                            cities.size()));
        }
        return new AssessmentView(
                header(report, province, scored),
                scored,
                unscored,
                cat.pillars(),
                cities.stream().map(c -> scores(cat, c)).toList(),
                province == null ? null : scores(cat, province),
                AssessmentCharts.of(report, cities),
                pages,
                report.quality() == null ? null : QualitySummary.of(report.quality()),
                MethodsAppendix.of(report));
    }

    /** Rank order (1 first), unranked last; ties, and the unranked, by region code. */
    static List<RegionResult> ranked(List<RegionResult> regions) {
        return regions.stream()
                .sorted(
                        Comparator.comparing(
                                        RegionResult::rank,
                                        Comparator.nullsLast(Comparator.<Integer>naturalOrder()))
                                .thenComparing(RegionResult::code))
                .toList();
    }

    private static Header header(
            AssessmentReport report, RegionResult province, List<IndicatorRow> scored) {
        Assessment a = report.assessment();
        long met = scored.stream().filter(r -> r.met().css().equals("met")).count();
        long notMet = scored.stream().filter(r -> r.met().css().equals("notmet")).count();
        return new Header(
                a.year(),
                a.generatedAt(),
                a.codeVersion(),
                a.catalogueVersion(),
                a.published(),
                report.footnoteZh(),
                report.footnoteEn(),
                report.suppressedCells(),
                province == null ? null : province.name(),
                Cell.score(province == null ? null : province.composite()),
                province == null ? null : province.grade(),
                met,
                notMet,
                scored.size());
    }

    private static IndicatorRow row(Catalogue.Indicator i, IndicatorResult r) {
        List<Flag> flags = new ArrayList<>();
        if (r != null && r.stale()) {
            flags.add(new Flag("陈旧 stale", "stale"));
        }
        if (r != null && r.missing()) {
            flags.add(new Flag(Fmt.MISSING, "missing"));
        }
        if (r != null && r.suppressed()) {
            flags.add(new Flag("不公布 suppressed", "suppressed"));
        }
        if (r == null || (r.value() == null && !r.missing() && !r.suppressed())) {
            flags.add(new Flag("无值 no value", "novalue"));
        }
        BigDecimal target = r != null && r.target() != null ? r.target() : i.target();
        return new IndicatorRow(
                i.id(),
                i.nameZh(),
                i.nameEn(),
                Cell.value(r, 2, i.scored()),
                Cell.target(target),
                Fmt.direction(i.direction()),
                Fmt.directionText(i.direction()),
                Cell.met(r),
                Cell.achievement(r),
                Cell.change(r),
                flags);
    }

    static ScoreRow scores(Catalogue cat, RegionResult r) {
        List<Cell> pillars = new ArrayList<>();
        for (Catalogue.Pillar p : cat.pillars()) {
            pillars.add(Cell.percent(r.pillars() == null ? null : r.pillars().get(p.id()), 1));
        }
        return new ScoreRow(
                Cell.rank(r.rank()),
                r.code(),
                r.name(),
                Cell.score(r.composite()),
                Objects.requireNonNullElse(r.grade(), Fmt.NONE),
                gradeCss(cat, r.grade()),
                pillars);
    }

    /** grade-0 for the best grade of the catalogue, grade-1 for the next…; empty for none. */
    static String gradeCss(Catalogue cat, String grade) {
        for (int k = 0; k < cat.grades().size(); k++) {
            if (cat.grades().get(k).grade().equals(grade)) {
                return "grade-" + k;
            }
        }
        return "";
    }

    private static CityPage page(
            Catalogue cat, RegionResult city, List<RegionResult> counties, int cityCount) {
        List<IndicatorLine> lines = new ArrayList<>();
        for (Catalogue.Indicator i : cat.indicators()) {
            if (!i.scored() || !i.existsAt("county")) {
                continue;
            }
            List<Cell> cells = new ArrayList<>();
            for (RegionResult c : counties) {
                cells.add(Cell.value(c.indicator(i.id()), 1, true));
            }
            lines.add(
                    new IndicatorLine(
                            i.id(),
                            i.nameZh(),
                            i.nameEn(),
                            Fmt.direction(i.direction()),
                            Cell.target(i.target()),
                            Cell.value(city.indicator(i.id()), 1, true),
                            cells));
        }
        return new CityPage(
                scores(cat, city),
                cityCount,
                counties.stream().map(c -> scores(cat, c)).toList(),
                lines);
    }
}
