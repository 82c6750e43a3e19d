package org.povlake.silver;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.povlake.testing.FrameAssert;
import org.povlake.testing.TestSpark;

/** Given/expected frames for the smaller silver transforms. */
class SilverTransformsTest {
    static final SparkSession SPARK = TestSpark.get();

    static Dataset<Row> sql(String text) {
        return SPARK.sql(text);
    }

    @Test
    void villageNetworkCombinesOperators() {
        Dataset<Row> given =
                sql(
                        "SELECT DATE'2019-12-31' AS snapshot_date, v AS village_code, op AS operator,"
                                + " fiber AS fiber_broadband, CAST(mbps AS INT) AS max_broadband_mbps, lte AS lte_coverage,"
                                + " CAST(hh AS INT) AS broadband_households, catv AS cable_tv_fiber FROM VALUES"
                                + " ('V1', 'CMCC', true, 100, true, 20, NULL),"
                                + " ('V1', 'CT', false, 500, false, NULL, true)," // a speed without
                                // fiber does not
                                // count
                                + " ('V1', 'CU', true, NULL, false, 5, false)," // fiber without a
                                // speed: no speed
                                + " ('V2', 'CT', true, NULL, false, NULL, NULL)"
                                + " AS t(v, op, fiber, mbps, lte, hh, catv)");
        Dataset<Row> expected =
                sql(
                        "SELECT DATE'2019-12-31' AS snapshot_date, v AS village_code, ops AS operators,"
                                + " CAST(n AS BIGINT) AS operator_rows, fiber AS fiber_broadband, CAST(mbps AS INT) AS max_fiber_mbps,"
                                + " lte AS lte_coverage, CAST(hh AS BIGINT) AS broadband_households, catv AS cable_tv_fiber FROM VALUES"
                                + " ('V1', array('CMCC', 'CT', 'CU'), 3, true, 100, true, 25, true),"
                                + " ('V2', array('CT'), 1, true, NULL, false, NULL, false)"
                                + " AS t(v, ops, n, fiber, mbps, lte, hh, catv)");
        FrameAssert.assertSameRows(expected, VillageNetwork.combine(given));
    }

    @Test
    void theLatestVersionOfAnEventWins() {
        Dataset<Row> given =
                sql(
                        "SELECT k AS order_id, DATE(d) AS _as_of_date, s AS status FROM VALUES"
                                + " ('O1', '2018-12-31', 'COMPLETED'), ('O1', '2019-12-31', 'REFUNDED'), ('O2', '2018-12-31', 'COMPLETED')"
                                + " AS t(k, d, s)");
        FrameAssert.assertSameRows(
                sql(
                        "SELECT k AS order_id, DATE(d) AS _as_of_date, s AS status FROM VALUES"
                                + " ('O1', '2019-12-31', 'REFUNDED'), ('O2', '2018-12-31', 'COMPLETED') AS t(k, d, s)"),
                LatestEvents.latest(given, List.of("order_id")));
    }

    @Test
    void anOrderIsPlacedByItsShopAsOfTheEndOfItsYear() {
        Dataset<Row> shops =
                sql(
                        "SELECT DATE(d) AS snapshot_date, s AS shop_id, v AS village_code FROM VALUES"
                                + " ('2018-12-31', 'S1', '621121101202'), ('2019-12-31', 'S1', '621121103203'),"
                                + " ('2020-12-31', 'S2', '621223101201') AS t(d, s, v)");
        Dataset<Row> orders =
                sql(
                        "SELECT o AS order_id, s AS shop_id, to_timestamp_ntz(t) AS order_time FROM VALUES"
                                + " ('O2018', 'S1', '2018-06-01 10:00:00')," // the 2018 delivery
                                + " ('O2019', 'S1', '2019-06-01 10:00:00')," // the shop moved in
                                // the 2019 delivery
                                + " ('O2021', 'S1', '2021-02-01 10:00:00')," // no later delivery:
                                // the latest before
                                // the year's end
                                + " ('O2019b', 'S2', '2019-03-01 10:00:00')" // only a later
                                // delivery lists the
                                // shop: the earliest
                                + " AS t(o, s, t)");
        FrameAssert.assertSameRows(
                sql(
                        "SELECT o AS order_id, v AS village_code, c AS county_code, y AS order_year"
                                + " FROM VALUES ('O2018', '621121101202', '621121', 2018), ('O2019', '621121103203', '621121', 2019),"
                                + " ('O2021', '621121103203', '621121', 2021), ('O2019b', '621223101201', '621223', 2019)"
                                + " AS t(o, v, c, y)"),
                OrderPlacement.place(orders, shops)
                        .select("order_id", "village_code", "county_code", "order_year"));
    }

