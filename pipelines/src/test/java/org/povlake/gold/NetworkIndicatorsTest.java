package org.povlake.gold;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.povlake.gold.GoldFixture.*;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.povlake.gold.YearFrames.Frame;

/**
 * NET_* given/expected, on the fixture's reference ({@link GoldFixture}):
 *
 * <pre>
 * 62 ─┬─ 6201 ── 620102 ─┬─ T1 620102100 镇 ─── V1, V2 (admin villages), C1 (community)
 *     │                  └─ STREET 620102001 街道 (not a township) ── V3
 *     └─ 6202 ── 620201 ──── T2 620201200 乡 ─── V4
 * </pre>
 *
 * Admin villages: V1 V2 V3 V4 (4); townships: T1 T2 (2). Expected values are Σnumerator /
 * Σdenominator, half-up to 6.
 */
class NetworkIndicatorsTest {
    private static final int Y = 2020;

    @Test
    void villageBroadbandCountsEveryAdminVillageOfTheReference() {
        // V1 fiber; V2 no fiber; V3 no row at all (no broadband); V4 fiber; C1 is a community: not
        // an admin village
        GoldFixture f =
                new GoldFixture(2020)
                        .with(
                                "silver.village_network",
                                "SELECT * FROM VALUES"
                                        + " ('"
                                        + V1
                                        + "', true), ('"
                                        + V2
                                        + "', false), ('"
                                        + C1
                                        + "', true), ('"
                                        + V4
                                        + "', true)"
                                        + " AS t(village_code, fiber_broadband)");
        YearFrames y = f.frames();
        var out =
                local(
                        f.rollup(
                                Facts.direct(
                                        NetworkIndicators.villageFacts(
                                                y.get(Frame.REGIONS),
                                                y.get(Frame.VILLAGE_NETWORK),
                                                y.get(Frame.POOR_VILLAGES),
                                                2020))));
        // province: admin villages V1 V2 V3 V4 = 4; with fiber V1, V4 = 2 → 0.5
        assertIndicator(out, PROVINCE, "NET_VILLAGE_BROADBAND", "2", "4", "0.5");
        // city 6201: V1 V2 V3 → 1/3 = 0.333333 (half-up at 6)
        assertIndicator(out, CITY1, "NET_VILLAGE_BROADBAND", "1", "3", "0.333333");
        // the community is a village-level region whose admin-village denominator is 0: null
        assertIndicator(out, C1, "NET_VILLAGE_BROADBAND", "0", "0", null);
        assertIndicator(out, V3, "NET_VILLAGE_BROADBAND", "0", "1", "0");
    }

    @Test
    void poorVillagesAreThoseDesignatedByYAndNeedNotBeAdminVillages() {
        GoldFixture f =
                new GoldFixture(Y)
                        .with(
                                "silver.poor_villages",
                                values(
                                        "village_code, designated_year, exit_year",
                                        r(V1, 2016, null), // poor since 2016
                                        r(
                                                V2, 2021,
                                                null), // designated after Y: not a poor village of
                                        // 2020
                                        r(
                                                C1, 2018,
                                                null), // a community can be a poor village: counts
                                        r(V4, 2015, 2019))) // exited in 2019: still a poor village
                        .with(
                                "silver.village_network",
                                values(
                                        "village_code, fiber_broadband",
                                        r(V1, true),
                                        r(V2, true),
                                        r(C1, true),
                                        r(V3, true))); // V4: no network row
        Dataset<Row> out = local(f.rollup(Facts.direct(villageFacts(f))));
        // poor villages of 2020: V1, C1, V4 = 3; with fiber: V1, C1 = 2 → 2/3 = 0.666667
        assertIndicator(out, PROVINCE, "NET_POOR_VILLAGE_BROADBAND", "2", "3", "0.666667");
        // city 6201: V1, C1 → 2/2; city 6202: V4 (no network row = no fiber) → 0/1
        assertIndicator(out, CITY1, "NET_POOR_VILLAGE_BROADBAND", "2", "2", "1");
        assertIndicator(out, CITY2, "NET_POOR_VILLAGE_BROADBAND", "0", "1", "0");
        assertIndicator(out, T1, "NET_POOR_VILLAGE_BROADBAND", "2", "2", "1");
        assertIndicator(out, C1, "NET_POOR_VILLAGE_BROADBAND", "1", "1", "1");
        // V2 (designated 2021) and V3 (never) are not poor villages: 0/0 → null
        assertIndicator(out, V2, "NET_POOR_VILLAGE_BROADBAND", "0", "0", null);
        assertIndicator(out, V3, "NET_POOR_VILLAGE_BROADBAND", "0", "0", null);
        assertIndicator(out, STREET, "NET_POOR_VILLAGE_BROADBAND", "0", "0", null);
        assertIndicator(out, V4, "NET_POOR_VILLAGE_BROADBAND", "0", "1", "0");
        // the admin-village broadband of the same silver: V1 V2 V3 with fiber / V1 V2 V3 V4 → 3/4
        // (C1's fiber not counted)
        assertIndicator(out, PROVINCE, "NET_VILLAGE_BROADBAND", "3", "4", "0.75");
        assertIndicator(out, C1, "NET_VILLAGE_BROADBAND", "0", "0", null);
    }

