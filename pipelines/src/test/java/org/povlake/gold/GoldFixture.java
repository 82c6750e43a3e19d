package org.povlake.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.povlake.contract.Catalogue;
import org.povlake.contract.Contract;
import org.povlake.gold.YearFrames.Frame;
import org.povlake.lake.LakeSchemas;
import org.povlake.testing.TestSpark;

/**
 * A tiny hand-built silver for gold's given/expected tests: a made-up reference of two cities (see
 * {@link #REGIONS}) and, per test, a few rows of the silver tables an indicator reads; every other
 * table is empty. Rows are given as SQL ({@code SELECT … FROM VALUES …}) with only the columns that
 * matter; the rest are null.
 *
 * <pre>
 * 62 province
 * ├── 6201 city ── 620102 county ─┬── 620102100 镇 (township) ─┬── 620102100201 admin village  "V1"
 * │                               │                             ├── 620102100202 admin village  "V2"
 * │                               │                             └── 620102100001 community (居委会) "C1"
 * │                               └── 620102001 街道 (not a township) ── 620102001201 admin village "V3"
 * └── 6202 city ── 620201 county ───── 620201200 乡 (township) ─── 620201200201 admin village  "V4"
 * </pre>
 */
public final class GoldFixture {
    public static final SparkSession SPARK = TestSpark.get();
    public static final String V1 = "620102100201";
    public static final String V2 = "620102100202";
    public static final String C1 = "620102100001";
    public static final String V3 = "620102001201";
    public static final String V4 = "620201200201";
    public static final String T1 = "620102100";
    public static final String STREET = "620102001";
    public static final String T2 = "620201200";
    public static final String COUNTY1 = "620102";
    public static final String COUNTY2 = "620201";
    public static final String CITY1 = "6201";
    public static final String CITY2 = "6202";
    public static final String PROVINCE = "62";

    static final String REGIONS =
            "SELECT * FROM VALUES"
                    + " ('62', 'province', '甘肃省', NULL, NULL, NULL, NULL, 'province', false, false),"
                    + " ('6201', 'city', '甲市', '62', '6201', NULL, NULL, 'city', false, false),"
                    + " ('6202', 'city', '乙市', '62', '6202', NULL, NULL, 'city', false, false),"
                    + " ('620102', 'county', '甲区', '6201', '6201', '620102', NULL, 'district', false, false),"
                    + " ('620201', 'county', '乙县', '6202', '6202', '620201', NULL, 'county', false, false),"
                    + " ('620102100', 'township', '甲镇', '620102', '6201', '620102', '620102100', 'town', true, false),"
                    + " ('620102001', 'township', '甲街道', '620102', '6201', '620102', '620102001', 'street', false, false),"
                    + " ('620201200', 'township', '乙乡', '620201', '6202', '620201', '620201200', 'township', true, false),"
                    + " ('620102100201', 'village', '一村', '620102100', '6201', '620102', '620102100', 'village', false, true),"
                    + " ('620102100202', 'village', '二村', '620102100', '6201', '620102', '620102100', 'village', false, true),"
                    + " ('620102100001', 'village', '一社区', '620102100', '6201', '620102', '620102100', 'community', false, false),"
                    + " ('620102001201', 'village', '三村', '620102001', '6201', '620102', '620102001', 'village', false, true),"
                    + " ('620201200201', 'village', '四村', '620201200', '6202', '620201', '620201200', 'village', false, true)"
                    + " AS t(region_code, region_level, region_name, parent_code, city_code, county_code, township_code,"
                    + " unit_type, is_township, is_admin_village)";

    /** The silver tables given, by name (and the two frames given on their own). */
    private final Map<String, Dataset<Row>> tables = new HashMap<>();

    private final int year;
    private final Map<String, LocalDate> snapshots = new TreeMap<>();
    private final Set<String> events = new TreeSet<>();
    private LocalDate householdsPrevious;
    private boolean insuranceHasYear = true;
    private boolean enrollmentHasYear = true;
    private Catalogue catalogue = Catalogue.get();
    private BigDecimal line;

    /**
     * Year Y with every extract delivered on Y-12-31 (none stale, none missing) and the households
     * of Y−1 delivered on (Y−1)-12-31; the poverty line of schemas/poverty_lines.json.
     */
    public GoldFixture(int year) {
        this.year = year;
        this.line = org.povlake.contract.PovertyLines.load().line(year);
        Contract.get()
                .extracts()
                .forEach(
                        (name, schema) -> {
                            if (schema.isSnapshot()) {
                                snapshots.put(name, LocalDate.of(year, 12, 31));
                            } else {
                                events.add(name);
                            }
                        });
        householdsPrevious = LocalDate.of(year - 1, 12, 31);
    }

    /**
     * Rows of silver table {@code table} (e.g. "silver.households"): a SQL query giving some of its
     * columns; the others are null. Snapshot tables need no snapshot_date: the fixture's frames
     * already are the snapshot of Y.
     */
    public GoldFixture with(String table, String sql) {
        tables.put(table, silver(table, sql));
        return this;
    }