    @Test
    void householdSizeIsComparedWithMemberRows() {
        Dataset<Row> households =
                sql(
                        "SELECT DATE'2019-12-31' AS snapshot_date, h AS household_id, n AS household_size"
                                + " FROM VALUES ('H1', 2), ('H2', 3), ('H3', 1) AS t(h, n)");
        Dataset<Row> members =
                sql(
                        "SELECT DATE'2019-12-31' AS snapshot_date, h AS household_id FROM VALUES"
                                + " ('H1'), ('H1'), ('H2') AS t(h)");
        FrameAssert.assertSameRows(
                sql(
                        "SELECT h AS household_id, n AS declared_size, CAST(m AS BIGINT) AS member_rows,"
                                + " x AS size_mismatch FROM VALUES ('H1', 2, 2, false), ('H2', 3, 1, true), ('H3', 1, 0, true)"
                                + " AS t(h, n, m, x)"),
                ConsistencySignals.households(households, members)
                        .select("household_id", "declared_size", "member_rows", "size_mismatch"));
    }

    @Test
    void memberSignalsCountHouseholdsAndCompareRegistryWithHealth() {
        Dataset<Row> members =
                sql(
                        "SELECT DATE(d) AS snapshot_date, h AS household_id, p AS person_key,"
                                + " mi AS medical_insurance FROM VALUES"
                                + " ('2019-12-31', 'H1', 'p1', true), ('2019-12-31', 'H2', 'p1', true)," // 一人多户
                                + " ('2019-12-31', 'H1', 'p2', true)," // absent from health: not
                                // insured
                                + " ('2019-12-31', 'H1', 'p3', NULL)," // registry flag unknown
                                + " ('2018-12-31', 'H1', 'p1', true)" // 2018: no insurance rows for
                                // 2018
                                + " AS t(d, h, p, mi)");
        Dataset<Row> insurance =
                sql(
                        "SELECT DATE'2019-12-31' AS snapshot_date, p AS person_key, 2019 AS year,"
                                + " b AS basic_medical FROM VALUES ('p1', true), ('p3', false) AS t(p, b)");
        Dataset<Row> resolution =
                sql(
                        "SELECT DATE(d) AS snapshot_date, DATE(i) AS insurance_date, k AS year_known"
                                + " FROM VALUES ('2019-12-31', '2019-12-31', true), ('2018-12-31', NULL, false) AS t(d, i, k)");
        FrameAssert.assertSameRows(
                sql(
                        "SELECT DATE(d) AS snapshot_date, h AS household_id, p AS person_key,"
                                + " CAST(n AS BIGINT) AS households_of_person, r AS registry_insured, b AS health_basic_insured,"
                                + " a AS registry_health_agree FROM VALUES"
                                + " ('2019-12-31', 'H1', 'p1', 2, true, true, true), ('2019-12-31', 'H2', 'p1', 2, true, true, true),"
                                + " ('2019-12-31', 'H1', 'p2', 1, true, false, false), ('2019-12-31', 'H1', 'p3', 1, NULL, false, NULL),"
                                + " ('2018-12-31', 'H1', 'p1', 1, true, NULL, NULL) AS t(d, h, p, n, r, b, a)"),
                ConsistencySignals.members(members, insurance, resolution)
                        .select(
                                "snapshot_date",
                                "household_id",
                                "person_key",
                                "households_of_person",
                                "registry_insured",
                                "health_basic_insured",
                                "registry_health_agree"));
    }

    @Test
    void personsNotInTheRegistryAreKeptAndMarked() {
        Dataset<Row> claims =
                sql(
                        "SELECT c AS claim_id, p AS person_key FROM VALUES ('C1', 'p1'), ('C2', 'p9')"
                                + " AS t(c, p)");
        Dataset<Row> members =
                sql("SELECT p AS person_key FROM VALUES ('p1'), ('p1'), ('p2') AS t(p)");
        FrameAssert.assertSameRows(
                sql(
                        "SELECT c AS claim_id, p AS person_key, r AS in_registry FROM VALUES"
                                + " ('C1', 'p1', true), ('C2', 'p9', false) AS t(c, p, r)"),
                RegistryMarks.mark(claims, members));
    }
}
