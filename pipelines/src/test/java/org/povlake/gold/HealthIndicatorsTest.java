package org.povlake.gold;

import static org.apache.spark.sql.functions.col;
import static org.povlake.gold.GoldFixture.*;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.povlake.gold.YearFrames.Frame;

/**
 * HEALTH_* given/expected, on the fixture's reference ({@link GoldFixture}):
 *
 * <pre>
 * 62 ─┬─ 6201 ── 620102 ─┬─ T1 620102100 镇 ─── V1, V2 (admin villages), C1 (community)
 *     │                  └─ STREET 620102001 街道 ── V3
 *     └─ 6202 ── 620201 ──── T2 620201200 乡 ─── V4
 * </pre>
 *
 * Y = 2020.
 */
class HealthIndicatorsTest {
    private static final int Y = 2020;

    @Test
    void basicAndSeriousIllnessInsuranceOfRegisteredMemberRows() {
        GoldFixture f =
                new GoldFixture(Y)
                        .with(
                                "silver.households",
                                values(
                                        "household_id, village_code, status",
                                        r("H1", V1, "POOR"),
                                        r("H2", V2, "EXITED"),
                                        r("H3", V4, "RETURNED"),
                                        r("H4", V3, "REMOVED")))
                        .with(
                                "silver.members",
                                values(
                                        "household_id, person_key, medical_insurance",
                                        r("H1", "P1", true),
                                        r("H1", "P2", true),
                                        r("H1", "P3", false),
                                        r("H2", "P4", null),
                                        r("H2", "P5", true),
                                        r(
                                                "H3", "P5",
                                                true), // P5 is a member of H2 and H3: two member
                                        // rows
                                        r(
                                                "H3", "P6",
                                                true), // the registry says insured; health data has
                                        // no row: not
                                        r(
                                                "H4", "P7",
                                                true))) // H4 is REMOVED: not a registered member
                        .with(
                                "silver.insurance_enrollment",
                                values(
                                        "person_key, year, basic_medical, serious_illness",
                                        r("P1", 2020, true, true),
                                        r(
                                                "P2", 2019, true,
                                                true), // insured in 2019 only: not in 2020
                                        r("P3", 2020, false, true), // serious illness without basic
                                        r("P4", 2020, null, null), // null = not
                                        r("P5", 2020, true, false),
                                        r("P7", 2020, true, true)));
        Dataset<Row> out = local(f.rollup(f.memberFacts(), HealthIndicators.memberMeasures()));
        // member rows: V1 P1 P2 P3; V2 P4 P5; V4 P5 P6 → 7
        // basic-insured in 2020: P1, P5 (V2), P5 (V4) → 3/7 = 0.428571428… → 0.428571
        assertIndicator(out, PROVINCE, "HEALTH_BASIC_INSURANCE", "3", "7", "0.428571");
        // serious illness in 2020: P1, P3 → 2/7 = 0.285714285… → 0.285714
        assertIndicator(out, PROVINCE, "HEALTH_SERIOUS_ILLNESS_INSURANCE", "2", "7", "0.285714");
        assertIndicator(out, V1, "HEALTH_BASIC_INSURANCE", "1", "3", "0.333333");
        assertIndicator(out, V1, "HEALTH_SERIOUS_ILLNESS_INSURANCE", "2", "3", "0.666667");
        assertIndicator(out, V2, "HEALTH_BASIC_INSURANCE", "1", "2", "0.5");
        assertIndicator(out, V2, "HEALTH_SERIOUS_ILLNESS_INSURANCE", "0", "2", "0");
        assertIndicator(out, V4, "HEALTH_BASIC_INSURANCE", "1", "2", "0.5");
        assertIndicator(out, V4, "HEALTH_SERIOUS_ILLNESS_INSURANCE", "0", "2", "0");
        assertIndicator(out, V3, "HEALTH_BASIC_INSURANCE", "0", "0", null); // H4 removed
        // T1 = V1 + V2: basic 2/5 = 0.4, serious 2/5 = 0.4; city 6201 the same; city 6202 = V4
        assertIndicator(out, T1, "HEALTH_BASIC_INSURANCE", "2", "5", "0.4");
        assertIndicator(out, T1, "HEALTH_SERIOUS_ILLNESS_INSURANCE", "2", "5", "0.4");
        assertIndicator(out, CITY1, "HEALTH_BASIC_INSURANCE", "2", "5", "0.4");
        assertIndicator(out, CITY2, "HEALTH_BASIC_INSURANCE", "1", "2", "0.5");
        // member rows are not shared: P5 counts once per household, so the province is the sum of
        // its cities
        assertProvinceIsSumOfCities(out, "HEALTH_BASIC_INSURANCE");
        assertProvinceIsSumOfCities(out, "HEALTH_SERIOUS_ILLNESS_INSURANCE");
    }

