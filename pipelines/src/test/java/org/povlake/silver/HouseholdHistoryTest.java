package org.povlake.silver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.povlake.lake.LakeSchemas;
import org.povlake.testing.FrameAssert;
import org.povlake.testing.TestSpark;

/** The SCD2 history of households: exits, returns, removals, absences and re-identification. */
class HouseholdHistoryTest {
    static final SparkSession SPARK = TestSpark.get();

    /**
     * Registry snapshots: household, as-of date, status, exit year, income (other attributes
     * fixed).
     */
    static Dataset<Row> snapshots(String values) {
        return SPARK.sql(
                "SELECT household_id, DATE(d) AS snapshot_date, '621121101202' AS village_code,"
                        + " 'k1' AS head_person_key, 3 AS household_size, 'GENERAL' AS poverty_attribute,"
                        + " 2015 AS identification_year, status, CAST(exit_year AS INT) AS exit_year,"
                        + " 'ILLNESS' AS primary_cause, array('LACK_SKILL') AS secondary_causes,"
                        + " CAST(income AS DECIMAL(22,4)) AS per_capita_net_income, true AS housing_safe,"
                        + " true AS drinking_water_safe, false AS has_broadband, CAST(NULL AS BOOLEAN) AS has_smart_terminal,"
                        + " CAST(NULL AS STRING) AS helper_key, 'households.csv' AS source_file, 1L AS record_number"
                        + " FROM VALUES "
                        + values
                        + " AS t(household_id, d, status, exit_year, income)");
    }

    static Dataset<Row> dates(String... dates) {
        return SPARK.sql(
                "SELECT DATE(d) AS snapshot_date FROM VALUES "
                        + String.join(
                                ", ",
                                java.util.Arrays.stream(dates).map(d -> "('" + d + "')").toList())
                        + " AS t(d)");
    }

    static final String D0 = "2016-12-31";
    static final String D1 = "2017-12-31";
    static final String D2 = "2018-12-31";
    static final String D3 = "2019-12-31";
    static final String D4 = "2020-12-31";

    /** The base registry: four households over D1…D4 (D0 held no rows). */
    static final List<String> BASE =
            List.of(
                    // H1: poor, unchanged, exits in 2019, returns in 2020
                    "('H1', '" + D1 + "', 'POOR', NULL, 2100)",
                    "('H1', '" + D2 + "', 'POOR', NULL, 2100)",
                    "('H1', '" + D3 + "', 'EXITED', 2019, 4100)",
                    "('H1', '" + D4 + "', 'RETURNED', 2019, 2500)",
                    // H2: absent from the 2018 snapshot, back unchanged in 2019
                    // (re-identified)
                    "('H2', '" + D1 + "', 'POOR', NULL, 1800)",
                    "('H2', '" + D3 + "', 'POOR', NULL, 1800)",
                    "('H2', '" + D4 + "', 'POOR', NULL, 1800)",
                    // H3: removed (清退) in 2019, gone from the 2020 snapshot
                    "('H3', '" + D2 + "', 'POOR', NULL, 2000)",
                    "('H3', '" + D3 + "', 'REMOVED', NULL, 2000)",
                    // H4: identified in 2020
                    "('H4', '" + D4 + "', 'POOR', NULL, 1500)");

    static Dataset<Row> history() {
        // D0 is a delivery that held no rows: it does not open or close anything
        return HouseholdHistory.build(
                snapshots(String.join(", ", BASE)), dates(D0, D1, D2, D3, D4));
    }

