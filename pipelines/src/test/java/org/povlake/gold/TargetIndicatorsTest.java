package org.povlake.gold;

import static org.povlake.gold.GoldFixture.*;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.povlake.gold.YearFrames.Frame;

/**
 * TARGET_* given/expected on one hand-built registry of 2020 (L(2020) = 4000, so 2·L = 8000):
 *
 * <pre>
 * household village status    exit  cause      income housing water helper members
 * H1        V1      POOR            ILLNESS    9000   true    true  K1     P1, P9
 * H2        V1      RETURNED        LACK_SKILL 3000   null    true  -      P2
 * H3        V2      EXITED    2020  EDUCATION  4000   true    true  K3     P3 (child, 10, enrolled), P9
 * H4        V2      EXITED    2020  LACK_LAND  5000   true    true  K4     P4 (not insured)
 * H5        V4      EXITED    2020  LACK_WATER null   true    true  K5     (none)
 * H6        V4      EXITED    2019  DISABILITY 6000   true    true  K6     P6
 * H7        V3      REMOVED         ILLNESS    1000   true    true  K7     P7   (not registered)
 * H8        V3      POOR            null       2000   true    true  -      (none)
 * </pre>
 *
 * Insured in 2020 (basic and serious): P1, P2, P3, P6, P9; P4 and P7 absent. Enrolled 2020: P3.
 * Registry medical_insurance flags: P1 true, P9 true in H1 and null in H3, P2 false, P3 true, P4
 * true, P6 null. Assistance: H1 MEDICAL_AID 2019-03-01 (matches ILLNESS); H2 INDUSTRY 2020-01-01
 * (does not match LACK_SKILL); H3 EDUCATION_AID 2021-01-10 (after the year); H4 RELOCATION
 * 2018-05-01 (matches LACK_LAND). Claims: P6 assistance_paid 100 discharged 2019-05-01 (DISABILITY:
 * counts as MEDICAL_AID); P2 assistance_paid 0 (does not count; LACK_SKILL would not match anyway).
 * Households of 2019: H2 EXITED in V2 (returned in 2020, now in V1), H9 EXITED in V3 (gone in
 * 2020), H10 POOR in V4.
 */
class TargetIndicatorsTest {
    static GoldFixture f;
    static Dataset<Row> rows;