    /**
     * Households, members and claims of the claims tests: P1 in V1 and V4, P2 in V1 and V2, P3 in
     * V2 (and in a REMOVED household of V3), P6 only in a REMOVED household, P7 no member.
     */
    private static GoldFixture claimsFixture() {
        return new GoldFixture(Y)
                .with(
                        "silver.households",
                        values(
                                "household_id, village_code, status",
                                r("H1", V1, "POOR"),
                                r("H2", V2, "EXITED"),
                                r("H3", V4, "RETURNED"),
                                r("H4", V3, "POOR"),
                                r("H5", V3, "REMOVED")))
                .with(
                        "silver.members",
                        values(
                                "household_id, person_key",
                                r("H1", "P1"),
                                r("H1", "P2"),
                                r("H2", "P2"),
                                r("H2", "P3"), // P2: villages V1, V2 → common ancestor T1
                                r("H3", "P4"),
                                r("H3", "P1"), // P1: villages V1, V4 → common ancestor the province
                                r("H4", "P5"),
                                r("H5", "P6"), // H5 is REMOVED: P6 is no registered member
                                r("H5", "P3"))) // nor is P3 in H5: P3's claims are in V2 only
                .with(
                        "silver.inpatient_claims",
                        values(
                                "claim_id, person_key, discharge_date, total_cost,"
                                        + " basic_reimbursed, serious_reimbursed, assistance_paid, one_stop",
                                r(
                                        "K1",
                                        "P2",
                                        "2020-03-10",
                                        1000,
                                        500,
                                        100,
                                        50,
                                        true), // paid 650; V1, V2
                                r(
                                        "K2",
                                        "P1",
                                        "2020-12-31",
                                        2000,
                                        1000,
                                        null,
                                        null,
                                        null), // paid 1000 (nulls as 0); V1, V4
                                r(
                                        "K3",
                                        "P3",
                                        "2020-01-01",
                                        400,
                                        200,
                                        0,
                                        100,
                                        false), // paid 300; V2
                                r(
                                        "K4",
                                        "P5",
                                        "2019-12-31",
                                        999,
                                        999,
                                        0,
                                        0,
                                        true), // discharged in 2019: not counted
                                r(
                                        "K5",
                                        "P5",
                                        "2020-06-06",
                                        600,
                                        300,
                                        null,
                                        60,
                                        true), // paid 360; V3
                                r(
                                        "K6",
                                        "P6",
                                        "2020-05-05",
                                        500,
                                        500,
                                        0,
                                        0,
                                        true), // not a registered member: nowhere
                                r(
                                        "K7",
                                        "P7",
                                        "2020-05-05",
                                        700,
                                        700,
                                        0,
                                        0,
                                        true), // not a member at all: nowhere
                                r(
                                        "K8",
                                        "P4",
                                        "2021-01-01",
                                        100,
                                        100,
                                        0,
                                        0,
                                        true))); // discharged in 2021
    }

    /*
     * Counted claims of 2020 (paid / cost): K1 (650 / 1000, one-stop), K2 (1000 / 2000, not), K3 (300 / 400, not),
     * K5 (360 / 600, one-stop).
     * A claim is in every village holding a household of its claimant, and once in each region containing one of them.
     *   V1: K1 K2 → 1650 / 3000 = 0.55; one-stop 1/2          V2: K1 K3 → 950 / 1400 = 0.678571428… → 0.678571; 1/2
     *   V4: K2 → 1000 / 2000 = 0.5; 0/1                         V3: K5 → 360 / 600 = 0.6; 1/1
     *   T1: K1 (once) K2 K3 → 1950 / 3400 = 0.573529411… → 0.573529; 1/3 = 0.333333
     *   county 620102 = city 6201: K1 K2 K3 K5 → 2310 / 4000 = 0.5775; 2/4
     *   T2 = county 620201 = city 6202: K2 → 1000 / 2000; 0/1
     *   province: K1 K2 K3 K5 once each → 2310 / 4000 = 0.5775; 2/4 — not city 6201 + city 6202 (K2 is in both)
     */
    private static void assertClaims(Dataset<Row> out) {
        assertIndicator(out, V1, "HEALTH_REIMBURSEMENT_RATIO", "1650", "3000", "0.55");
        assertIndicator(out, V1, "HEALTH_ONE_STOP", "1", "2", "0.5");
        assertIndicator(out, V2, "HEALTH_REIMBURSEMENT_RATIO", "950", "1400", "0.678571");
        assertIndicator(out, V2, "HEALTH_ONE_STOP", "1", "2", "0.5");
        assertIndicator(out, V4, "HEALTH_REIMBURSEMENT_RATIO", "1000", "2000", "0.5");
        assertIndicator(out, V4, "HEALTH_ONE_STOP", "0", "1", "0");
        assertIndicator(out, V3, "HEALTH_REIMBURSEMENT_RATIO", "360", "600", "0.6");
        assertIndicator(out, V3, "HEALTH_ONE_STOP", "1", "1", "1");
        assertIndicator(out, C1, "HEALTH_REIMBURSEMENT_RATIO", "0", "0", null);
        assertIndicator(out, C1, "HEALTH_ONE_STOP", "0", "0", null);
        assertIndicator(out, T1, "HEALTH_REIMBURSEMENT_RATIO", "1950", "3400", "0.573529");
        assertIndicator(out, T1, "HEALTH_ONE_STOP", "1", "3", "0.333333");
        assertIndicator(out, STREET, "HEALTH_ONE_STOP", "1", "1", "1");
        assertIndicator(out, COUNTY1, "HEALTH_REIMBURSEMENT_RATIO", "2310", "4000", "0.5775");
        assertIndicator(out, CITY1, "HEALTH_ONE_STOP", "2", "4", "0.5");
        assertIndicator(out, T2, "HEALTH_REIMBURSEMENT_RATIO", "1000", "2000", "0.5");
        assertIndicator(out, CITY2, "HEALTH_ONE_STOP", "0", "1", "0");
        assertIndicator(out, PROVINCE, "HEALTH_REIMBURSEMENT_RATIO", "2310", "4000", "0.5775");
        assertIndicator(out, PROVINCE, "HEALTH_ONE_STOP", "2", "4", "0.5");
    }

