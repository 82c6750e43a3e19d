package org.povlake.gold;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.povlake.contract.Catalogue;
import org.povlake.contract.PovertyLines;
import org.povlake.lake.Lakehouse;
import org.povlake.testing.ReferenceCounts;
import org.povlake.testing.SampleLake;

/**
 * End to end on sample-data/ (every extract of 2018, 2019 and 2020) in a real lakehouse: ingest →
 * silver → gold. Checks the universe of rows, the roll-up and rounding properties on every region,
 * several province values against independent SQL over silver, that an edited catalogue rebuilds
 * only the year asked for (with its targets and weights) without touching the others, that an
 * unchanged build does nothing and that a year without a poverty line is refused before anything is
 * written.
 */
@Tag("end-to-end")
class GoldBuildTest {
    /**
     * Persons and claims can lie in several villages: their regions are not sums of their children.
     */
    static final Set<String> SHARED =
            Set.of("TARGET_DUPLICATE_PERSON", "HEALTH_REIMBURSEMENT_RATIO", "HEALTH_ONE_STOP");

    @TempDir static Path tmp;
    static Lakehouse lake;
    static GoldBuild.Result first;

    @BeforeAll
    static void build() {
        lake = SampleLake.get(); // shared with AssessSampleTest, which may have ingested and built
        // more before
        first = SampleLake.firstGold();
    }

    static Dataset<Row> table(String name) {
        return lake.spark().read().format("delta").load(lake.path(name));
    }

    @Test
    void everyYearWithARegistryGetsEveryIndicatorForEveryRegionAtItsLevels() {
        assertEquals(
                List.of(2018, 2019, 2020),
                first.years().stream().map(GoldBuild.YearResult::year).toList());
        Map<String, Long> regionsPerLevel = new HashMap<>();
        table("silver.regions")
                .groupBy("region_level")
                .count()
                .collectAsList()
                .forEach(r -> regionsPerLevel.put(r.getString(0), r.getLong(1)));
        assertEquals(
                ReferenceCounts.regionsPerLevel(),
                regionsPerLevel,
                "silver.regions is the reference");
        long expected = 0;
        for (Catalogue.Indicator i : Catalogue.get().indicators()) {
            for (String level : Catalogue.LEVELS) {
                if (i.existsAt(level)) {
                    expected += regionsPerLevel.get(level);
                }
            }
        }
        for (int y : List.of(2018, 2019, 2020)) {
            assertEquals(
                    expected,
                    table("gold.indicators").where(col("year").equalTo(y)).count(),
                    "rows of " + y);
            assertEquals(
                    ReferenceCounts.regions(),
                    table("gold.region_scores").where(col("year").equalTo(y)).count());
            assertEquals(
                    ReferenceCounts.regions(),
                    table("gold.mpi").where(col("year").equalTo(y)).count());
        }
        // the portrait: one row per registered household of the year's snapshot
        long registered2020 =
                table("silver.households")
                        .where(
                                "valid_from <= DATE'2020-12-31' AND (valid_to IS NULL"
                                        + " OR valid_to > DATE'2020-12-31') AND status IN ('POOR', 'RETURNED', 'EXITED')")
                        .count();
        assertEquals(registered2020, table("gold.household_portrait").where("year = 2020").count());
    }

    @Test
    void regionsAreSumsOfTheirChildrenAndValuesArePrintedFromThem() {
        // above the village: every region's numerator and denominator = Σ over its children (except
        // shared units)
        Dataset<Row> g = table("gold.indicators").where("year = 2020");
        Dataset<Row> children =
                g.groupBy("parent_code", "indicator_id")
                        .agg(
                                org.apache.spark.sql.functions.sum("numerator").as("n"),
                                org.apache.spark.sql.functions.sum("denominator").as("d"));
        List<Row> wrong =
                g.where(col("region_level").notEqual("village"))
                        .join(
                                children.withColumnRenamed("parent_code", "region_code"),
                                new String[] {"region_code", "indicator_id"})
                        .where(col("indicator_id").isin(SHARED.toArray()).unary_$bang())
                        .where("numerator <> n OR denominator <> d")
                        .limit(5)
                        .collectAsList();
        assertTrue(wrong.isEmpty(), "regions that are not the sum of their children: " + wrong);
        // every rate lies in [0, 1] (growth may be negative or above 1); value =
        // numerator/denominator half-up
        assertTrue(
                g.where("indicator_id <> 'ECOM_TRADE_GROWTH' AND (value < 0 OR value > 1)")
                        .isEmpty());
        for (Row r : g.where("region_level IN ('province', 'city', 'county')").collectAsList()) {
            BigDecimal n = r.getAs("numerator");
            BigDecimal d = r.getAs("denominator");
            BigDecimal v = r.getAs("value");
            BigDecimal expected =
                    n == null || d == null || d.signum() == 0
                            ? null
                            : n.divide(d, 6, RoundingMode.HALF_UP);
            assertEquals(
                    expected == null ? null : expected.stripTrailingZeros(),
                    v == null ? null : v.stripTrailingZeros(),
                    r.getAs("region_code") + " " + r.getAs("indicator_id"));
        }
    }

