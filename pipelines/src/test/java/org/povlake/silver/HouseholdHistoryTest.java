package org.povlake.silver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
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

    static Dataset<Row> history() {
        Dataset<Row> given =
                snapshots(
                        String.join(
                                ", ",
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
                                "('H4', '" + D4 + "', 'POOR', NULL, 1500)"));
        // D0 is a delivery that held no rows: it does not open or close anything
        return HouseholdHistory.build(given, dates(D0, D1, D2, D3, D4));
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
}