    /** The households of Y−1 (silver.households rows), for TARGET_RETURN_TO_POVERTY. */
    public GoldFixture withPrevious(String sql) {
        tables.put("previous", silver("silver.households", sql));
        return this;
    }

    /** Every shops snapshot up to Y-12-31 (with snapshot_date), for placing orders. */
    public GoldFixture withShopsUpToY(String sql) {
        tables.put("shopsUpToY", silver("silver.shops", sql));
        return this;
    }

    /**
     * The snapshot of Y of an extract is dated {@code d} (stale if before Y-01-01); null = not
     * delivered.
     */
    public GoldFixture snapshot(String extract, LocalDate d) {
        if (d == null) {
            snapshots.remove(extract);
        } else {
            snapshots.put(extract, d);
        }
        return this;
    }

    /** An event extract never delivered. */
    public GoldFixture noEvents(String extract) {
        events.remove(extract);
        return this;
    }

    public GoldFixture householdsPrevious(LocalDate d) {
        householdsPrevious = d;
        return this;
    }

    public GoldFixture yearKeyed(boolean insurance, boolean enrollment) {
        insuranceHasYear = insurance;
        enrollmentHasYear = enrollment;
        return this;
    }

    public GoldFixture catalogue(Catalogue c) {
        catalogue = c;
        return this;
    }

    public GoldFixture povertyLine(BigDecimal l) {
        line = l;
        return this;
    }

    public YearInputs inputs() {
        return new YearInputs(
                year, snapshots, householdsPrevious, events, insuranceHasYear, enrollmentHasYear);
    }

    /**
     * Every frame of the year: a table given with {@link #with} for each frame read from it, except
     * the ones given on their own (the households of Y−1, the shops up to Y), the regions of {@link
     * #REGIONS}, and an empty table for the rest.
     */
    public YearFrames frames() {
        Map<Frame, Dataset<Row>> frames = new EnumMap<>(Frame.class);
        for (Frame f : Frame.values()) {
            frames.put(f, get(f.table()));
        }
        frames.put(Frame.REGIONS, SPARK.sql(REGIONS));
        frames.put(
                Frame.HOUSEHOLDS_PREVIOUS,
                tables.getOrDefault("previous", empty("silver.households")));
        frames.put(Frame.SHOPS_UP_TO_Y, tables.getOrDefault("shopsUpToY", get("silver.shops")));
        return YearFrames.of(frames, snapshots.get(YearInputs.HOUSEHOLDS));
    }

    /** Computes the year (no previous values unless given). */
    public GoldYear.Output compute() {
        return compute(empty("gold.indicators").select("region_code", "indicator_id", "value"));
    }

    public GoldYear.Output compute(Dataset<Row> previous) {
        return GoldYear.compute(
                frames(), inputs(), catalogue, line, previous, new Checkpoints(null));
    }

    /** {@link MemberFacts#of} over the fixture's frames. */
    public Dataset<Row> memberFacts() {
        YearFrames f = frames();
        return MemberFacts.of(
                HouseholdFacts.registered(f.get(Frame.HOUSEHOLDS)),
                f.get(Frame.MEMBERS),
                f.get(Frame.ENROLLMENT),
                f.get(Frame.INSURANCE),
                f.get(Frame.TRAINING),
                year);
    }

    /** {@link HouseholdFacts#of} over the fixture's frames. */
    public Dataset<Row> householdFacts() {
        YearFrames f = frames();
        return HouseholdFacts.of(
                HouseholdFacts.registered(f.get(Frame.HOUSEHOLDS)),
                memberFacts(),
                f.get(Frame.ASSISTANCE),
                f.get(Frame.CLAIMS),
                f.get(Frame.SHOPS),
                f.get(Frame.LINKS),
                catalogue,
                year,
                line);
    }

    /**
     * Rolls contributions up to the fixture's regions (every region × every catalogue indicator at
     * its levels) and adds the printed value: {@code region_code, region_level, indicator_id,
     * numerator, denominator, value}. Much faster than {@link #compute()}: use it to test one
     * indicator's definition.
     */
    public Dataset<Row> rollup(Facts facts) {
        Dataset<Row> dimension =
                Scores.dimension(SPARK, catalogue, inputs()).select("indicator_id", "lowest_rank");
        return Rollup.toRegions(facts, frames().get(Frame.REGIONS), dimension)
                .withColumn("value", Scoring.value(col("numerator"), col("denominator")))
                .select(
                        "region_code",
                        "region_level",
                        "indicator_id",
                        "numerator",
                        "denominator",
                        "value");
    }

    /** {@link #rollup} of per-unit measures summed by {@code village_code}. */
    public Dataset<Row> rollup(Dataset<Row> units, List<Measure> measures) {
        return rollup(Facts.direct(Facts.sumByPlace(units, col("village_code"), measures)));
    }

    private Dataset<Row> get(String table) {
        return tables.getOrDefault(table, empty(table));
    }