    static BigDecimal province(int year, String indicator, String column) {
        return table("gold.indicators")
                .where(
                        col("year")
                                .equalTo(year)
                                .and(col("region_code").equalTo("62"))
                                .and(col("indicator_id").equalTo(indicator)))
                .first()
                .getAs(column);
    }

    static void assertProvince(int year, String indicator, String sql) {
        Row expected =
                lake.spark()
                        .sql(
                                sql.replace(
                                                "{households}",
                                                "delta.`" + lake.path("silver.households") + "`")
                                        .replace(
                                                "{members}",
                                                "delta.`" + lake.path("silver.members") + "`")
                                        .replace(
                                                "{regions}",
                                                "delta.`" + lake.path("silver.regions") + "`")
                                        .replace(
                                                "{network}",
                                                "delta.`"
                                                        + lake.path("silver.village_network")
                                                        + "`")
                                        .replace(
                                                "{insurance}",
                                                "delta.`"
                                                        + lake.path("silver.insurance_enrollment")
                                                        + "`")
                                        .replace(
                                                "{enrollment}",
                                                "delta.`" + lake.path("silver.enrollment") + "`"))
                        .first();
        assertEquals(
                0,
                new BigDecimal(expected.get(0).toString())
                        .compareTo(province(year, indicator, "numerator")),
                indicator + " numerator " + expected);
        assertEquals(
                0,
                new BigDecimal(expected.get(1).toString())
                        .compareTo(province(year, indicator, "denominator")),
                indicator + " denominator " + expected);
    }

    static final String AT_2019 =
            "valid_from <= DATE'2019-12-31' AND (valid_to IS NULL OR valid_to > DATE'2019-12-31')";
    static final String AT_2020 =
            "valid_from <= DATE'2020-12-31' AND (valid_to IS NULL OR valid_to > DATE'2020-12-31')";

    @Test
    void provinceValuesAgreeWithIndependentSqlOverSilver() {
        // the sample's story: two households exited in 2019 and returned in 2020
        assertProvince(
                2020,
                "TARGET_RETURN_TO_POVERTY",
                "SELECT count_if(n.status = 'RETURNED'), count(*)"
                        + " FROM (SELECT * FROM {households} WHERE "
                        + AT_2019
                        + " AND status = 'EXITED') p"
                        + " LEFT JOIN (SELECT * FROM {households} WHERE "
                        + AT_2020
                        + ") n ON n.household_id = p.household_id");
        assertEquals(
                0,
                new BigDecimal("2")
                        .compareTo(province(2020, "TARGET_RETURN_TO_POVERTY", "numerator")));
        assertProvince(
                2020,
                "NET_VILLAGE_BROADBAND",
                "SELECT count_if(n.fiber_broadband), count(*) FROM {regions} r"
                        + " LEFT JOIN (SELECT * FROM {network} WHERE snapshot_date = DATE'2020-12-31') n"
                        + " ON n.village_code = r.region_code WHERE r.region_level = 'village' AND r.is_admin_village");
        String registeredMembers2020 =
                "SELECT m.person_key, m.birth_date FROM {members} m JOIN (SELECT household_id"
                        + " FROM {households} WHERE "
                        + AT_2020
                        + " AND status IN ('POOR', 'RETURNED', 'EXITED')) h"
                        + " ON h.household_id = m.household_id WHERE m.snapshot_date = DATE'2020-12-31'";
        assertProvince(
                2020,
                "HEALTH_BASIC_INSURANCE",
                "SELECT count_if(i.person_key IS NOT NULL), count(*) FROM ("
                        + registeredMembers2020
                        + ") m LEFT JOIN (SELECT DISTINCT person_key FROM {insurance} WHERE"
                        + " snapshot_date = DATE'2020-12-31' AND year = 2020 AND basic_medical) i ON i.person_key = m.person_key");
        assertProvince(
                2020,
                "EDU_COMPULSORY_DROPOUT",
                "SELECT count_if(e.person_key IS NULL), count(*) FROM ("
                        + registeredMembers2020
                        + ") m LEFT JOIN (SELECT DISTINCT person_key FROM {enrollment} WHERE"
                        + " snapshot_date = DATE'2020-12-31' AND school_year = 2020 AND status = 'ENROLLED') e"
                        + " ON e.person_key = m.person_key WHERE 2020 - year(m.birth_date) - IF(month(m.birth_date) > 8, 1, 0)"
                        + " BETWEEN 6 AND 15");
    }