    @BeforeAll
    static void compute() {
        f =
                new GoldFixture(2020)
                        .with(
                                "silver.households",
                                "SELECT * FROM VALUES"
                                        + " ('H1', '"
                                        + V1
                                        + "', 'POOR', NULL, 'ILLNESS', 9000, true, true, 'K1'),"
                                        + " ('H2', '"
                                        + V1
                                        + "', 'RETURNED', NULL, 'LACK_SKILL', 3000, NULL, true, NULL),"
                                        + " ('H3', '"
                                        + V2
                                        + "', 'EXITED', 2020, 'EDUCATION', 4000, true, true, 'K3'),"
                                        + " ('H4', '"
                                        + V2
                                        + "', 'EXITED', 2020, 'LACK_LAND', 5000, true, true, 'K4'),"
                                        + " ('H5', '"
                                        + V4
                                        + "', 'EXITED', 2020, 'LACK_WATER', NULL, true, true, 'K5'),"
                                        + " ('H6', '"
                                        + V4
                                        + "', 'EXITED', 2019, 'DISABILITY', 6000, true, true, 'K6'),"
                                        + " ('H7', '"
                                        + V3
                                        + "', 'REMOVED', NULL, 'ILLNESS', 1000, true, true, 'K7'),"
                                        + " ('H8', '"
                                        + V3
                                        + "', 'POOR', NULL, NULL, 2000, true, true, NULL)"
                                        + " AS t(household_id, village_code, status, exit_year, primary_cause, per_capita_net_income,"
                                        + " housing_safe, drinking_water_safe, helper_key)")
                        .with(
                                "silver.members",
                                "SELECT * FROM VALUES"
                                        + " ('H1', 'P1', DATE'1970-01-01', true), ('H1', 'P9', DATE'1980-01-01', true),"
                                        + " ('H2', 'P2', DATE'1975-01-01', false), ('H3', 'P3', DATE'2010-05-01', true),"
                                        + " ('H3', 'P9', DATE'1980-01-01', NULL), ('H4', 'P4', DATE'1960-01-01', true),"
                                        + " ('H6', 'P6', DATE'1950-01-01', NULL), ('H7', 'P7', DATE'1990-01-01', true)"
                                        + " AS t(household_id, person_key, birth_date, medical_insurance)")
                        .with(
                                "silver.insurance_enrollment",
                                "SELECT p AS person_key, 2020 AS year, true AS basic_medical,"
                                        + " true AS serious_illness FROM VALUES ('P1'), ('P2'), ('P3'), ('P6'), ('P9') AS t(p)")
                        .with(
                                "silver.enrollment",
                                "SELECT 'P3' AS person_key, 2020 AS school_year, 'ENROLLED' AS status")
                        .with(
                                "silver.assistance",
                                "SELECT * FROM VALUES"
                                        + " ('M1', 'H1', 'MEDICAL_AID', DATE'2019-03-01'), ('M2', 'H2', 'INDUSTRY', DATE'2020-01-01'),"
                                        + " ('M3', 'H3', 'EDUCATION_AID', DATE'2021-01-10'), ('M4', 'H4', 'RELOCATION', DATE'2018-05-01')"
                                        + " AS t(measure_id, household_id, measure_type, start_date)")
                        .with(
                                "silver.inpatient_claims",
                                "SELECT * FROM VALUES"
                                        + " ('C6', 'P6', DATE'2019-05-01', 100), ('C2', 'P2', DATE'2020-05-01', 0)"
                                        + " AS t(claim_id, person_key, discharge_date, assistance_paid)")
                        .withPrevious(
                                "SELECT * FROM VALUES ('H2', '"
                                        + V2
                                        + "', 'EXITED'), ('H9', '"
                                        + V3
                                        + "', 'EXITED'),"
                                        + " ('H10', '"
                                        + V4
                                        + "', 'POOR') AS t(household_id, village_code, status)");
        YearFrames y = f.frames();
        Dataset<Row> members = f.memberFacts();
        Facts facts =
                Facts.direct(
                                Facts.sumByPlace(
                                        f.householdFacts(),
                                        org.apache.spark.sql.functions.col("village_code"),
                                        TargetIndicators.householdMeasures(
                                                2020, new BigDecimal("4000"))))
                        .plus(
                                Facts.direct(
                                        Facts.sumByPlace(
                                                members,
                                                org.apache.spark.sql.functions.col("village_code"),
                                                TargetIndicators.memberMeasures())))
                        .plus(TargetIndicators.duplicatePersons(MemberFacts.persons(members)))
                        .plus(
                                Facts.direct(
                                        TargetIndicators.returnToPoverty(
                                                y.get(Frame.HOUSEHOLDS_PREVIOUS),
                                                y.get(Frame.HOUSEHOLDS))));
        rows = f.rollup(facts).cache();
    }

    @Test
    void portraitComplete() {
        // registered: H1 H2 H3 H4 H5 H6 H8 = 7 (H7 REMOVED); complete: H1, H3, H4, H6 (H2 housing
        // null, H5 income null
        // and no members, H8 no cause and no members) → 4/7 = 0.571428571… → 0.571429
        assertIndicator(rows, PROVINCE, "TARGET_PORTRAIT_COMPLETE", "4", "7", "0.571429");
        assertIndicator(
                rows, V3, "TARGET_PORTRAIT_COMPLETE", "0", "1", "0"); // H8 only (H7 not registered)
    }

    @Test
    void duplicatePersonsCountOncePerRegionHoldingOneOfTheirHouseholds() {
        // registered persons: P1 P9 P2 P3 P4 P6 = 6 (P7's household is REMOVED); P9 is in H1 (V1)
        // and H3 (V2) → 1/6
        assertIndicator(rows, PROVINCE, "TARGET_DUPLICATE_PERSON", "1", "6", "0.166667");
        assertIndicator(rows, V1, "TARGET_DUPLICATE_PERSON", "1", "3", "0.333333"); // P1 P9 P2
        assertIndicator(rows, V2, "TARGET_DUPLICATE_PERSON", "1", "3", "0.333333"); // P3 P9 P4
        // the township holds both villages: P9 counts once → P1 P9 P2 P3 P4 = 5
        assertIndicator(rows, T1, "TARGET_DUPLICATE_PERSON", "1", "5", "0.2");
        assertIndicator(rows, CITY2, "TARGET_DUPLICATE_PERSON", "0", "1", "0"); // P6
    }

