package org.povlake.gold;

import static org.povlake.gold.GoldFixture.*;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.povlake.gold.YearFrames.Frame;

/**
 * ECOM_* given/expected, on the fixture's reference ({@link GoldFixture}):
 *
 * <pre>
 * 62 ─┬─ 6201 ── COUNTY1 620102 ─┬─ T1 620102100 镇 ─── V1, V2 (admin villages), C1 (community)
 *     │                          └─ STREET 620102001 街道 (not a township) ── V3
 *     └─ 6202 ── COUNTY2 620201 ──── T2 620201200 乡 ─── V4
 * </pre>
 *
 * Counties: 2; townships (镇/乡): T1 T2; admin villages: V1 V2 V3 V4. Y = 2020, D = 2020-12-31.
 */
class EcommerceIndicatorsTest {
    private static final int Y = 2020;

    @Test
    void servicePointsActiveOnTheLastDayOfYCountAtAUnitOfTheirOwnLevel() {
        GoldFixture f =
                new GoldFixture(Y)
                        .with(
                                "silver.service_points",
                                values(
                                        "point_id, level, region_code, opened_date, closed_date",
                                        r(
                                                "P1",
                                                "VILLAGE_POINT",
                                                V1,
                                                "2020-12-31",
                                                null), // opened on D: active
                                        r(
                                                "P2",
                                                "VILLAGE_POINT",
                                                V2,
                                                "2019-01-01",
                                                "2020-12-31"), // closed on D: not active
                                        r(
                                                "P3",
                                                "VILLAGE_POINT",
                                                V3,
                                                "2019-01-01",
                                                "2021-01-01"), // closed after D: active
                                        r(
                                                "P4",
                                                "VILLAGE_POINT",
                                                V4,
                                                "2021-01-01",
                                                null), // opened after D: not active
                                        r(
                                                "P5",
                                                "VILLAGE_POINT",
                                                C1,
                                                "2018-01-01",
                                                null), // a community is no admin village
                                        r(
                                                "P6",
                                                "TOWNSHIP_STATION",
                                                T1,
                                                "2018-01-01",
                                                null), // counts
                                        r(
                                                "P7",
                                                "TOWNSHIP_STATION",
                                                STREET,
                                                "2018-01-01",
                                                null), // a 街道 is no township
                                        r(
                                                "P8",
                                                "TOWNSHIP_STATION",
                                                V4,
                                                "2018-01-01",
                                                null), // a station at a village: not a point
                                        r(
                                                "P9",
                                                "COUNTY_CENTER",
                                                T2,
                                                "2018-01-01",
                                                null), // a centre at a township: nothing
                                        r(
                                                "P10",
                                                "COUNTY_CENTER",
                                                COUNTY1,
                                                "2018-01-01",
                                                null), // counts
                                        r(
                                                "P11",
                                                "COUNTY_CENTER",
                                                COUNTY2,
                                                "2020-06-01",
                                                "2020-12-31"))); // closed on D
        YearFrames y = f.frames();
        Dataset<Row> out =
                local(
                        f.rollup(
                                Facts.direct(
                                        EcommerceIndicators.servicePointFacts(
                                                y.get(Frame.REGIONS),
                                                y.get(Frame.SERVICE_POINTS),
                                                Y))));
        // village points: admin villages with an active VILLAGE_POINT: V1 (P1), V3 (P3) → 2/4 = 0.5
        assertIndicator(out, PROVINCE, "ECOM_VILLAGE_POINT", "2", "4", "0.5");
        assertIndicator(out, V1, "ECOM_VILLAGE_POINT", "1", "1", "1");
        assertIndicator(out, V2, "ECOM_VILLAGE_POINT", "0", "1", "0");
        assertIndicator(out, V3, "ECOM_VILLAGE_POINT", "1", "1", "1");
        assertIndicator(out, V4, "ECOM_VILLAGE_POINT", "0", "1", "0");
        assertIndicator(out, C1, "ECOM_VILLAGE_POINT", "0", "0", null);
        // T1: V1 of V1 V2 → 0.5; city 6201: V1 V3 / V1 V2 V3 → 0.666667; city 6202: 0/1
        assertIndicator(out, T1, "ECOM_VILLAGE_POINT", "1", "2", "0.5");
        assertIndicator(out, CITY1, "ECOM_VILLAGE_POINT", "2", "3", "0.666667");
        assertIndicator(out, CITY2, "ECOM_VILLAGE_POINT", "0", "1", "0");
        // township stations: T1 (P6) of T1 T2 → 1/2; the street's station counts nowhere
        assertIndicator(out, PROVINCE, "ECOM_TOWNSHIP_STATION", "1", "2", "0.5");
        assertIndicator(out, T1, "ECOM_TOWNSHIP_STATION", "1", "1", "1");
        assertIndicator(out, STREET, "ECOM_TOWNSHIP_STATION", "0", "0", null);
        assertIndicator(out, T2, "ECOM_TOWNSHIP_STATION", "0", "1", "0");
        assertIndicator(out, COUNTY1, "ECOM_TOWNSHIP_STATION", "1", "1", "1");
        assertIndicator(out, COUNTY2, "ECOM_TOWNSHIP_STATION", "0", "1", "0");
        // county centres: COUNTY1 (P10) of 2 counties → 1/2; P9 at a township code and P11 (closed
        // on D) count nowhere
        assertIndicator(out, PROVINCE, "ECOM_COUNTY_CENTER", "1", "2", "0.5");
        assertIndicator(out, COUNTY1, "ECOM_COUNTY_CENTER", "1", "1", "1");
        assertIndicator(out, COUNTY2, "ECOM_COUNTY_CENTER", "0", "1", "0");
        assertIndicator(out, CITY1, "ECOM_COUNTY_CENTER", "1", "1", "1");
        assertIndicator(out, CITY2, "ECOM_COUNTY_CENTER", "0", "1", "0");
        // levels: the county centre exists at county and above, the station at township and above
        for (String region : new String[] {T1, STREET, T2, V1, V2, C1, V3, V4}) {
            assertAbsent(out, region, "ECOM_COUNTY_CENTER");
        }
        for (String v : new String[] {V1, V2, C1, V3, V4}) {
            assertAbsent(out, v, "ECOM_TOWNSHIP_STATION");
        }
        for (String id :
                new String[] {
                    "ECOM_VILLAGE_POINT", "ECOM_TOWNSHIP_STATION", "ECOM_COUNTY_CENTER"
                }) {
            assertProvinceIsSumOfCities(out, id);
        }
    }

