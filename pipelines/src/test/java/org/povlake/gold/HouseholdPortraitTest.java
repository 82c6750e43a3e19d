package org.povlake.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.povlake.gold.GoldFixture.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.povlake.contract.Catalogue;
import org.povlake.gold.YearFrames.Frame;

/**
 * 精准画像: one row per registered household of 2020 (L = 4000) with its history, exit criteria,
 * deprivations, assistance and claims.
 *
 * <pre>
 * H1 (V1) POOR since 2020-12-31, before that EXITED (2019-12-31): income 3000, safe housing and water; members P1
 *    (adult, insured, claim C1 discharged 2020 with 50 assistance paid, claim C0 of 2019), P2 (child aged 8, not
 *    enrolled, not insured). Assistance: MEDICAL_AID 2019 and INDUSTRY 2020 twice (amounts 100, 200 and none);
 *    one of 2021.
 * H2 (V2) EXITED 2020: income 4000 (= L), housing and water safe, no members → every exit criterion met.
 * H3 (V2) REMOVED → no portrait.
 * </pre>
 */
class HouseholdPortraitTest {

    @Test
    void aRowPerRegisteredHouseholdWithItsHistoryCriteriaAndAid() {
        GoldFixture f =
                new GoldFixture(2020)
                        .with(
                                "silver.households",
                                "SELECT * FROM VALUES"
                                        + " ('H1', DATE'2019-12-31', DATE'2020-12-31', '"
                                        + V1
                                        + "', 'EXITED', 2019, 3000, true, true, 'ILLNESS'),"
                                        + " ('H1', DATE'2020-12-31', NULL, '"
                                        + V1
                                        + "', 'POOR', NULL, 3000, true, true, 'ILLNESS'),"
                                        + " ('H2', DATE'2020-12-31', NULL, '"
                                        + V2
                                        + "', 'EXITED', 2020, 4000, true, true, 'DISASTER'),"
                                        + " ('H3', DATE'2020-12-31', NULL, '"
                                        + V2
                                        + "', 'REMOVED', NULL, 9000, true, true, NULL)"
                                        + " AS t(household_id, valid_from, valid_to, village_code, status, exit_year, per_capita_net_income,"
                                        + " housing_safe, drinking_water_safe, primary_cause)")
                        .with(
                                "silver.members",
                                "SELECT * FROM VALUES ('H1', 'P1', DATE'1970-01-01'), ('H1', 'P2', DATE'2012-01-01')"
                                        + " AS t(household_id, person_key, birth_date)")
                        .with(
                                "silver.insurance_enrollment",
                                "SELECT 'P1' AS person_key, 2020 AS year, true AS basic_medical")
                        .with(
                                "silver.assistance",
                                "SELECT * FROM VALUES ('M1', 'H1', 'MEDICAL_AID', DATE'2019-04-01', 100),"
                                        + " ('M2', 'H1', 'INDUSTRY', DATE'2020-04-01', 200), ('M4', 'H1', 'INDUSTRY', DATE'2020-09-01', NULL),"
                                        + " ('M3', 'H1', 'RELOCATION', DATE'2021-04-01', 999)"
                                        + " AS t(measure_id, household_id, measure_type, start_date, amount)")
                        .with(
                                "silver.inpatient_claims",
                                "SELECT * FROM VALUES ('C1', 'P1', DATE'2020-06-01', 50),"
                                        + " ('C0', 'P1', DATE'2019-06-01', 70) AS t(claim_id, person_key, discharge_date, assistance_paid)");
        // the households of the snapshot of 2020 are the versions valid on 2020-12-31
        YearFrames all = f.frames();
        var atSnapshot =
                all.get(Frame.HOUSEHOLDS)
                        .where(
                                "valid_from <= DATE'2020-12-31' AND (valid_to IS NULL OR valid_to > DATE'2020-12-31')");
        var registered = HouseholdFacts.registered(atSnapshot);
        var members =
                MemberFacts.of(
                        registered,
                        all.get(Frame.MEMBERS),
                        all.get(Frame.ENROLLMENT),
                        all.get(Frame.INSURANCE),
                        all.get(Frame.TRAINING),
                        2020);
        var households =
                HouseholdFacts.of(
                        registered,
                        members,
                        all.get(Frame.ASSISTANCE),
                        all.get(Frame.CLAIMS),
                        all.get(Frame.SHOPS),
                        all.get(Frame.LINKS),
                        Catalogue.get(),
                        2020,
                        new BigDecimal("4000"));
        Map<String, Row> byId = new HashMap<>();
        HouseholdPortrait.of(
                        households,
                        all.get(Frame.HISTORY),
                        LocalDate.parse("2020-12-31"),
                        members,
                        all.get(Frame.CLAIMS),
                        2020)
                .collectAsList()
                .forEach(r -> byId.put(r.getAs("household_id"), r));
        assertEquals(
                Map.of("H1", true, "H2", true),
                Map.of("H1", byId.containsKey("H1"), "H2", byId.containsKey("H2")));
        assertFalse(byId.containsKey("H3"), "a removed household has no portrait");

        Row h1 = byId.get("H1");
        assertEquals(2020, (int) h1.getAs("year"));
        assertEquals("POOR", h1.getAs("status"));
        assertEquals(LocalDate.parse("2020-12-31"), h1.getAs("status_since"));
        List<Row> history = h1.getList(h1.fieldIndex("status_history"));
        assertEquals(
                List.of("2019-12-31 EXITED", "2020-12-31 POOR"),
                history.stream().map(r -> r.get(0) + " " + r.get(1)).toList());
        assertDecimal("0.75", h1.getAs("income_to_line"), "3000 / 4000");
        assertEquals(false, h1.getAs("exit_income_ok"));
        assertEquals(false, h1.getAs("exit_children_enrolled_ok")); // P2, aged 8, not enrolled
        assertEquals(false, h1.getAs("exit_members_insured_ok")); // P2 not insured
        assertEquals(true, h1.getAs("exit_housing_ok"));
        assertEquals(false, h1.getAs("exit_all_criteria"));
        // deprivations: income 1/4; schooling 1/8 (P1's education is null: not PRIMARY or above; P2
        // is under 16);
        // attendance 1/8; insurance 1/8; broadband and terminal (null) 1/16 each → 0.75
        assertDecimal("0.75", h1.getAs("mpi_score"), "c");
        assertEquals(true, h1.getAs("deprived_schooling"));
        assertEquals(true, h1.getAs("mpi_poor"));
        assertEquals(3L, (long) h1.getAs("assistance_measures")); // the 2021 measure is not yet
        assertEquals(
                List.of("INDUSTRY", "MEDICAL_AID"), h1.getList(h1.fieldIndex("assistance_types")));
        assertDecimal("300", h1.getAs("assistance_amount"), "100 + 200 + nothing");
        assertEquals(true, h1.getAs("cause_matched_aid")); // MEDICAL_AID for ILLNESS
        assertEquals(1L, (long) h1.getAs("claims_in_year"));
        assertDecimal("50", h1.getAs("claims_assistance_paid"), "C1 only");
        assertEquals(2L, (long) h1.getAs("member_rows"));
        assertEquals(1L, (long) h1.getAs("children_not_enrolled"));

        Row h2 = byId.get("H2");
        assertTrue(
                (Boolean) h2.getAs("exit_all_criteria"),
                "income = L passes; no members passes the member clauses");
        assertEquals(0L, (long) h2.getAs("member_rows"));
        org.junit.jupiter.api.Assertions.assertNull(h2.getAs("mpi_score"));
        assertEquals(0L, (long) h2.getAs("assistance_measures"));
        assertDecimal("0", h2.getAs("assistance_amount"), "none");
    }
}
