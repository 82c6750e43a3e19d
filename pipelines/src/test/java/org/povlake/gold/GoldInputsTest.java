package org.povlake.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The silver tables gold pins: the ledger and what {@link YearFrames} declares, each a declared
 * silver table.
 */
class GoldInputsTest {
    @Test
    void goldPinsTheLedgerAndTheDeclaredTables() {
        assertEquals(
                new TreeSet<>(
                        Set.of(
                                "silver.regions",
                                "silver.deliveries",
                                "silver.households",
                                "silver.members",
                                "silver.village_network",
                                "silver.poor_villages",
                                "silver.insurance_enrollment",
                                "silver.inpatient_claims",
                                "silver.facilities",
                                "silver.schools",
                                "silver.enrollment",
                                "silver.training",
                                "silver.service_points",
                                "silver.shops",
                                "silver.shop_household_links",
                                "silver.orders",
                                "silver.assistance")),
                new TreeSet<>(GoldInputs.TABLES));
    }

    @Test
    void anUndeclaredSilverTableFailsLoudly() {
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () ->
                                GoldInputs.tables(
                                        List.of("silver.regions", "silver.households_typo")));
        assertEquals(
                "gold reads silver.households_typo, which is not a declared silver table",
                e.getMessage());
    }

    @Test
    void aYearsFramesAreAllTheDeclaredOnesOrNone() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                YearFrames.of(
                                        java.util.Map.of(
                                                YearFrames.Frame.REGIONS,
                                                GoldFixture.empty("silver.regions")),
                                        null));
        assertTrue(e.getMessage().startsWith("year frames missing: [HOUSEHOLDS, "), e.getMessage());
        assertTrue(e.getMessage().endsWith("ORDERS]"), e.getMessage());
    }
}