    @Test
    void exitOverdueAndHelperAssignedCountInPovertyHouseholds() {
        // in poverty: H1 H2 H8 (POOR/RETURNED); income ≥ 8000: H1 → 1/3
        assertIndicator(rows, PROVINCE, "TARGET_EXIT_OVERDUE", "1", "3", "0.333333");
        // helper: H1 → 1/3
        assertIndicator(rows, PROVINCE, "TARGET_HELPER_ASSIGNED", "1", "3", "0.333333");
        assertIndicator(
                rows, V2, "TARGET_HELPER_ASSIGNED", "0", "0", null); // only exited households
    }

    @Test
    void causeMatchedAidCountsMeasuresAndClaimsByTheEndOfTheYear() {
        // with a primary cause: H1 H2 H3 H4 H5 H6 = 6 (H8 none, H7 not registered)
        // matched: H1 (MEDICAL_AID for ILLNESS), H4 (RELOCATION for LACK_LAND), H6 (a 2019 claim
        // with assistance paid
        // for DISABILITY); not H2 (INDUSTRY ≠ LACK_SKILL's), not H3 (measure starts 2021) → 3/6
        assertIndicator(rows, PROVINCE, "TARGET_CAUSE_MATCHED_AID", "3", "6", "0.5");
        assertIndicator(rows, V4, "TARGET_CAUSE_MATCHED_AID", "1", "2", "0.5"); // H6 yes, H5 no
    }

    @Test
    void exitComplianceNeedsAllFiveCriteria() {
        // EXITED with exit_year 2020: H3 H4 H5 (H6 exited 2019). H3: income 4000 = L passes, child
        // enrolled, all insured
        // → compliant; H4: P4 not insured → fails; H5: null income fails (no members passes the
        // other two) → 1/3
        assertIndicator(rows, PROVINCE, "TARGET_EXIT_COMPLIANCE", "1", "3", "0.333333");
        assertIndicator(rows, V2, "TARGET_EXIT_COMPLIANCE", "1", "2", "0.5");
        assertIndicator(rows, V1, "TARGET_EXIT_COMPLIANCE", "0", "0", null);
    }

    @Test
    void returnToPovertyPlacesHouseholdsWhereTheyExited() {
        // EXITED in 2019: H2 (V2), H9 (V3); RETURNED in 2020: H2 → 1/2; H2 counts in V2 (2019), not
        // V1 (2020)
        assertIndicator(rows, PROVINCE, "TARGET_RETURN_TO_POVERTY", "1", "2", "0.5");
        assertIndicator(rows, V2, "TARGET_RETURN_TO_POVERTY", "1", "1", "1");
        assertIndicator(rows, V1, "TARGET_RETURN_TO_POVERTY", "0", "0", null);
        assertIndicator(rows, V3, "TARGET_RETURN_TO_POVERTY", "0", "1", "0");
    }

    @Test
    void registryHealthAgreementOverMemberRowsWithAKnownRegistryFlag() {
        // member rows of registered households with a registry flag: H1/P1 true=insured ✓, H1/P9
        // true ✓, H2/P2 false ≠
        // insured ✗, H3/P3 true ✓, H4/P4 true but absent from insurance ✗ (H3/P9 and H6/P6 null:
        // left out) → 3/5
        assertIndicator(rows, PROVINCE, "TARGET_REGISTRY_HEALTH_AGREEMENT", "3", "5", "0.6");
    }

    @Test
    void everyRegionGetsEveryIndicatorAndTheProvinceIsTheSumOfItsCities() {
        List<Row> r = rows.where("indicator_id = 'TARGET_PORTRAIT_COMPLETE'").collectAsList();
        org.junit.jupiter.api.Assertions.assertEquals(
                13, r.size(), "13 regions in the fixture's reference");
        BigDecimal cities = BigDecimal.ZERO;
        BigDecimal province = null;
        for (Row x : r) {
            if (x.getString(1).equals("city")) {
                cities = cities.add(x.getDecimal(3));
            } else if (x.getString(1).equals("province")) {
                province = x.getDecimal(3);
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(0, cities.compareTo(province));
    }
}
