package org.povlake.assess;

import org.povlake.contract.Catalogue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The methods appendix, generated from the catalogue the assessment used: every indicator with its definition,
 * target, direction, floor, pillar and lowest level; the pillar weights; the grades; the MPI's cut-off and
 * weights; the inputs read (table → Delta version) and the command that reproduces the assessment.
 */
public record MethodsAppendix(String catalogueVersion, List<IndicatorRow> indicators, List<PillarRow> pillars,
                              List<GradeRow> grades, List<String> rankedLevels, String mpiCutoff,
                              List<WeightRow> mpiWeights, List<InputRow> inputs, String reproduce) {

    public record IndicatorRow(String id, String nameZh, String nameEn, String definition, String target,
                               String direction, String floor, String pillar, String lowestLevel, String counts) {
    }

    /** share: the weight over the sum of the weights, as a percentage. */
    public record PillarRow(String id, String nameZh, String nameEn, String weight, String share) {
    }

    /** range: "≥ 90", "< 60". */
    public record GradeRow(String range, String grade) {
    }

    public record WeightRow(String dimension, String weight) {
    }

    public record InputRow(String table, String version) {
    }

    static MethodsAppendix of(AssessmentReport report) {
        Catalogue cat = report.catalogue();
        List<IndicatorRow> indicators = new ArrayList<>();
        for (Catalogue.Indicator i : cat.indicators()) {
            indicators.add(new IndicatorRow(i.id(), i.nameZh(), i.nameEn(), i.definition(),
                    i.scored() ? Fmt.percentShort(i.target()) : Fmt.NONE, Fmt.direction(i.direction()),
                    i.floor() == null ? Fmt.NONE : Fmt.percentShort(i.floor()), i.pillar() == null ? Fmt.NONE : i.pillar(),
                    Fmt.level(i.lowestLevel()), i.counts()));
        }
        BigDecimal total = cat.pillars().stream().map(p -> p.weight() == null ? BigDecimal.ZERO : p.weight())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<PillarRow> pillars = new ArrayList<>();
        for (Catalogue.Pillar p : cat.pillars()) {
            String share = p.weight() == null || total.signum() == 0 ? Fmt.NONE
                    : Fmt.percent(p.weight().divide(total, 6, RoundingMode.HALF_UP), 1);
            pillars.add(new PillarRow(p.id(), p.nameZh(), p.nameEn(),
                    p.weight() == null ? Fmt.NONE : Fmt.plain(p.weight()), share));
        }
        List<GradeRow> grades = new ArrayList<>();
        BigDecimal lowest = null;
        for (Catalogue.Grade g : cat.grades()) {
            if (g.min() != null) {
                grades.add(new GradeRow("≥ " + Fmt.plain(g.min()), g.grade()));
                lowest = g.min();
            } else {
                grades.add(new GradeRow(lowest == null ? "all" : "< " + Fmt.plain(lowest), g.grade()));
            }
        }
        List<WeightRow> weights = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> w : cat.mpiWeights().entrySet()) {
            weights.add(new WeightRow(AssessmentCharts.MPI_DIMENSIONS_ZH.getOrDefault(w.getKey(), "") + " "
                    + w.getKey(), Fmt.plain(w.getValue())));
        }
        List<InputRow> inputs = new ArrayList<>();
        Map<String, Long> in = new TreeMap<>(report.assessment().inputs() == null ? Map.of()
                : report.assessment().inputs());
        in.forEach((table, version) -> inputs.add(new InputRow(table, version == null ? Fmt.NONE : version.toString())));
        Catalogue.Fraction k = cat.mpiCutoff();
        return new MethodsAppendix(cat.version(), indicators, pillars, grades, cat.rankedLevels().stream()
                .map(Fmt::level).toList(), Fmt.plain(k.numerator()) + "/" + Fmt.plain(k.denominator()), weights,
                inputs, "povlake assess --year " + report.assessment().year() + " --as-of manifest.json");
    }
}