    @Test
    void periodsStartAtChangesAndEndAtTheNextChangeOrAbsence() {
        Dataset<Row> actual =
                history()
                        .select(
                                "household_id",
                                "version",
                                "valid_from",
                                "valid_to",
                                "change",
                                "previous_status",
                                "end_reason",
                                "status",
                                "is_current");
        Dataset<Row> expected =
                SPARK.sql(
                        "SELECT household_id, version, DATE(valid_from) AS valid_from,"
                                + " DATE(valid_to) AS valid_to, change, previous_status, end_reason, status, is_current FROM VALUES"
                                + " ('H1', 1, '"
                                + D1
                                + "', '"
                                + D3
                                + "', 'IDENTIFIED', NULL, 'CHANGED', 'POOR', false),"
                                + " ('H1', 2, '"
                                + D3
                                + "', '"
                                + D4
                                + "', 'CHANGED', 'POOR', 'CHANGED', 'EXITED', false),"
                                + " ('H1', 3, '"
                                + D4
                                + "', NULL, 'CHANGED', 'EXITED', NULL, 'RETURNED', true),"
                                + " ('H2', 1, '"
                                + D1
                                + "', '"
                                + D2
                                + "', 'IDENTIFIED', NULL, 'ABSENT', 'POOR', false),"
                                + " ('H2', 2, '"
                                + D3
                                + "', NULL, 'REAPPEARED', 'POOR', NULL, 'POOR', true),"
                                + " ('H3', 1, '"
                                + D2
                                + "', '"
                                + D3
                                + "', 'IDENTIFIED', NULL, 'CHANGED', 'POOR', false),"
                                + " ('H3', 2, '"
                                + D3
                                + "', '"
                                + D4
                                + "', 'CHANGED', 'POOR', 'ABSENT', 'REMOVED', false),"
                                + " ('H4', 1, '"
                                + D4
                                + "', NULL, 'IDENTIFIED', NULL, NULL, 'POOR', true)"
                                + " AS t(household_id, version, valid_from, valid_to, change, previous_status, end_reason, status, is_current)");
        FrameAssert.assertSameRows(expected, actual);
    }

