package org.povlake.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.povlake.gold.GoldFixture.*;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * One whole year through {@link GoldYear#compute}: missing and stale inputs, change from Y−1,
 * scores, MPI, portrait.
 */
class GoldYearTest {

    @Test
    void missingAndStaleInputsScoresChangeAndTheOtherOutputs() {
        // households: H1 POOR in V1 with a helper; H2 POOR in V4 without one; nothing else
        // delivered for assistance;
        // the network's snapshot is of 2019 (stale for 2020) and holds V1 with fiber.
        GoldFixture f =
                new GoldFixture(2020)
                        .with(
                                "silver.households",
                                "SELECT * FROM VALUES ('H1', '"
                                        + V1
                                        + "', 'POOR', 'K1', 'ILLNESS'),"
                                        + " ('H2', '"
                                        + V4
                                        + "', 'POOR', NULL, 'ILLNESS') AS t(household_id, village_code, status,"
                                        + " helper_key, primary_cause)")
                        .with(
                                "silver.members",
                                "SELECT 'H1' AS household_id, 'P1' AS person_key, DATE'1970-01-01' AS birth_date")
                        .with(
                                "silver.village_network",
                                "SELECT '" + V1 + "' AS village_code, true AS fiber_broadband")
                        .snapshot(
                                "telecom_village_network", java.time.LocalDate.parse("2019-12-31"))
                        .noEvents("registry_assistance")
                        .householdsPrevious(null);
        // the printed values of 2019: the province's helper rate was 0.75
        Dataset<Row> previous =
                SPARK.sql(
                        "SELECT '62' AS region_code, 'TARGET_HELPER_ASSIGNED' AS indicator_id,"
                                + " CAST(0.75 AS DECIMAL(38,6)) AS value");
        GoldYear.Output out = f.compute(previous);
        try {
            // helper: 1/2 = 0.5, target 1 floor 0 → achievement 0.5, not met; change 0.5 − 0.75 =
            // −0.25
            Row helper = row(out, PROVINCE, "TARGET_HELPER_ASSIGNED");
            assertDecimal("0.5", helper.getAs("value"), "value");
            assertDecimal("0.5", helper.getAs("achievement"), "achievement");
            assertEquals(false, helper.getAs("met"));
            assertDecimal("-0.25", helper.getAs("change"), "change");
            assertEquals(false, helper.getAs("stale"));
            // cause-matched aid needs assistance, never delivered: printed empty, missing,
            // achievement 0 (scored)
            Row aid = row(out, PROVINCE, "TARGET_CAUSE_MATCHED_AID");
            assertNull(aid.getAs("numerator"));
            assertNull(aid.getAs("denominator"));
            assertNull(aid.getAs("value"));
            assertNull(aid.getAs("met"));
            assertEquals(true, aid.getAs("missing"));
            assertDecimal("0", aid.getAs("achievement"), "achievement of a missing indicator");
            // no households of 2019 at all: return to poverty null, neither stale nor missing
            Row back = row(out, PROVINCE, "TARGET_RETURN_TO_POVERTY");
            assertNull(back.getAs("value"));
            assertEquals(false, back.getAs("stale"));
            assertEquals(false, back.getAs("missing"));
            // the network's snapshot dates from 2019: computed and stale (1 of 4 admin villages)
            Row net = row(out, PROVINCE, "NET_VILLAGE_BROADBAND");
            assertDecimal("0.25", net.getAs("value"), "value");
            assertEquals(true, net.getAs("stale"));
            // an unscored indicator: no target, met or achievement
            Row overdue = row(out, PROVINCE, "TARGET_EXIT_OVERDUE");
            assertNull(overdue.getAs("target"));
            assertNull(overdue.getAs("achievement"));
            assertNull(overdue.getAs("met"));

            // 19 TARGET-pillar rows at the province; its score is the mean of the printed
            // achievements of scored
            // indicators with a value or missing — recompute it from the indicator rows
            Row target =
                    out.pillarScores().where("region_code = '62' AND pillar = 'TARGET'").first();
            Dataset<Row> counted =
                    out.indicators()
                            .where(
                                    "region_code = '62' AND pillar = 'TARGET' AND target IS NOT NULL"
                                            + " AND (value IS NOT NULL OR missing)");
            java.math.BigDecimal sum = counted.selectExpr("sum(achievement)").first().getDecimal(0);
            long n = counted.count();
            assertEquals(n, (long) (int) target.getAs("indicators_scored"));
            assertDecimal(
                    Scoring.mean(sum, n).toPlainString(), target.getAs("score"), "TARGET pillar");

            // cities are ranked among cities: two cities, both with a composite
            assertEquals(
                    2,
                    out.regionScores().where("region_level = 'city' AND rank IS NOT NULL").count());
            assertEquals(
                    0,
                    out.regionScores()
                            .where("region_level = 'village' AND rank IS NOT NULL")
                            .count());
            // the MPI table has a row per region; the portrait one per registered household
            assertEquals(13, out.mpi().count());
            assertEquals(2, out.portrait().count());
            Row h1 = out.portrait().where("household_id = 'H1'").first();
            assertEquals(true, h1.getAs("helper_assigned"));
            assertEquals(1L, (long) h1.getAs("member_rows"));
            assertTrue(
                    out.indicators()
                            .where("value < 0 AND indicator_id <> 'ECOM_TRADE_GROWTH'")
                            .isEmpty());
        } finally {
            out.release();
        }
    }

    @Test
    void aCatalogueIdNoCodeComputesStopsTheYearBeforeAnythingIsComputed() {
        org.povlake.contract.Catalogue shipped = org.povlake.contract.Catalogue.get();
        java.util.List<org.povlake.contract.Catalogue.Indicator> more =
                new java.util.ArrayList<>(shipped.indicators());
        org.povlake.contract.Catalogue.Indicator t = shipped.require("EDU_SCHOOL_BROADBAND");
        more.add(
                new org.povlake.contract.Catalogue.Indicator(
                        "EDU_SCHOOL_WIFI",
                        "EDU",
                        "学校无线覆盖率",
                        "schools with Wi-Fi",
                        "schools with Wi-Fi / schools",
                        t.target(),
                        t.direction(),
                        t.floor(),
                        t.lowestLevel(),
                        t.counts(),
                        t.needs()));
        GoldFixture f = new GoldFixture(2020).catalogue(IndicatorRegistryTest.with(shipped, more));
        IllegalStateException e =
                org.junit.jupiter.api.Assertions.assertThrows(
                        IllegalStateException.class, f::compute);
        assertTrue(
                e.getMessage()
                        .contains("EDU_SCHOOL_WIFI is in the catalogue but no code computes it"),
                e.getMessage());
    }
}