    @Test
    void claimsOfYCountOnceInEveryRegionHoldingAHouseholdOfTheClaimant() {
        GoldFixture f = claimsFixture();
        Dataset<Row> persons = MemberFacts.persons(f.memberFacts());
        assertClaims(
                local(
                        f.rollup(
                                HealthIndicators.claimFacts(
                                        f.frames().get(Frame.CLAIMS), persons, Y))));
    }

    @Test
    void theYearPlacesClaimsTheSameWay() {
        // the full year (slow): the same claims through GoldYear
        GoldYear.Output year = claimsFixture().compute();
        assertClaims(local(year.indicators().where(col("indicator_id").startsWith("HEALTH_"))));
        year.release();
    }

    @Test
    void telemedicineOverCountyHospitalsOnly() {
        GoldFixture f =
                new GoldFixture(Y)
                        .with(
                                "silver.facilities",
                                values(
                                        "facility_code, village_code, level, telemedicine",
                                        r("F1", V1, "COUNTY_HOSPITAL", true),
                                        r("F2", V2, "COUNTY_HOSPITAL", null), // null = not
                                        r(
                                                "F3",
                                                V1,
                                                "TOWNSHIP_CENTER",
                                                true), // not a county hospital: in neither count
                                        r("F4", V4, "COUNTY_HOSPITAL", false),
                                        r(
                                                "F5",
                                                C1,
                                                "COUNTY_HOSPITAL",
                                                true), // in a community: counts (facilities, not
                                        // villages)
                                        r(
                                                "F6",
                                                V3,
                                                "VILLAGE_CLINIC",
                                                true))); // not a county hospital
        Dataset<Row> out =
                local(
                        f.rollup(
                                Facts.direct(
                                        HealthIndicators.facilityFacts(
                                                f.frames().get(Frame.FACILITIES)))));
        // county hospitals: F1 F2 F4 F5 = 4; with telemedicine: F1 F5 → 2/4 = 0.5
        assertIndicator(out, PROVINCE, "HEALTH_COUNTY_TELEMEDICINE", "2", "4", "0.5");
        assertIndicator(out, V1, "HEALTH_COUNTY_TELEMEDICINE", "1", "1", "1"); // F3 not counted
        assertIndicator(out, V2, "HEALTH_COUNTY_TELEMEDICINE", "0", "1", "0");
        assertIndicator(out, C1, "HEALTH_COUNTY_TELEMEDICINE", "1", "1", "1");
        assertIndicator(
                out, V3, "HEALTH_COUNTY_TELEMEDICINE", "0", "0", null); // only a village clinic
        assertIndicator(out, STREET, "HEALTH_COUNTY_TELEMEDICINE", "0", "0", null);
        // T1 = county 620102: F1 F2 F5 → 2/3 = 0.666667; city 6202: F4 → 0/1
        assertIndicator(out, T1, "HEALTH_COUNTY_TELEMEDICINE", "2", "3", "0.666667");
        assertIndicator(out, COUNTY1, "HEALTH_COUNTY_TELEMEDICINE", "2", "3", "0.666667");
        assertIndicator(out, CITY2, "HEALTH_COUNTY_TELEMEDICINE", "0", "1", "0");
        assertProvinceIsSumOfCities(out, "HEALTH_COUNTY_TELEMEDICINE");
    }
}