    @Test
    void theStateAsOfADateIsTheLatestSnapshotOnOrBeforeIt() {
        history().createOrReplaceTempView("hh_history");
        // as of mid-2019 the 2018 snapshot holds: H1 POOR, H3 POOR; H2 was absent from it
        assertEquals("H1:POOR H3:POOR", asOf("2019-06-30"));
        assertEquals("H1:EXITED H2:POOR H3:REMOVED", asOf(D3));
        assertEquals("H1:RETURNED H2:POOR H4:POOR", asOf(D4));
        // one query: exited in 2019 (status as of the end of 2019) and returned in 2020
        Dataset<Row> exitedReturned =
                SPARK.sql(
                        "SELECT e.household_id FROM hh_history e JOIN hh_history r"
                                + " ON r.household_id = e.household_id"
                                + " WHERE e.status = 'EXITED' AND e.exit_year = 2019 AND e.valid_from <= DATE'2019-12-31'"
                                + " AND (e.valid_to IS NULL OR e.valid_to > DATE'2019-12-31') AND r.status = 'RETURNED'"
                                + " AND r.valid_from <= DATE'2020-12-31' AND (r.valid_to IS NULL OR r.valid_to > DATE'2020-12-31')");
        assertEquals(
                java.util.List.of("H1"),
                exitedReturned.as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
    }

    static String asOf(String date) {
        return String.join(
                " ",
                SPARK.sql(
                                "SELECT concat(household_id, ':', status) FROM hh_history"
                                        + " WHERE valid_from <= DATE'"
                                        + date
                                        + "' AND (valid_to IS NULL OR valid_to > DATE'"
                                        + date
                                        + "')"
                                        + " ORDER BY 1")
                        .as(org.apache.spark.sql.Encoders.STRING())
                        .collectAsList());
    }

    static final String MID = "2019-06-30";
    static final String D5 = "2021-12-31";

    static List<String> with(List<String> rows, String... more) {
        List<String> out = new ArrayList<>(rows);
        out.addAll(List.of(more));
        return out;
    }

    static List<String> without(List<String> rows, String date) {
        return rows.stream().filter(r -> !r.contains("'" + date + "'")).toList();
    }

    /**
     * The history after a change of the deliveries from {@code from} on, folded from the delivery
     * before it onto the history as it was, equals the history built from every delivery.
     */
    static void assertFoldedFrom(
            List<String> beforeRows,
            List<String> beforeDates,
            List<String> afterRows,
            List<String> afterDates,
            String from) {
        String[] columns = LakeSchemas.schema(HouseholdHistory.TABLE).fieldNames();
        Dataset<Row> before =
                HouseholdHistory.build(
                                snapshots(String.join(", ", beforeRows)),
                                dates(beforeDates.toArray(String[]::new)))
                        .selectExpr(columns);
        List<String> sorted = afterDates.stream().sorted().toList();
        List<String> tail = sorted.subList(sorted.indexOf(from) - 1, sorted.size());
        Dataset<Row> folded =
                before.filter("NOT (" + HouseholdHistory.touchedFrom(LocalDate.parse(from)) + ")")
                        .unionByName(
                                HouseholdHistory.rebuildFrom(
                                                before,
                                                snapshots(String.join(", ", afterRows))
                                                        .filter(
                                                                "snapshot_date >= DATE'"
                                                                        + tail.get(0)
                                                                        + "'"),
                                                dates(tail.toArray(String[]::new)),
                                                LocalDate.parse(tail.get(0)),
                                                LocalDate.parse(from))
                                        .selectExpr(columns));
        Dataset<Row> built =
                HouseholdHistory.build(
                                snapshots(String.join(", ", afterRows)),
                                dates(afterDates.toArray(String[]::new)))
                        .selectExpr(columns);
        FrameAssert.assertSameRows(built, folded);
    }

    static final List<String> BASE_DATES = List.of(D0, D1, D2, D3, D4);

    @Test
    void aNewLatestDeliveryFoldedOntoTheHistoryEqualsAFullBuild() {
        // H1 unchanged, H2 gone, H3 back after 2020's absence, H4 changed, H5 identified
        assertFoldedFrom(
                BASE,
                BASE_DATES,
                with(
                        BASE,
                        "('H1', '" + D5 + "', 'RETURNED', 2019, 2500)",
                        "('H3', '" + D5 + "', 'POOR', NULL, 2000)",
                        "('H4', '" + D5 + "', 'POOR', NULL, 1700)",
                        "('H5', '" + D5 + "', 'POOR', NULL, 1200)"),
                with(BASE_DATES, D5),
                D5);
    }

    @Test
    void aChangedReDeliveryOfAnEarlierSnapshotFoldedFromItEqualsAFullBuild() {
        // 2018 re-delivered: H1's income corrected, H2 present after all, H3 not yet there
        assertFoldedFrom(
                BASE,
                BASE_DATES,
                with(
                        without(BASE, D2),
                        "('H1', '" + D2 + "', 'POOR', NULL, 2200)",
                        "('H2', '" + D2 + "', 'POOR', NULL, 1800)"),
                BASE_DATES,
                D2);
    }

    @Test
    void aLateDeliveryBetweenTwoSnapshotsFoldedFromItEqualsAFullBuild() {
        // mid-2019: H1 as before, H2 back already, H3 removed early, H6 seen only then
        assertFoldedFrom(
                BASE,
                BASE_DATES,
                with(
                        BASE,
                        "('H1', '" + MID + "', 'POOR', NULL, 2100)",
                        "('H2', '" + MID + "', 'POOR', NULL, 1800)",
                        "('H3', '" + MID + "', 'REMOVED', NULL, 2000)",
                        "('H6', '" + MID + "', 'POOR', NULL, 900)"),
                with(BASE_DATES, MID),
                MID);
    }

    @Test
    void aChangeRightAfterAnEmptyDeliveryFoldedFromItEqualsAFullBuild() {
        // the 2017 snapshot re-delivered after the empty 2016 one: every period is touched
        assertFoldedFrom(
                BASE,
                BASE_DATES,
                with(without(BASE, D1), "('H2', '" + D1 + "', 'POOR', NULL, 1900)"),
                BASE_DATES,
                D1);
    }

    @Test
    void aFoldFromADeliveryIsChosenOnlyWhenItShouldReadLessThanAFullFold() {
        long households = 14_000;
        // annual snapshots, a new year after four: 2 snapshots and ~1.3 periods per household
        // read three times against 5 snapshots
        assertFalse(
                HouseholdHistory.foldFromPays(
                        2 * households, 5 * households, 13 * households / 10));
        // monthly deliveries over five years, a new month: 2 snapshots and the history against 60
        assertTrue(HouseholdHistory.foldFromPays(2 * households, 60 * households, 2 * households));
        // a re-delivery of the first snapshot's successor folds every delivery either way
        assertFalse(HouseholdHistory.foldFromPays(3 * households, 3 * households, households));
        try {
            System.setProperty(HouseholdHistory.FOLD_PROPERTY, "always");
            assertTrue(HouseholdHistory.foldFromPays(3 * households, 3 * households, households));
            System.setProperty(HouseholdHistory.FOLD_PROPERTY, "never");
            assertFalse(HouseholdHistory.foldFromPays(2 * households, 60 * households, households));
        } finally {
            System.clearProperty(HouseholdHistory.FOLD_PROPERTY);
        }
    }
}
