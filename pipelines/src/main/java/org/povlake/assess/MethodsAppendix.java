package org.povlake.assess;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.povlake.contract.Catalogue;

/**
 * The methods appendix, generated from the catalogue the assessment used: every indicator with its
 * definition, target, direction, floor, pillar and lowest level; the pillar weights; the grades;
 * the MPI's cut-off and weights; the scoring rules; the inputs read (table → Delta version) and the
 * command that reproduces the assessment. The one model of the appendix: the HTML report ({@code
 * assessment_report.html.ftlh}) and the workbook's methods sheet ({@link AssessmentXlsx}) print its
 * text; the workbook writes targets, floors, weights and versions as numbers, from the exact values
 * beside the text.
 */
public record MethodsAppendix(
        String catalogueVersion,
        List<IndicatorRow> indicators,
        List<PillarRow> pillars,
        List<GradeRow> grades,
        List<String> rankedLevels,
        String mpiCutoff,
        List<WeightRow> mpiWeights,
        List<InputRow> inputs,
        String reproduce,
        String compositeFormula,
        List<String> scoring,
        String indicatorNotes) {

    /** targetValue, floorValue: the catalogue's exact rates (null: none). */
    public record IndicatorRow(
            String id,
            String nameZh,
            String nameEn,
            String definition,
            String target,
            String direction,
            String floor,
            String pillar,
            String lowestLevel,
            String counts,
            BigDecimal targetValue,
            BigDecimal floorValue) {}

    /**
     * share: the weight over the sum of the weights, as a percentage; weightValue: the weight
     * (null: none).
     */
    public record PillarRow(
            String id,
            String nameZh,
            String nameEn,
            String weight,
            String share,
            BigDecimal weightValue) {}

    /** range: "≥ 90", "< 60". */
    public record GradeRow(String range, String grade) {}

    public record WeightRow(String dimension, String weight) {}

    /** deltaVersion: the version read (null: none). */
    public record InputRow(String table, String version, Long deltaVersion) {}

    /** How the composite is computed, as the league table's note and the scoring rules print it. */
    static final String COMPOSITE =
            "100 × Σ(pillar weight × pillar score) / Σ(weights of the pillars with a score)";

    static MethodsAppendix of(AssessmentReport report) {
        Catalogue cat = report.catalogue();
        List<IndicatorRow> indicators = new ArrayList<>();
        for (Catalogue.Indicator i : cat.indicators()) {
            indicators.add(
                    new IndicatorRow(
                            i.id(),
                            i.nameZh(),
                            i.nameEn(),
                            i.definition(),
                            i.scored() ? Fmt.percentShort(i.target()) : Fmt.NONE,
                            Fmt.direction(i.direction()),
                            i.floor() == null ? Fmt.NONE : Fmt.percentShort(i.floor()),
                            i.pillar() == null ? Fmt.NONE : i.pillar(),
                            Fmt.level(i.lowestLevel()),
                            i.counts(),
                            i.target(),
                            i.floor()));
        }
        BigDecimal total =
                cat.pillars().stream()
                        .map(p -> p.weight() == null ? BigDecimal.ZERO : p.weight())
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<PillarRow> pillars = new ArrayList<>();
        for (Catalogue.Pillar p : cat.pillars()) {
            String share =
                    p.weight() == null || total.signum() == 0
                            ? Fmt.NONE
                            : Fmt.percent(p.weight().divide(total, 6, RoundingMode.HALF_UP), 1);
            pillars.add(
                    new PillarRow(
                            p.id(),
                            p.nameZh(),
                            p.nameEn(),
                            p.weight() == null ? Fmt.NONE : Fmt.plain(p.weight()),
                            share,
                            p.weight()));
        }
        List<GradeRow> grades = new ArrayList<>();
        BigDecimal lowest = null;
        for (Catalogue.Grade g : cat.grades()) {
            if (g.min() != null) {
                grades.add(new GradeRow("≥ " + Fmt.plain(g.min()), g.grade()));
                lowest = g.min();
            } else {
                grades.add(
                        new GradeRow(lowest == null ? "all" : "< " + Fmt.plain(lowest), g.grade()));
            }
        }
        List<WeightRow> weights = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> w : cat.mpiWeights().entrySet()) {
            weights.add(
                    new WeightRow(
                            AssessmentCharts.MPI_DIMENSIONS_ZH.getOrDefault(w.getKey(), "")
                                    + " "
                                    + w.getKey(),
                            Fmt.plain(w.getValue())));
        }
        List<InputRow> inputs = new ArrayList<>();
        Map<String, Long> in =
                new TreeMap<>(
                        report.assessment().inputs() == null
                                ? Map.of()
                                : report.assessment().inputs());
        in.forEach(
                (table, version) ->
                        inputs.add(
                                new InputRow(
                                        table,
                                        version == null ? Fmt.NONE : version.toString(),
                                        version)));
        Catalogue.Fraction k = cat.mpiCutoff();
        String cutoff = Fmt.plain(k.numerator()) + "/" + Fmt.plain(k.denominator());
        List<String> ranked = cat.rankedLevels().stream().map(Fmt::level).toList();
        return new MethodsAppendix(
                cat.version(),
                indicators,
                pillars,
                grades,
                ranked,
                cutoff,
                weights,
                inputs,
                "povlake assess --year " + report.assessment().year() + " --as-of manifest.json",
                COMPOSITE,
                scoring(ranked, cutoff, report.assessment().published()),
                NOTES);
    }

    /** What the marks of the indicator table mean. */
    static final String NOTES =
            "目标 target —: 不考核 reported, not scored (and no floor) · 板块 pillar — : MPI "
                    + "indicators, in no pillar · 下限 floor: the value that scores 0.";

    /** The scoring rules (METRICS.md "Scoring and the assessment"), one paragraph each. */
    static List<String> scoring(List<String> rankedLevels, String mpiCutoff, boolean published) {
        return List.of(
                "达成度 Achievement of a scored indicator with value v, target t and floor f: clamp((v − f) / (t − f), 0, "
                        + "1); the floor is the value that scores 0. This covers ≥ and ≤ indicators alike. 达标 met: "
                        + "v ≥ t (≥) or v ≤ t (≤).",
                "板块得分 Pillar score: the mean achievement of its scored indicators with a value at the region's level. "
                        + "An indicator whose input is missing (缺 missing) scores 0: withholding data never scores "
                        + "better than delivering bad data. A null value (denominator 0, stale year-keyed input) is left "
                        + "out.",
                "综合得分 Composite = "
                        + COMPOSITE
                        + "; null if no pillar has one. Rates are Σnumerator / Σdenominator "
                        + "over the region, never averages of rates.",
                "排名 Ranking: "
                        + String.join(", ", rankedLevels)
                        + " are ranked among their level (1 = best) on the "
                        + "rounded composite; ties share a rank and the next rank is skipped (1, 1, 3); a null composite "
                        + "is unranked."
                        + (published
                                ? " In this published report a pillar score with a suppressed "
                                        + "indicator in it is suppressed, a composite with a suppressed pillar score is shown as its "
                                        + "grade only when no value of the suppressed indicators could change the grade (otherwise not "
                                        + "at all), and regions are ranked among those whose composite is shown."
                                : ""),
                "多维贫困 MPI (Alkire–Foster, people-weighted over registered households): MPI-poor when the weighted "
                        + "deprivation score c ≥ k = "
                        + mpiCutoff
                        + "; H = share of people MPI-poor, A = their mean "
                        + "score, M0 = H·A; censored headcount = share of people MPI-poor and deprived in that "
                        + "dimension. MPI indicators are reported, not scored.");
    }
}