    static Dataset<Row> empty(String table) {
        return SPARK.createDataFrame(List.of(), LakeSchemas.schema(table));
    }

    /**
     * Conforms a partial frame to a silver table's schema: missing columns are null, every column
     * cast.
     */
    static Dataset<Row> silver(String table, String sql) {
        Dataset<Row> given = SPARK.sql(sql);
        List<String> have = Arrays.asList(given.columns());
        List<Column> cols = new ArrayList<>();
        for (StructField f : LakeSchemas.schema(table).fields()) {
            Column c = have.contains(f.name()) ? col(f.name()) : lit(null);
            cols.add(c.cast(f.dataType()).as(f.name()));
        }
        for (String h : have) {
            if (LakeSchemas.schema(table).getFieldIndex(h).isEmpty()) {
                throw new IllegalArgumentException(table + " has no column " + h);
            }
        }
        return given.select(cols.toArray(new Column[0]));
    }

    /** One indicator row of the output: region × indicator. */
    public static Row row(GoldYear.Output out, String region, String indicator) {
        return row(out.indicators(), region, indicator);
    }

    /** One row of indicator rows (gold.indicators or {@link #rollup}): region × indicator. */
    public static Row row(Dataset<Row> indicators, String region, String indicator) {
        List<Row> rows =
                indicators
                        .where(
                                col("region_code")
                                        .equalTo(region)
                                        .and(col("indicator_id").equalTo(indicator)))
                        .collectAsList();
        assertEquals(1, rows.size(), "one row for " + region + " × " + indicator);
        return rows.get(0);
    }

    /** Asserts numerator, denominator and printed value (null = null) of region × indicator. */
    public static void assertIndicator(
            GoldYear.Output out,
            String region,
            String indicator,
            String numerator,
            String denominator,
            String value) {
        assertIndicator(out.indicators(), region, indicator, numerator, denominator, value);
    }

    /** As above, on indicator rows (gold.indicators or {@link #rollup}). */
    public static void assertIndicator(
            Dataset<Row> indicators,
            String region,
            String indicator,
            String numerator,
            String denominator,
            String value) {
        Row r = row(indicators, region, indicator);
        assertDecimal(numerator, r.getAs("numerator"), region + " " + indicator + " numerator");
        assertDecimal(
                denominator, r.getAs("denominator"), region + " " + indicator + " denominator");
        assertDecimal(value, r.getAs("value"), region + " " + indicator + " value");
    }

    public static void assertDecimal(String expected, BigDecimal actual, String what) {
        if (expected == null) {
            assertEquals(null, actual, what);
        } else {
            assertNotNull(actual, what + " is null, expected " + expected);
            assertEquals(
                    0,
                    new BigDecimal(expected).compareTo(actual),
                    what + ": expected " + expected + ", got " + actual);
        }
    }

    /**
     * One row of {@link #values}: strings are quoted, null is NULL, anything else printed as is.
     */
    public static Object[] r(Object... cells) {
        return cells;
    }

    /**
     * {@code SELECT * FROM VALUES (…), … AS t(columns)}; dates as 'yyyy-MM-dd' strings (the fixture
     * casts).
     */
    public static String values(String columns, Object[]... rows) {
        java.util.StringJoiner all =
                new java.util.StringJoiner(", ", "SELECT * FROM VALUES ", " AS t(" + columns + ")");
        for (Object[] row : rows) {
            java.util.StringJoiner one = new java.util.StringJoiner(", ", "(", ")");
            for (Object c : row) {
                one.add(c == null ? "NULL" : c instanceof String s ? "'" + s + "'" : c.toString());
            }
            all.add(one.toString());
        }
        return all.toString();
    }

    /** The rows collected once into a local frame: each assertion on it then runs no Spark job. */
    public static Dataset<Row> local(Dataset<Row> rows) {
        return SPARK.createDataFrame(rows.collectAsList(), rows.schema());
    }

    public static void assertAbsent(Dataset<Row> rows, String region, String indicator) {
        assertEquals(
                0,
                rows.where(
                                col("region_code")
                                        .equalTo(region)
                                        .and(col("indicator_id").equalTo(indicator)))
                        .count(),
                indicator + " does not exist at " + region);
    }

    /** Σ over the cities of numerator and denominator = the province's (a non-shared indicator). */
    public static void assertProvinceIsSumOfCities(Dataset<Row> rows, String indicator) {
        BigDecimal n = BigDecimal.ZERO;
        BigDecimal d = BigDecimal.ZERO;
        for (String city : new String[] {CITY1, CITY2}) {
            Row c = row(rows, city, indicator);
            n = n.add(c.getAs("numerator"));
            d = d.add(c.getAs("denominator"));
        }
        Row p = row(rows, PROVINCE, indicator);
        assertDecimal(
                n.toPlainString(),
                p.getAs("numerator"),
                indicator + " province numerator = Σ cities");
        assertDecimal(
                d.toPlainString(),
                p.getAs("denominator"),
                indicator + " province denominator = Σ cities");
    }
}