    @Test
    void tradeIsPlacedByTheShopsLatestSnapshotThatHoldsIt() {
        GoldFixture f =
                new GoldFixture(Y)
                        .withShopsUpToY(
                                values(
                                        "snapshot_date, shop_id, village_code",
                                        r("2019-12-31", "S1", V1),
                                        r(
                                                "2020-12-31",
                                                "S1",
                                                V2), // S1 moved from V1 to V2: all its orders at V2
                                        r(
                                                "2019-12-31",
                                                "S2",
                                                V4), // S2 gone from the 2020 snapshot: still at V4
                                        r("2020-12-31", "S3", V3), // S3 new in 2020: no base
                                        r("2019-12-31", "S4", C1),
                                        r("2020-12-31", "S4", C1))) // a community's shop
                        // village_code = silver's placement as of the end of the order's year (O1
                        // at V1): gold re-places
                        .with(
                                "silver.orders",
                                values(
                                        "order_id, shop_id, village_code, order_time, order_year, direction, amount, status",
                                        r(
                                                "O1",
                                                "S1",
                                                V1,
                                                "2019-03-01 10:00:00",
                                                2019,
                                                "UPWARD",
                                                100,
                                                "COMPLETED"),
                                        r(
                                                "O2",
                                                "S1",
                                                V1,
                                                "2019-07-01 10:00:00",
                                                2019,
                                                "DOWNWARD",
                                                50,
                                                "REFUNDED"), // not completed
                                        r(
                                                "O3",
                                                "S1",
                                                V2,
                                                "2020-02-01 10:00:00",
                                                2020,
                                                "UPWARD",
                                                120,
                                                "COMPLETED"),
                                        r(
                                                "O4",
                                                "S1",
                                                V2,
                                                "2020-05-01 10:00:00",
                                                2020,
                                                "DOWNWARD",
                                                30,
                                                "COMPLETED"),
                                        r(
                                                "O5",
                                                "S1",
                                                V2,
                                                "2020-06-01 10:00:00",
                                                2020,
                                                "UPWARD",
                                                1000,
                                                "CANCELLED"), // not completed
                                        r(
                                                "O6",
                                                "S1",
                                                V1,
                                                "2018-05-01 10:00:00",
                                                2018,
                                                "UPWARD",
                                                999,
                                                "COMPLETED"), // neither year
                                        r(
                                                "O7",
                                                "S1",
                                                V2,
                                                "2021-01-01 00:00:00",
                                                2021,
                                                "UPWARD",
                                                500,
                                                "COMPLETED"), // after Y
                                        r(
                                                "O8",
                                                "S2",
                                                V4,
                                                "2019-04-01 10:00:00",
                                                2019,
                                                "UPWARD",
                                                200,
                                                "COMPLETED"),
                                        r(
                                                "O9",
                                                "S2",
                                                V4,
                                                "2020-01-15 10:00:00",
                                                2020,
                                                "DOWNWARD",
                                                50,
                                                "COMPLETED"),
                                        r(
                                                "O10",
                                                "S3",
                                                V3,
                                                "2020-08-01 10:00:00",
                                                2020,
                                                "UPWARD",
                                                80,
                                                "COMPLETED"),
                                        r(
                                                "O11",
                                                "S4",
                                                C1,
                                                "2019-12-31 23:59:59",
                                                2019,
                                                "DOWNWARD",
                                                300,
                                                "COMPLETED"),
                                        r(
                                                "O12",
                                                "S4",
                                                C1,
                                                "2020-01-01 00:00:00",
                                                2020,
                                                "DOWNWARD",
                                                330,
                                                "COMPLETED"),
                                        // S5 is in no shops snapshot ≤ Y: its order is in no region
                                        r(
                                                "O13",
                                                "S5",
                                                null,
                                                "2020-03-03 10:00:00",
                                                2020,
                                                "UPWARD",
                                                10000,
                                                "COMPLETED")));
        YearFrames y = f.frames();
        Dataset<Row> out =
                local(
                        f.rollup(
                                Facts.direct(
                                        EcommerceIndicators.tradeFacts(
                                                y.get(Frame.ORDERS),
                                                y.get(Frame.SHOPS_UP_TO_Y),
                                                Y))));
        // per village, completed amounts (2020; 2019) and growth numerator = 2020 − 2019,
        // denominator = 2019:
        //   V2 (S1): 2020 = 120 + 30 = 150; 2019 = 100 → 50 / 100 = 0.5; upward 120 / 150 = 0.8
        assertIndicator(out, V2, "ECOM_TRADE_GROWTH", "50", "100", "0.5");
        assertIndicator(out, V2, "ECOM_UPWARD_SHARE", "120", "150", "0.8");
        //   V1: S1 moved away, nothing here → 0/0
        assertIndicator(out, V1, "ECOM_TRADE_GROWTH", "0", "0", null);
        assertIndicator(out, V1, "ECOM_UPWARD_SHARE", "0", "0", null);
        //   V4 (S2, only in the 2019 snapshot): 2020 = 50; 2019 = 200 → −150 / 200 = −0.75
        // (negative allowed);
        //   upward 0/50
        assertIndicator(out, V4, "ECOM_TRADE_GROWTH", "-150", "200", "-0.75");
        assertIndicator(out, V4, "ECOM_UPWARD_SHARE", "0", "50", "0");
        //   V3 (S3): 2020 = 80; 2019 = 0 → zero base: 80 / 0 → null; upward 80/80 = 1
        assertIndicator(out, V3, "ECOM_TRADE_GROWTH", "80", "0", null);
        assertIndicator(out, V3, "ECOM_UPWARD_SHARE", "80", "80", "1");
        //   C1 (S4): 2020 = 330; 2019 = 300 → 30 / 300 = 0.1; upward 0/330
        assertIndicator(out, C1, "ECOM_TRADE_GROWTH", "30", "300", "0.1");
        assertIndicator(out, C1, "ECOM_UPWARD_SHARE", "0", "330", "0");
        // T1 = V1 + V2 + C1: 2020 = 480, 2019 = 400 → 80/400 = 0.2; upward 120/480 = 0.25
        assertIndicator(out, T1, "ECOM_TRADE_GROWTH", "80", "400", "0.2");
        assertIndicator(out, T1, "ECOM_UPWARD_SHARE", "120", "480", "0.25");
        // the street = V3 → null (zero base)
        assertIndicator(out, STREET, "ECOM_TRADE_GROWTH", "80", "0", null);
        // city 6201 = T1 + street: 2020 = 560, 2019 = 400 → 160/400 = 0.4;
        // upward (120 + 80)/560 = 0.357142857… → 0.357143
        assertIndicator(out, CITY1, "ECOM_TRADE_GROWTH", "160", "400", "0.4");
        assertIndicator(out, CITY1, "ECOM_UPWARD_SHARE", "200", "560", "0.357143");
        // city 6202 = V4
        assertIndicator(out, CITY2, "ECOM_TRADE_GROWTH", "-150", "200", "-0.75");
        // province (without O13): 2020 = 610, 2019 = 600 → 10/600 = 0.0166666… → 0.016667;
        // upward 200/610 = 0.327868852… → 0.327869
        assertIndicator(out, PROVINCE, "ECOM_TRADE_GROWTH", "10", "600", "0.016667");
        assertIndicator(out, PROVINCE, "ECOM_UPWARD_SHARE", "200", "610", "0.327869");
        assertProvinceIsSumOfCities(out, "ECOM_TRADE_GROWTH");
        assertProvinceIsSumOfCities(out, "ECOM_UPWARD_SHARE");
    }

