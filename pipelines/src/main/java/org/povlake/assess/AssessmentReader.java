package org.povlake.assess;

import static org.apache.spark.sql.functions.col;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.povlake.contract.Catalogue;
import org.povlake.lake.TableSource;
import org.povlake.ops.Timings;

/**
 * Reads one year's assessment from gold (gold.indicators, gold.pillar_scores, gold.region_scores)
 * into the {@link Assessment} model; in published mode through {@link Suppression} and {@link
 * DisclosureControl}. Regions are ordered top-down by level, then by code; indicators in catalogue
 * order (ids the catalogue does not know last, by id).
 */
public final class AssessmentReader {
    public static final List<String> TABLES =
            List.of("gold.indicators", "gold.pillar_scores", "gold.region_scores");

    private final TableSource tables;
    private final Catalogue catalogue;
    private final PublicationRules rules;

    public AssessmentReader(TableSource tables, Catalogue catalogue, PublicationRules rules) {
        this.tables = tables;
        this.catalogue = catalogue;
        this.rules = rules;
    }

    /**
     * The years gold holds (any table of it), sorted (read once per reader: the tables are pinned).
     */
    public TreeSet<Integer> years() {
        if (years == null) {
            years = new TreeSet<>();
            if (tables.exists("gold.region_scores")) {
                tables.read("gold.region_scores")
                        .select("year")
                        .distinct()
                        .collectAsList()
                        .forEach(r -> years.add(r.getInt(0)));
            }
        }
        return new TreeSet<>(years);
    }

    private TreeSet<Integer> years;

    /**
     * The regions of year Y with their indicators; {@code published}: the release {@link
     * #publication} decided (no excluded levels, cells and scores hidden as the disclosure control
     * decided).
     */
    public List<RegionResult> regions(int year, boolean published) {
        if (published) {
            return publication(year).release();
        }
        Dataset<Row> indicators =
                tables.read("gold.indicators")
                        .where(col("year").equalTo(year))
                        .withColumn("suppressed", org.apache.spark.sql.functions.lit(false));
        Dataset<Row> scores = tables.read("gold.region_scores").where(col("year").equalTo(year));
        Dataset<Row> pillars = tables.read("gold.pillar_scores").where(col("year").equalTo(year));
        return assemble(indicators, scores, pillars);
    }

    /**
     * The published release of year Y: gold's rows at the published levels, the primary cells
     * flagged ({@link Suppression}), then {@link DisclosureControl} (with the release of Y−1,
     * decided the same way, for the changes) and its audit. Computed once per year and reader.
     */
    public DisclosureControl.Result publication(int year) {
        DisclosureControl.Result done = publications.get(year);
        if (done != null) {
            return done;
        }
        Object[] excluded = rules.excludedLevels().toArray();
        List<Row> indicators =
                Suppression.flag(
                                tables.read("gold.indicators").where(col("year").equalTo(year)),
                                rules,
                                catalogue)
                        .select(PUBLICATION_COLUMNS)
                        .collectAsList();
        List<Row> pillars =
                tables.read("gold.pillar_scores")
                        .where(
                                col("year")
                                        .equalTo(year)
                                        .and(
                                                org.apache.spark.sql.functions.not(
                                                        col("region_level").isin(excluded))))
                        .collectAsList();
        List<Row> scores =
                tables.read("gold.region_scores")
                        .where(
                                col("year")
                                        .equalTo(year)
                                        .and(
                                                org.apache.spark.sql.functions.not(
                                                        col("region_level").isin(excluded))))
                        .collectAsList();
        DisclosureControl.Result previous =
                years().contains(year - 1) ? publication(year - 1) : null;
        long t = System.nanoTime();
        DisclosureControl.Result result =
                new DisclosureControl(rules, catalogue)
                        .protect(
                                DisclosureTable.of(year, indicators, pillars, scores, catalogue),
                                previous);
        controlSeconds += Timings.since(t);
        publications.put(year, result);
        return result;
    }

    private final Map<Integer, DisclosureControl.Result> publications = new HashMap<>();
    private double controlSeconds;

    /**
     * Seconds the disclosure control and its audits took so far (every year decided, without
     * reading gold).
     */
    public double controlSeconds() {
        return controlSeconds;
    }

    /** What the disclosure control takes of a gold.indicators row. */
    private static final org.apache.spark.sql.Column[] PUBLICATION_COLUMNS = cellColumns("primary");

    /**
     * The province of every year ≤ Y gold holds, oldest first, with its composite, grade and pillar
     * scores (the trend; its indicators are in each year's own assessment, so they are not read
     * here). Published: as each year's release prints them.
     */
    public List<AssessmentReport.YearPoint> provinceTrend(int year, boolean published) {
        if (published) {
            List<AssessmentReport.YearPoint> points = new ArrayList<>();
            for (Integer y : years().headSet(year, true)) {
                publication(y).release().stream()
                        .filter(r -> r.level().equals("province"))
                        .findFirst()
                        .ifPresent(
                                p ->
                                        points.add(
                                                new AssessmentReport.YearPoint(
                                                        y,
                                                        new RegionResult(
                                                                p.code(),
                                                                p.name(),
                                                                p.level(),
                                                                p.parent(),
                                                                p.composite(),
                                                                p.grade(),
                                                                p.rank(),
                                                                p.pillars(),
                                                                List.of()))));
            }
            return points;
        }
        Dataset<Row> scores =
                tables.read("gold.region_scores")
                        .where(col("region_level").equalTo("province").and(col("year").leq(year)));
        Dataset<Row> pillars =
                tables.read("gold.pillar_scores")
                        .where(col("region_level").equalTo("province").and(col("year").leq(year)));
        Map<Integer, List<Row>> sc = byYear(scores.collectAsList());
        Map<Integer, List<Row>> pi = byYear(pillars.collectAsList());
        List<AssessmentReport.YearPoint> points = new ArrayList<>();
        for (Integer y : new TreeSet<>(sc.keySet())) {
            List<RegionResult> r = assemble(List.of(), sc.get(y), pi.getOrDefault(y, List.of()));
            if (!r.isEmpty()) {
                points.add(new AssessmentReport.YearPoint(y, r.get(0)));
            }
        }
        return points;
    }