    @Test
    void speed4gAndCatvOfAdminVillages() {
        // village_network: one row per village (operators combined); max_fiber_mbps = max speed
        // over fiber rows
        GoldFixture f =
                new GoldFixture(Y)
                        .with(
                                "silver.village_network",
                                values(
                                        "village_code, fiber_broadband, max_fiber_mbps, lte_coverage, cable_tv_fiber",
                                        r(
                                                V1, true, 50, true,
                                                null), // exactly 50 Mbps counts; CATV null = not
                                        r(
                                                V2, true, null, null,
                                                true), // fiber without a known speed: not ≥ 50; LTE
                                        // null = not
                                        r(V3, true, 49, false, true), // 49 < 50
                                        r(V4, true, 1000, true, false),
                                        r(
                                                C1, true, 100, true,
                                                true))); // a community: in no admin-village count
        Dataset<Row> out = local(f.rollup(Facts.direct(villageFacts(f))));
        // 50 Mbps: V1 (50), V4 (1000) / 4 admin villages = 0.5
        assertIndicator(out, PROVINCE, "NET_VILLAGE_50MBPS", "2", "4", "0.5");
        assertIndicator(out, V1, "NET_VILLAGE_50MBPS", "1", "1", "1");
        assertIndicator(out, V2, "NET_VILLAGE_50MBPS", "0", "1", "0");
        assertIndicator(out, V3, "NET_VILLAGE_50MBPS", "0", "1", "0");
        assertIndicator(out, C1, "NET_VILLAGE_50MBPS", "0", "0", null);
        // city 6201: V1 / V1 V2 V3 → 1/3
        assertIndicator(out, CITY1, "NET_VILLAGE_50MBPS", "1", "3", "0.333333");
        // 4G: V1, V4 / 4 = 0.5; township T1: V1 / V1 V2 = 0.5; street: V3 → 0/1
        assertIndicator(out, PROVINCE, "NET_VILLAGE_4G", "2", "4", "0.5");
        assertIndicator(out, T1, "NET_VILLAGE_4G", "1", "2", "0.5");
        assertIndicator(out, STREET, "NET_VILLAGE_4G", "0", "1", "0");
        assertIndicator(out, C1, "NET_VILLAGE_4G", "0", "0", null);
        // village CATV: V2, V3 / 4 = 0.5; city 6201: V2 V3 / V1 V2 V3 = 2/3 = 0.666667; city 6202:
        // V4 false → 0/1
        assertIndicator(out, PROVINCE, "NET_VILLAGE_CATV", "2", "4", "0.5");
        assertIndicator(out, CITY1, "NET_VILLAGE_CATV", "2", "3", "0.666667");
        assertIndicator(out, CITY2, "NET_VILLAGE_CATV", "0", "1", "0");
        assertIndicator(out, V1, "NET_VILLAGE_CATV", "0", "1", "0");
        assertIndicator(out, C1, "NET_VILLAGE_CATV", "0", "0", null);
        // roll-up: a region's counts are the sums of its parts (province = Σ cities) for these
        // non-shared counts
        for (String id :
                new String[] {
                    "NET_VILLAGE_50MBPS",
                    "NET_VILLAGE_4G",
                    "NET_VILLAGE_CATV",
                    "NET_VILLAGE_BROADBAND"
                }) {
            assertProvinceIsSumOfCities(out, id);
        }
    }

