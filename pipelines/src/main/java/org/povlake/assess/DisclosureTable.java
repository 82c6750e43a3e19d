package org.povlake.assess;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.povlake.contract.Catalogue;

/**
 * One year of the assessment at the published levels as the disclosure control sees it: every
 * region's true figures (gold's numerators, denominators, values, achievements, pillar scores and
 * composite) and what the release prints of them — which cells are hidden and why, which pillar
 * scores are hidden, whether the composite is printed, only its grade, or nothing, and the rank
 * printed. {@link DisclosureControl} decides the publication, {@link DisclosureAudit} checks it;
 * both work on this table on the driver (a published year is ~1,500 regions × 43 indicators).
 */
final class DisclosureTable {
    /** Why a cell is hidden. */
    enum Why {
        PRIMARY,
        COMPLEMENT,
        LINKED,
        AUDIT
    }

    /**
     * How a region's composite is published: the score (and grade and rank), the grade only, or
     * nothing.
     */
    enum Composite {
        EXACT,
        GRADE,
        HIDDEN
    }

    /**
     * One cell: a region × indicator, gold's figures and whether (and why) the release hides it.
     */
    static final class Item {
        final Region region;
        final String indicator;
        final BigDecimal numerator;
        final BigDecimal denominator;
        final BigDecimal value;
        final BigDecimal target;
        final Boolean met;
        final BigDecimal achievement;
        final BigDecimal change;
        final boolean stale;
        final boolean missing;
        Why hidden;

        Item(
                Region region,
                String indicator,
                BigDecimal numerator,
                BigDecimal denominator,
                BigDecimal value,
                BigDecimal target,
                Boolean met,
                BigDecimal achievement,
                BigDecimal change,
                boolean stale,
                boolean missing,
                boolean primary) {
            this.region = region;
            this.indicator = indicator;
            this.numerator = numerator;
            this.denominator = denominator;
            this.value = value;
            this.target = target;
            this.met = met;
            this.achievement = achievement;
            this.change = change;
            this.stale = stale;
            this.missing = missing;
            this.hidden = primary ? Why.PRIMARY : null;
        }

        boolean isHidden() {
            return hidden != null;
        }

        /**
         * A count with somebody in it: numerator printed and denominator > 0 (a 0/0 or missing cell
         * has none).
         */
        boolean counts() {
            return numerator != null && denominator != null && denominator.signum() > 0 && !missing;
        }

        /** 0/0: printed as zeros, nobody in it. */
        boolean empty() {
            return numerator != null && denominator != null && denominator.signum() == 0;
        }

        String key() {
            return region.code + "/" + indicator;
        }

        @Override
        public String toString() {
            return key();
        }
    }

    /**
     * One region with its cells (catalogue order of the rows read), pillar scores and composite.
     */
    static final class Region {
        final String code;
        final String name;
        final String level;
        final String parent;
        final BigDecimal composite;
        final String grade;
        final Integer rank;

        /** pillar → gold's score (null: no scored indicator with a value). */
        final Map<String, BigDecimal> pillars = new LinkedHashMap<>();

        /** pillar → the number of achievements its score averages. */
        final Map<String, Integer> scored = new HashMap<>();

        /** pillar → its weight. */
        final Map<String, BigDecimal> weights = new HashMap<>();

        final Map<String, Item> items = new LinkedHashMap<>();
        final List<Region> children = new ArrayList<>();

        /** Pillars whose score the release hides. */
        final TreeSet<String> hiddenPillars = new TreeSet<>();

        Composite published = Composite.EXACT;
        Integer publishedRank;

        Region(
                String code,
                String name,
                String level,
                String parent,
                BigDecimal composite,
                String grade,
                Integer rank) {
            this.code = code;
            this.name = name;
            this.level = level;
            this.parent = parent;
            this.composite = composite;
            this.grade = grade;
            this.rank = rank;
            this.publishedRank = rank;
        }

        Item item(String indicator) {
            return items.get(indicator);
        }

        @Override
        public String toString() {
            return code + " (" + name + ")";
        }
    }