    @Test
    void aCatalogueEditRebuildsOnlyItsYearAndAnUnchangedBuildDoesNothing() {
        Map<Integer, List<String>> before = contents();
        Map<String, Long> versions = versions();
        GoldBuild.Result again =
                new GoldBuild(lake, Catalogue.get(), PovertyLines.load()).run(null, null, false);
        assertTrue(
                again.years().stream().allMatch(y -> y.action().equals("up to date")),
                again.toString());
        assertEquals(versions, versions(), "an unchanged build writes nothing");

        // the evaluation office edits the catalogue (a target, a weight, the version) and rebuilds
        // 2019 only
        Path edited = tmp.resolve("indicators-edited.json");
        try (var in =
                GoldBuildTest.class.getClassLoader().getResourceAsStream(Catalogue.RESOURCE)) {
            String text =
                    new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                            .replaceFirst("\"version\": \"[^\"]+\"", "\"version\": \"office-1\"")
                            .replaceFirst(
                                    "(\"id\": \"TARGET_HELPER_ASSIGNED\",(?s:.*?)\"target\": )\"1.00\"",
                                    "$1\"0.90\"")
                            .replaceFirst("(\"id\": \"NET\",(?s:.*?)\"weight\": )30", "$140");
            java.nio.file.Files.writeString(edited, text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Catalogue office = Catalogue.load(edited);
        assertEquals("office-1", office.version());
        assertEquals(
                0,
                new BigDecimal("0.90")
                        .compareTo(office.require("TARGET_HELPER_ASSIGNED").target()));
        GoldBuild.Result one =
                new GoldBuild(lake, office, PovertyLines.load()).run(2019, 2019, false);
        assertEquals(
                List.of("built"),
                one.years().stream().map(GoldBuild.YearResult::action).toList(),
                "a new catalogue version rebuilds the year");
        Map<Integer, List<String>> after = contents();
        assertEquals(before.get(2018), after.get(2018), "2018 untouched");
        assertEquals(
                before.get(2020),
                after.get(2020),
                "2020 untouched (its change compares printed values, unchanged)");
        Row helper =
                table("gold.indicators")
                        .where(
                                "year = 2019 AND region_code = '62'"
                                        + " AND indicator_id = 'TARGET_HELPER_ASSIGNED'")
                        .first();
        assertEquals(0, new BigDecimal("0.9").compareTo(helper.getAs("target")));
        assertEquals("office-1", helper.getAs("catalogue_version"));
        BigDecimal value = helper.getAs("value");
        assertEquals(value.compareTo(new BigDecimal("0.9")) >= 0, helper.getAs("met"));
        assertEquals(
                Scoring.achievement(value, new BigDecimal("0.9"), BigDecimal.ZERO),
                helper.getAs("achievement"));
        assertEquals(
                0,
                new BigDecimal("40")
                        .compareTo(
                                table("gold.pillar_scores")
                                        .where(
                                                "year = 2019 AND region_code = '62' AND pillar = 'NET'")
                                        .first()
                                        .getAs("weight")));

        // a year without a poverty line is refused before anything is written
        Map<String, Long> now = versions();
        GoldBuild.GoldBuildException e =
                assertThrows(
                        GoldBuild.GoldBuildException.class,
                        () ->
                                new GoldBuild(lake, Catalogue.get(), PovertyLines.load())
                                        .run(2020, 2021, false));
        assertTrue(e.getMessage().contains("no poverty line for 2021"), e.getMessage());
        assertEquals(now, versions());
    }

    static Map<Integer, List<String>> contents() {
        Map<Integer, List<String>> out = new TreeMap<>();
        for (Row r :
                table("gold.indicators")
                        .where("region_level IN ('province', 'city', 'county')")
                        .collectAsList()) {
            out.computeIfAbsent(r.<Integer>getAs("year"), k -> new ArrayList<>()).add(r.toString());
        }
        out.values().forEach(l -> l.sort(null));
        return out;
    }

    static Map<String, Long> versions() {
        Map<String, Long> out = new TreeMap<>();
        for (String t : GoldBuild.TABLES) {
            out.put(t, lake.version(t));
        }
        return out;
    }
}