    @Test
    void townshipCatvCountsTownshipsWithAnyVillageLevelUnitWithCatv() {
        // CATV at C1 (the community of T1) and at V3 (the 街道's village); V1 V2 without; V4 has no
        // network row
        GoldFixture f =
                new GoldFixture(Y)
                        .with(
                                "silver.village_network",
                                values(
                                        "village_code, cable_tv_fiber",
                                        r(V1, false),
                                        r(V2, null),
                                        r(C1, true),
                                        r(V3, true)));
        YearFrames y = f.frames();
        Dataset<Row> out =
                local(
                        f.rollup(
                                Facts.direct(
                                                NetworkIndicators.townshipFacts(
                                                        y.get(Frame.REGIONS),
                                                        y.get(Frame.VILLAGE_NETWORK)))
                                        .plus(Facts.direct(villageFacts(f)))));
        // townships (镇/乡): T1, T2 = 2; T1 has CATV through its community C1; T2 none → 1/2
        assertIndicator(out, PROVINCE, "NET_TOWNSHIP_CATV", "1", "2", "0.5");
        assertIndicator(out, T1, "NET_TOWNSHIP_CATV", "1", "1", "1");
        assertIndicator(out, T2, "NET_TOWNSHIP_CATV", "0", "1", "0");
        // the 街道 is not a township: V3's CATV makes no township; the street's own row is 0/0
        assertIndicator(out, STREET, "NET_TOWNSHIP_CATV", "0", "0", null);
        // county 620102: T1 only (the street is not in the denominator) → 1/1; county 620201: T2 →
        // 0/1
        assertIndicator(out, COUNTY1, "NET_TOWNSHIP_CATV", "1", "1", "1");
        assertIndicator(out, COUNTY2, "NET_TOWNSHIP_CATV", "0", "1", "0");
        assertIndicator(out, CITY1, "NET_TOWNSHIP_CATV", "1", "1", "1");
        // it counts townships: it does not exist at village level
        for (String v : new String[] {V1, V2, C1, V3, V4}) {
            assertAbsent(out, v, "NET_TOWNSHIP_CATV");
        }
        // the village CATV of the same silver: only V3 among admin villages → 1/4 (C1 is not an
        // admin village)
        assertIndicator(out, PROVINCE, "NET_VILLAGE_CATV", "1", "4", "0.25");
        assertIndicator(out, STREET, "NET_VILLAGE_CATV", "1", "1", "1");
        assertIndicator(out, T1, "NET_VILLAGE_CATV", "0", "2", "0");
    }

    @Test
    void householdBroadbandAndTerminalOverRegisteredHouseholds() {
        GoldFixture f =
                new GoldFixture(Y)
                        .with(
                                "silver.households",
                                values(
                                        "household_id, village_code, status, has_broadband, has_smart_terminal",
                                        r("H1", V1, "POOR", true, true),
                                        r("H2", V1, "EXITED", null, false), // null broadband = not
                                        r("H3", V2, "RETURNED", true, null), // null terminal = not
                                        r("H4", V2, "REMOVED", true, true), // not registered
                                        r("H5", V4, "DISSOLVED", true, true), // not registered
                                        r("H6", V4, "EXITED", false, true),
                                        r(
                                                "H7", C1, "POOR", true,
                                                true))); // a community's households count like any
        Dataset<Row> out =
                local(f.rollup(f.householdFacts(), NetworkIndicators.householdMeasures()));
        // registered: H1 H2 H3 H6 H7 = 5; broadband H1 H3 H7 = 3; terminal H1 H6 H7 = 3
        assertIndicator(out, PROVINCE, "NET_HOUSEHOLD_BROADBAND", "3", "5", "0.6");
        assertIndicator(out, PROVINCE, "NET_HOUSEHOLD_TERMINAL", "3", "5", "0.6");
        // V1: H1 H2 → broadband 1/2, terminal 1/2
        assertIndicator(out, V1, "NET_HOUSEHOLD_BROADBAND", "1", "2", "0.5");
        assertIndicator(out, V1, "NET_HOUSEHOLD_TERMINAL", "1", "2", "0.5");
        // V2: H3 only (H4 removed) → broadband 1/1, terminal 0/1
        assertIndicator(out, V2, "NET_HOUSEHOLD_BROADBAND", "1", "1", "1");
        assertIndicator(out, V2, "NET_HOUSEHOLD_TERMINAL", "0", "1", "0");
        // V4: H6 only (H5 dissolved) → broadband 0/1, terminal 1/1
        assertIndicator(out, V4, "NET_HOUSEHOLD_BROADBAND", "0", "1", "0");
        assertIndicator(out, V4, "NET_HOUSEHOLD_TERMINAL", "1", "1", "1");
        assertIndicator(out, C1, "NET_HOUSEHOLD_BROADBAND", "1", "1", "1");
        // T1: H1 H2 H3 H7 → broadband H1 H3 H7 = 3/4 = 0.75; terminal H1 H7 = 2/4 = 0.5
        assertIndicator(out, T1, "NET_HOUSEHOLD_BROADBAND", "3", "4", "0.75");
        assertIndicator(out, T1, "NET_HOUSEHOLD_TERMINAL", "2", "4", "0.5");
        // V3 has no household: 0/0
        assertIndicator(out, V3, "NET_HOUSEHOLD_BROADBAND", "0", "0", null);
        assertProvinceIsSumOfCities(out, "NET_HOUSEHOLD_BROADBAND");
        assertProvinceIsSumOfCities(out, "NET_HOUSEHOLD_TERMINAL");
    }