    final int year;

    /**
     * Every published region, top-down (province, cities, counties, townships) and by code within a
     * level.
     */
    final Map<String, Region> regions;

    private DisclosureTable(int year, Map<String, Region> regions) {
        this.year = year;
        this.regions = regions;
    }

    Region region(String code) {
        return code == null ? null : regions.get(code);
    }

    Region parentOf(Region r) {
        return region(r.parent);
    }

    /** Every cell, region by region (top-down), in each region's order. */
    Iterable<Item> items() {
        List<Item> all = new ArrayList<>();
        regions.values().forEach(r -> all.addAll(r.items.values()));
        return all;
    }

    /**
     * The table of one year from gold's rows at the published levels: gold.indicators with a
     * boolean {@code primary} ({@link Suppression#flag}), gold.pillar_scores and
     * gold.region_scores. Indicators and pillars in catalogue order (ids the catalogue does not
     * know last, by id), as the assessment prints them.
     */
    static DisclosureTable of(
            int year,
            List<Row> indicators,
            List<Row> pillars,
            List<Row> scores,
            Catalogue catalogue) {
        List<Region> list = new ArrayList<>();
        for (Row s : scores) {
            list.add(
                    new Region(
                            s.getAs("region_code"),
                            s.getAs("region_name"),
                            s.getAs("region_level"),
                            s.getAs("parent_code"),
                            s.getAs("composite"),
                            s.getAs("grade"),
                            s.getAs("rank")));
        }
        list.sort(
                Comparator.comparing((Region r) -> Assessment.LEVELS_TOP_DOWN.indexOf(r.level))
                        .thenComparing(r -> r.code));
        Map<String, Region> regions = new LinkedHashMap<>();
        list.forEach(r -> regions.put(r.code, r));
        for (Region r : list) {
            Region p = regions.get(r.parent);
            if (p != null) {
                p.children.add(r);
            }
        }
        Map<String, Integer> pillarOrder = new HashMap<>();
        for (int i = 0; i < catalogue.pillars().size(); i++) {
            pillarOrder.put(catalogue.pillars().get(i).id(), i);
        }
        List<Row> sortedPillars = new ArrayList<>(pillars);
        sortedPillars.sort(
                Comparator.comparing(
                                (Row p) ->
                                        pillarOrder.getOrDefault(
                                                p.<String>getAs("pillar"), Integer.MAX_VALUE))
                        .thenComparing(p -> p.<String>getAs("pillar")));
        for (Row p : sortedPillars) {
            Region r = regions.get(p.<String>getAs("region_code"));
            if (r != null) {
                String pillar = p.getAs("pillar");
                r.pillars.put(pillar, p.getAs("score"));
                r.scored.put(pillar, p.<Integer>getAs("indicators_scored"));
                r.weights.put(pillar, p.getAs("weight"));
            }
        }
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < catalogue.indicators().size(); i++) {
            order.put(catalogue.indicators().get(i).id(), i);
        }
        List<Row> sorted = new ArrayList<>(indicators);
        sorted.sort(
                Comparator.comparing(
                                (Row i) ->
                                        order.getOrDefault(
                                                i.<String>getAs("indicator_id"), Integer.MAX_VALUE))
                        .thenComparing(i -> i.<String>getAs("indicator_id")));
        for (Row i : sorted) {
            Region r = regions.get(i.<String>getAs("region_code"));
            if (r != null) {
                String id = i.getAs("indicator_id");
                r.items.put(
                        id,
                        new Item(
                                r,
                                id,
                                i.getAs("numerator"),
                                i.getAs("denominator"),
                                i.getAs("value"),
                                i.getAs("target"),
                                i.getAs("met"),
                                i.getAs("achievement"),
                                i.getAs("change"),
                                Boolean.TRUE.equals(i.getAs("stale")),
                                Boolean.TRUE.equals(i.getAs("missing")),
                                Boolean.TRUE.equals(i.getAs("primary"))));
            }
        }
        return new DisclosureTable(year, regions);
    }
}
