package org.povlake.assess;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.povlake.contract.Catalogue;
import org.povlake.gold.Scoring;

/**
 * A hand-built year for the disclosure control's tests: regions and their cells as gold would print
 * them (values, achievements, pillar scores, composites, grades and ranks computed by gold's {@link
 * Scoring} from the catalogue), primary cells flagged by the published rules unless a test says
 * otherwise.
 */
final class DisclosureFixture {
    static final Catalogue CATALOGUE = Catalogue.get();
    static final PublicationRules RULES = PublicationRules.get();

    private record Region(String code, String level, String parent) {}

    private record CellSpec(
            String region,
            String id,
            BigDecimal n,
            BigDecimal d,
            boolean missing,
            Boolean primary,
            BigDecimal change) {}

    private final Map<String, Region> regions = new LinkedHashMap<>();
    private final List<CellSpec> cells = new ArrayList<>();

    DisclosureFixture region(String code, String level, String parent) {
        regions.put(code, new Region(code, level, parent));
        return this;
    }

    /** A cell whose primary flag the published rules decide. */
    DisclosureFixture cell(String region, String id, String n, String d) {
        cells.add(
                new CellSpec(region, id, new BigDecimal(n), new BigDecimal(d), false, null, null));
        return this;
    }

    /** A cell with its primary flag given (to build a pattern the rules alone would not). */
    DisclosureFixture cell(String region, String id, String n, String d, boolean primary) {
        cells.add(
                new CellSpec(
                        region, id, new BigDecimal(n), new BigDecimal(d), false, primary, null));
        return this;
    }

    /** A cell with a change from Y−1. */
    DisclosureFixture changed(String region, String id, String n, String d, String change) {
        cells.add(
                new CellSpec(
                        region,
                        id,
                        new BigDecimal(n),
                        new BigDecimal(d),
                        false,
                        null,
                        new BigDecimal(change)));
        return this;
    }

    DisclosureFixture missing(String region, String id) {
        cells.add(new CellSpec(region, id, null, null, true, false, null));
        return this;
    }

    static final StructType INDICATORS =
            new StructType()
                    .add("region_code", DataTypes.StringType)
                    .add("indicator_id", DataTypes.StringType)
                    .add("numerator", DataTypes.createDecimalType(38, 4))
                    .add("denominator", DataTypes.createDecimalType(38, 4))
                    .add("value", DataTypes.createDecimalType(38, 6))
                    .add("target", DataTypes.createDecimalType(38, 6))
                    .add("met", DataTypes.BooleanType)
                    .add("achievement", DataTypes.createDecimalType(38, 6))
                    .add("change", DataTypes.createDecimalType(38, 6))
                    .add("stale", DataTypes.BooleanType)
                    .add("missing", DataTypes.BooleanType)
                    .add("primary", DataTypes.BooleanType);
    static final StructType PILLARS =
            new StructType()
                    .add("region_code", DataTypes.StringType)
                    .add("pillar", DataTypes.StringType)
                    .add("score", DataTypes.createDecimalType(38, 6))
                    .add("indicators_scored", DataTypes.IntegerType)
                    .add("weight", DataTypes.createDecimalType(38, 6));
    static final StructType SCORES =
            new StructType()
                    .add("region_code", DataTypes.StringType)
                    .add("region_name", DataTypes.StringType)
                    .add("region_level", DataTypes.StringType)
                    .add("parent_code", DataTypes.StringType)
                    .add("composite", DataTypes.createDecimalType(38, 4))
                    .add("grade", DataTypes.StringType)
                    .add("rank", DataTypes.IntegerType);