    /** The catalogue version gold used for year Y (the one of its region scores). */
    public String catalogueVersion(int year) {
        List<Row> v =
                tables.read("gold.region_scores")
                        .where(col("year").equalTo(year))
                        .select("catalogue_version")
                        .distinct()
                        .orderBy("catalogue_version")
                        .collectAsList();
        return v.isEmpty() ? null : String.join(",", v.stream().map(r -> r.getString(0)).toList());
    }

    private List<RegionResult> assemble(
            Dataset<Row> indicators, Dataset<Row> scores, Dataset<Row> pillars) {
        return assemble(
                indicators.select(INDICATOR_COLUMNS).collectAsList(),
                scores.collectAsList(),
                pillars.select("region_code", "pillar", "score").collectAsList());
    }

    /** What the model takes of a gold.indicators row (the rest stays in Spark). */
    private static final org.apache.spark.sql.Column[] INDICATOR_COLUMNS =
            cellColumns("suppressed");

    /**
     * A gold.indicators cell's columns that the model and the disclosure control share, then one.
     */
    private static org.apache.spark.sql.Column[] cellColumns(String last) {
        return java.util.stream.Stream.of(
                        "region_code",
                        "indicator_id",
                        "numerator",
                        "denominator",
                        "value",
                        "target",
                        "met",
                        "achievement",
                        "change",
                        "stale",
                        "missing",
                        last)
                .map(org.apache.spark.sql.functions::col)
                .toArray(org.apache.spark.sql.Column[]::new);
    }

    private List<RegionResult> assemble(
            List<Row> indicatorRows, List<Row> scoreRows, List<Row> pillarRows) {
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < catalogue.indicators().size(); i++) {
            order.put(catalogue.indicators().get(i).id(), i);
        }
        Map<String, Integer> pillarOrder = new HashMap<>();
        for (int i = 0; i < catalogue.pillars().size(); i++) {
            pillarOrder.put(catalogue.pillars().get(i).id(), i);
        }
        Map<String, List<IndicatorResult>> byRegion = new HashMap<>();
        for (Row r : indicatorRows) {
            byRegion.computeIfAbsent(r.getAs("region_code"), k -> new ArrayList<>())
                    .add(
                            new IndicatorResult(
                                    r.getAs("indicator_id"),
                                    r.getAs("numerator"),
                                    r.getAs("denominator"),
                                    r.getAs("value"),
                                    r.getAs("target"),
                                    r.getAs("met"),
                                    r.getAs("achievement"),
                                    r.getAs("change"),
                                    Boolean.TRUE.equals(r.getAs("stale")),
                                    Boolean.TRUE.equals(r.getAs("missing")),
                                    Boolean.TRUE.equals(r.getAs("suppressed"))));
        }
        Comparator<IndicatorResult> byCatalogue =
                Comparator.comparing(
                                (IndicatorResult i) ->
                                        order.getOrDefault(i.id(), Integer.MAX_VALUE))
                        .thenComparing(IndicatorResult::id);
        Map<String, Map<String, BigDecimal>> pillarsByRegion = new HashMap<>();
        List<Row> sortedPillars = new ArrayList<>(pillarRows);
        sortedPillars.sort(
                Comparator.comparing(
                                (Row r) ->
                                        pillarOrder.getOrDefault(
                                                r.<String>getAs("pillar"), Integer.MAX_VALUE))
                        .thenComparing(r -> r.<String>getAs("pillar")));
        for (Row r : sortedPillars) {
            pillarsByRegion
                    .computeIfAbsent(r.getAs("region_code"), k -> new LinkedHashMap<>())
                    .put(r.getAs("pillar"), r.getAs("score"));
        }
        List<RegionResult> regions = new ArrayList<>(scoreRows.size());
        for (Row s : scoreRows) {
            String code = s.getAs("region_code");
            List<IndicatorResult> ind = byRegion.getOrDefault(code, new ArrayList<>());
            ind.sort(byCatalogue);
            regions.add(
                    new RegionResult(
                            code,
                            s.getAs("region_name"),
                            s.getAs("region_level"),
                            s.getAs("parent_code"),
                            s.getAs("composite"),
                            s.getAs("grade"),
                            s.getAs("rank"),
                            pillarsByRegion.getOrDefault(code, new LinkedHashMap<>()),
                            List.copyOf(ind)));
        }
        regions.sort(
                Comparator.comparing(
                                (RegionResult r) -> Assessment.LEVELS_TOP_DOWN.indexOf(r.level()))
                        .thenComparing(RegionResult::code));
        return regions;
    }

    private static Map<Integer, List<Row>> byYear(List<Row> rows) {
        Map<Integer, List<Row>> out = new HashMap<>();
        for (Row r : rows) {
            out.computeIfAbsent(r.<Integer>getAs("year"), k -> new ArrayList<>()).add(r);
        }
        return out;
    }
}