    @Test
    void theYearPrintsNetAtTheLevelsItExistsAt() {
        // the full year (slow): village indicators at all five levels, NET_TOWNSHIP_CATV from
        // township level up
        GoldFixture f =
                new GoldFixture(Y)
                        .with(
                                "silver.village_network",
                                values(
                                        "village_code, fiber_broadband, cable_tv_fiber",
                                        r(V1, true, false),
                                        r(V4, false, true)))
                        .with(
                                "silver.poor_villages",
                                values("village_code, designated_year", r(V4, 2016)))
                        .with(
                                "silver.households",
                                values(
                                        "household_id, village_code, status, has_broadband",
                                        r("H1", V1, "POOR", true),
                                        r("H2", V4, "EXITED", false)));
        GoldYear.Output year = f.compute();
        Dataset<Row> out = local(year.indicators().where(col("indicator_id").startsWith("NET_")));
        // 5 village-level regions × 7 village-level NET indicators + 8 others × 8 NET indicators
        assertEquals(5 * 7 + 8 * 8, out.count());
        for (String v : new String[] {V1, V2, C1, V3, V4}) {
            assertAbsent(out, v, "NET_TOWNSHIP_CATV");
        }
        // admin villages: V1 fiber / 4 → 0.25; T2 has CATV via V4, T1 not → 1/2; poor villages: V4,
        // no fiber → 0/1
        assertIndicator(out, PROVINCE, "NET_VILLAGE_BROADBAND", "1", "4", "0.25");
        assertIndicator(out, PROVINCE, "NET_TOWNSHIP_CATV", "1", "2", "0.5");
        assertIndicator(out, STREET, "NET_TOWNSHIP_CATV", "0", "0", null);
        assertIndicator(out, PROVINCE, "NET_POOR_VILLAGE_BROADBAND", "0", "1", "0");
        assertIndicator(out, PROVINCE, "NET_HOUSEHOLD_BROADBAND", "1", "2", "0.5");
        // a 0/0 rate: value, met and achievement null, numerator and denominator printed as 0
        Row community = row(out, C1, "NET_VILLAGE_BROADBAND");
        assertDecimal("0", community.getAs("numerator"), "C1 numerator");
        assertDecimal("0", community.getAs("denominator"), "C1 denominator");
        assertNull(community.getAs("value"));
        assertNull(community.getAs("met"));
        assertNull(community.getAs("achievement"));
        year.release();
    }

    private static Dataset<Row> villageFacts(GoldFixture f) {
        YearFrames y = f.frames();
        return NetworkIndicators.villageFacts(
                y.get(Frame.REGIONS), y.get(Frame.VILLAGE_NETWORK), y.get(Frame.POOR_VILLAGES), Y);
    }
}