    @Test
    void householdReachByOperatorsAndLinksOfTheShopsOfY() {
        GoldFixture f =
                new GoldFixture(Y)
                        .with(
                                "silver.households",
                                values(
                                        "household_id, village_code, status",
                                        r("H1", V1, "POOR"),
                                        r("H2", V1, "EXITED"),
                                        r("H3", V2, "RETURNED"),
                                        r("H4", V2, "POOR"),
                                        r("H5", V4, "POOR"),
                                        r("H6", V4, "REMOVED"),
                                        r("H7", V3, "POOR"),
                                        r("H8", C1, "EXITED")))
                        // the shops snapshot of Y
                        .with(
                                "silver.shops",
                                values(
                                        "shop_id, village_code, operator_type, operator_household_id",
                                        r("S1", V1, "POOR_HOUSEHOLD", "H1"), // H1 runs a shop
                                        r(
                                                "S2",
                                                V2,
                                                "COOPERATIVE",
                                                "H3"), // any operator type counts: H3
                                        r("S3", V4, "OTHER", "H6"))) // H6 is not registered
                        // an earlier snapshot held S9, run by H5: only the snapshot of Y counts
                        .withShopsUpToY(
                                values(
                                        "snapshot_date, shop_id, village_code, operator_household_id",
                                        r("2019-12-31", "S9", V4, "H5"),
                                        r("2020-12-31", "S1", V1, "H1"),
                                        r("2020-12-31", "S2", V2, "H3"),
                                        r("2020-12-31", "S3", V4, "H6")))
                        .with(
                                "silver.shop_household_links",
                                values(
                                        "shop_id, household_id, link_type, since_date",
                                        r("S1", "H2", "PURCHASE", "2020-12-31"), // since D: counts
                                        r(
                                                "S2",
                                                "H4",
                                                "EMPLOYMENT",
                                                "2021-01-01"), // since after D: not
                                        r(
                                                "S9",
                                                "H5",
                                                "CONSIGNMENT",
                                                "2019-01-01"), // S9 is not in the shops snapshot of
                                        // Y: not
                                        r(
                                                "S3",
                                                "H8",
                                                "PURCHASE",
                                                "2018-05-01"))); // a shop at V4 reaches H8 of C1:
        // counts at C1
        Dataset<Row> out =
                local(f.rollup(f.householdFacts(), EcommerceIndicators.householdMeasures()));
        // registered: H1 H2 H3 H4 H5 H7 H8 = 7; reached: H1 (operator), H2 (link), H3 (operator),
        // H8 (link) = 4
        // → 4/7 = 0.571428571… → 0.571429
        assertIndicator(out, PROVINCE, "ECOM_HOUSEHOLD_REACH", "4", "7", "0.571429");
        assertIndicator(out, V1, "ECOM_HOUSEHOLD_REACH", "2", "2", "1");
        assertIndicator(out, V2, "ECOM_HOUSEHOLD_REACH", "1", "2", "0.5");
        assertIndicator(out, V4, "ECOM_HOUSEHOLD_REACH", "0", "1", "0");
        assertIndicator(out, V3, "ECOM_HOUSEHOLD_REACH", "0", "1", "0");
        assertIndicator(out, C1, "ECOM_HOUSEHOLD_REACH", "1", "1", "1");
        // T1: H1 H2 H3 H4 H8 → 4/5; city 6201: + H7 → 4/6 = 0.666667; city 6202: H5 → 0/1
        assertIndicator(out, T1, "ECOM_HOUSEHOLD_REACH", "4", "5", "0.8");
        assertIndicator(out, CITY1, "ECOM_HOUSEHOLD_REACH", "4", "6", "0.666667");
        assertIndicator(out, CITY2, "ECOM_HOUSEHOLD_REACH", "0", "1", "0");
    }
}