    DisclosureTable table(int year) {
        List<Row> indicators = new ArrayList<>();
        Map<String, Map<String, BigDecimal[]>> pillarSums =
                new LinkedHashMap<>(); // region → pillar → {sum, n}
        for (CellSpec c : cells) {
            Catalogue.Indicator i = CATALOGUE.require(c.id());
            BigDecimal value = c.missing() ? null : Scoring.value(c.n(), c.d());
            BigDecimal achievement =
                    c.missing() && i.scored()
                            ? BigDecimal.ZERO.setScale(6)
                            : Scoring.achievement(value, i.target(), i.floor());
            boolean primary =
                    c.primary() != null
                            ? c.primary()
                            : !c.missing()
                                    && RULES.personal(CATALOGUE, c.id())
                                    && !RULES.follow().containsKey(c.id())
                                    && (c.d().compareTo(BigDecimal.valueOf(RULES.minDenominator()))
                                                    < 0
                                            || small(c.n())
                                            || small(c.d().subtract(c.n())));
            indicators.add(
                    new GenericRowWithSchema(
                            new Object[] {
                                c.region(),
                                c.id(),
                                c.n(),
                                c.d(),
                                value,
                                i.target(),
                                Scoring.met(value, i.target(), i.direction()),
                                achievement,
                                c.change(),
                                false,
                                c.missing(),
                                primary
                            },
                            INDICATORS));
            if (i.scored() && i.pillar() != null && (value != null || c.missing())) {
                BigDecimal[] s =
                        pillarSums
                                .computeIfAbsent(c.region(), r -> new LinkedHashMap<>())
                                .computeIfAbsent(
                                        i.pillar(),
                                        p -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                s[0] = s[0].add(achievement);
                s[1] = s[1].add(BigDecimal.ONE);
            }
        }
        List<Row> pillars = new ArrayList<>();
        Map<String, BigDecimal> composites = new LinkedHashMap<>();
        for (Region r : regions.values()) {
            BigDecimal weighted = BigDecimal.ZERO;
            BigDecimal weights = BigDecimal.ZERO;
            for (Catalogue.Pillar p : CATALOGUE.pillars()) {
                BigDecimal[] s = pillarSums.getOrDefault(r.code(), Map.of()).get(p.id());
                BigDecimal score = s == null ? null : Scoring.mean(s[0], s[1].intValue());
                pillars.add(
                        new GenericRowWithSchema(
                                new Object[] {
                                    r.code(),
                                    p.id(),
                                    score,
                                    s == null ? 0 : s[1].intValue(),
                                    p.weight()
                                },
                                PILLARS));
                if (score != null) {
                    weighted = weighted.add(p.weight().multiply(score));
                    weights = weights.add(p.weight());
                }
            }
            composites.put(r.code(), Scoring.composite(weighted, weights));
        }
        List<Row> scores = new ArrayList<>();
        for (Region r : regions.values()) {
            BigDecimal c = composites.get(r.code());
            Integer rank = null;
            if (c != null && CATALOGUE.rankedLevels().contains(r.level())) {
                int better = 0;
                for (Region o : regions.values()) {
                    BigDecimal oc = composites.get(o.code());
                    if (o.level().equals(r.level()) && oc != null && oc.compareTo(c) > 0) {
                        better++;
                    }
                }
                rank = better + 1;
            }
            scores.add(
                    new GenericRowWithSchema(
                            new Object[] {
                                r.code(),
                                r.code(),
                                r.level(),
                                r.parent(),
                                c,
                                CATALOGUE.grade(c),
                                rank
                            },
                            SCORES));
        }
        return DisclosureTable.of(year, indicators, pillars, scores, CATALOGUE);
    }

    private static boolean small(BigDecimal v) {
        return v.compareTo(BigDecimal.valueOf(RULES.smallMin())) >= 0
                && v.compareTo(BigDecimal.valueOf(RULES.smallMax())) <= 0;
    }

    /**
     * The release of a table as it stands (no control applied): hidden cells as flagged, scores as
     * gold has them.
     */
    static List<RegionResult> release(DisclosureTable t) {
        return DisclosureControl.release(t, null);
    }

    static DisclosureTable.Item item(DisclosureTable t, String region, String id) {
        return t.region(region).item(id);
    }
}
