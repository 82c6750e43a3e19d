package org.povlake.assess;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.povlake.contract.Catalogue;

/**
 * The charts of the report, as geometry for the template: the cities' composites (rank order), one
 * small chart per scored indicator (its value by city against the target), the province's scores
 * over the years and the province's MPI with its censored headcounts.
 */
public record AssessmentCharts(
        HBarChart composites,
        List<TargetChart> targets,
        LineChart trend,
        List<LegendItem> trendLegend,
        boolean singleYear,
        Mpi mpi) {

    public record TargetChart(
            String id,
            String nameZh,
            String nameEn,
            String direction,
            String target,
            BarChart chart) {}

    /** A line of the trend chart: its name, CSS class and its value in the assessed year. */
    public record LegendItem(String name, String css, Cell latest) {}

    /** H, A and M0 of the province, and the bar chart of H, A, M0 and every censored headcount. */
    public record Mpi(Cell h, Cell a, Cell m0, HBarChart chart) {}

    /** The MPI's dimensions in Chinese (the catalogue names them in English only). */
    static final Map<String, String> MPI_DIMENSIONS_ZH =
            Map.of(
                    "INCOME",
                    "收入",
                    "SCHOOLING",
                    "受教育程度",
                    "ATTENDANCE",
                    "适龄儿童就学",
                    "INSURANCE",
                    "基本医保",
                    "SERIOUS_ILLNESS",
                    "重病",
                    "HOUSING",
                    "住房安全",
                    "WATER",
                    "饮水安全",
                    "BROADBAND",
                    "宽带",
                    "TERMINAL",
                    "智能终端");

    static AssessmentCharts of(AssessmentReport report, List<RegionResult> citiesByRank) {
        Catalogue cat = report.catalogue();
        List<TargetChart> targets = new ArrayList<>();
        for (Catalogue.Indicator i : cat.indicators()) {
            if (i.scored() && i.existsAt("city")) {
                targets.add(
                        new TargetChart(
                                i.id(),
                                i.nameZh(),
                                i.nameEn(),
                                Fmt.direction(i.direction()),
                                Fmt.percentShort(i.target()),
                                target(i, citiesByRank)));
            }
        }
        List<AssessmentReport.YearPoint> years =
                report.provinceTrend() == null ? List.of() : report.provinceTrend();
        return new AssessmentCharts(
                composites(cat, citiesByRank),
                targets,
                trend(cat, years),
                legend(cat, years),
                years.size() == 1,
                mpi(cat, report.assessment().province()));
    }

    static HBarChart composites(Catalogue cat, List<RegionResult> cities) {
        List<HBarChart.Datum> data = new ArrayList<>();
        for (RegionResult c : cities) {
            String title =
                    c.name()
                            + " 综合得分 composite "
                            + Fmt.exact(c.composite())
                            + ", "
                            + c.grade()
                            + ", rank "
                            + (c.rank() == null ? Fmt.NONE : c.rank());
            data.add(
                    new HBarChart.Datum(
                            c.name(),
                            c.composite() == null ? null : c.composite().doubleValue(),
                            Fmt.score(c.composite()),
                            title,
                            AssessmentView.gradeCss(cat, c.grade()),
                            false));
        }
        List<HBarChart.Mark> guides = new ArrayList<>();
        for (Catalogue.Grade g : cat.grades()) {
            if (g.min() != null) {
                guides.add(
                        new HBarChart.Mark(
                                g.min().doubleValue(),
                                g.grade() + " " + Fmt.plain(g.min()),
                                "grade"));
            }
        }
        List<HBarChart.Mark> ticks = new ArrayList<>();
        for (int t = 0; t <= 100; t += 20) {
            ticks.add(new HBarChart.Mark(t, Integer.toString(t), "tick"));
        }
        return HBarChart.of(data, 100, guides, ticks);
    }

    static BarChart target(Catalogue.Indicator i, List<RegionResult> cities) {
        List<BarChart.Datum> data = new ArrayList<>();
        for (RegionResult c : cities) {
            IndicatorResult r = c.indicator(i.id());
            Cell v = Cell.value(r, 2, true);
            String text =
                    r != null && r.missing() ? "缺" : v.suppressed() ? Fmt.NONE + "*" : v.text();
            data.add(
                    new BarChart.Datum(
                            shortName(c.name()),
                            r == null || r.suppressed() ? null : r.value(),
                            text,
                            c.name()
                                    + ": "
                                    + v.text()
                                    + (r == null || r.value() == null
                                            ? ""
                                            : " (" + Fmt.exact(r.value()) + ")"),
                            v.css()));
        }
        return BarChart.of(data, i.target(), i.floor());
    }

    private static final List<String> SUFFIXES = List.of("回族自治州", "藏族自治州", "自治州", "地区", "市", "州");

    /** A city's name short enough for an axis: "嘉峪关市" → "嘉峪关", "临夏回族自治州" → "临夏". */
    static String shortName(String name) {
        if (name == null) {
            return "";
        }
        for (String s : SUFFIXES) {
            if (name.endsWith(s) && name.length() > s.length()) {
                name = name.substring(0, name.length() - s.length());
                break;
            }
        }
        return name.codePointCount(0, name.length()) > 4
                ? name.substring(0, name.offsetByCodePoints(0, 4))
                : name;
    }

    static LineChart trend(Catalogue cat, List<AssessmentReport.YearPoint> years) {
        List<String> labels = years.stream().map(y -> Integer.toString(y.year())).toList();
        List<LineChart.Data> data = new ArrayList<>();
        List<Double> composite = new ArrayList<>();
        List<String> compositeText = new ArrayList<>();
        for (AssessmentReport.YearPoint y : years) {
            BigDecimal c = y.province() == null ? null : y.province().composite();
            composite.add(c == null ? null : c.doubleValue());
            compositeText.add(Fmt.score(c));
        }
        data.add(new LineChart.Data("综合得分 composite", "s0", composite, compositeText));
        for (int k = 0; k < cat.pillars().size(); k++) {
            Catalogue.Pillar p = cat.pillars().get(k);
            List<Double> values = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (AssessmentReport.YearPoint y : years) {
                BigDecimal s = pillar(y.province(), p.id());
                values.add(s == null ? null : s.doubleValue() * 100);
                texts.add(Fmt.percent(s, 2));
            }
            data.add(new LineChart.Data(p.id() + " " + p.nameZh(), "s" + (k + 1), values, texts));
        }
        return LineChart.of(labels, data, 100, List.of(0.0, 20.0, 40.0, 60.0, 80.0, 100.0));
    }

    static List<LegendItem> legend(Catalogue cat, List<AssessmentReport.YearPoint> years) {
        RegionResult last = years.isEmpty() ? null : years.get(years.size() - 1).province();
        List<LegendItem> out = new ArrayList<>();
        out.add(
                new LegendItem(
                        "综合得分 Composite",
                        "s0",
                        Cell.score(last == null ? null : last.composite())));
        for (int k = 0; k < cat.pillars().size(); k++) {
            Catalogue.Pillar p = cat.pillars().get(k);
            out.add(
                    new LegendItem(
                            p.nameZh() + " " + p.nameEn(),
                            "s" + (k + 1),
                            Cell.percent(pillar(last, p.id()), 2)));
        }
        return out;
    }

    private static BigDecimal pillar(RegionResult r, String id) {
        return r == null || r.pillars() == null ? null : r.pillars().get(id);
    }

    static Mpi mpi(Catalogue cat, RegionResult province) {
        List<HBarChart.Datum> data = new ArrayList<>();
        double max = 0;
        boolean first = true;
        for (Catalogue.Indicator i : cat.indicators()) {
            if (!i.id().startsWith("MPI_")) {
                continue;
            }
            boolean headcount = i.id().startsWith("MPI_CH_");
            IndicatorResult r = province == null ? null : province.indicator(i.id());
            Cell v = Cell.value(r, 2, false);
            BigDecimal value = r == null || r.suppressed() ? null : r.value();
            max = value == null ? max : Math.max(max, value.doubleValue());
            String label = headcount ? dimensionLabel(i) : i.nameZh() + " " + i.id().substring(4);
            data.add(
                    new HBarChart.Datum(
                            label,
                            value == null ? null : value.doubleValue(),
                            v.text() + (v.suppressed() ? "*" : ""),
                            i.nameZh() + " " + i.nameEn() + ": " + v.title(),
                            headcount ? "mpi-ch" : "mpi-main",
                            headcount && first));
            first = first && !headcount;
        }
        BigDecimal top = Scale.niceCeil(max).signum() == 0 ? BigDecimal.ONE : Scale.niceCeil(max);
        List<HBarChart.Mark> ticks = new ArrayList<>();
        for (BigDecimal t : Scale.ticks(top)) {
            ticks.add(new HBarChart.Mark(t.doubleValue(), Fmt.percentShort(t), "tick"));
        }
        return new Mpi(
                mpiCell(province, "MPI_H"),
                mpiCell(province, "MPI_A"),
                mpiCell(province, "MPI_M0"),
                HBarChart.of(data, top.doubleValue(), List.of(), ticks));
    }

    private static Cell mpiCell(RegionResult province, String id) {
        return Cell.value(province == null ? null : province.indicator(id), 2, false);
    }

    /** "删失 收入 income" for MPI_CH_INCOME. */
    static String dimensionLabel(Catalogue.Indicator i) {
        String dim = i.id().substring("MPI_CH_".length());
        String en =
                i.nameEn() != null && i.nameEn().contains(": ")
                        ? i.nameEn().substring(i.nameEn().indexOf(": ") + 2)
                        : dim.toLowerCase(java.util.Locale.ROOT);
        return MPI_DIMENSIONS_ZH.getOrDefault(dim, dim) + " " + en;
    }
}
