package org.povlake.silver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.povlake.contract.Contract;

/**
 * The silver graph derived from the declarations: the build's waves, the incremental scopes, the
 * contract's extracts.
 */
class SilverTablesTest {
    static final LocalDate D19 = LocalDate.of(2019, 12, 31);
    static final LocalDate D20 = LocalDate.of(2020, 12, 31);

    static List<List<String>> names(List<List<SilverTable>> waves) {
        List<List<String>> out = new ArrayList<>();
        waves.forEach(w -> out.add(w.stream().map(SilverTable::name).toList()));
        return out;
    }

    @Test
    void theWavesAreTheBuildOrder() {
        assertEquals(
                List.of(
                        List.of(
                                "silver.regions",
                                "silver.households",
                                "silver.members",
                                "silver.poor_villages",
                                "silver.village_network",
                                "silver.insurance_enrollment",
                                "silver.facilities",
                                "silver.schools",
                                "silver.service_points",
                                "silver.shops",
                                "silver.shop_household_links",
                                "silver.assistance",
                                "silver.orders"),
                        List.of(
                                "silver.inpatient_claims",
                                "silver.training",
                                "silver.enrollment",
                                "silver.household_signals",
                                "silver.member_signals")),
                names(SilverTables.waves()));
    }

    @Test
    void everyExtractOfTheContractHasOneTableAndEveryNameIsAnExtract() {
        assertEquals(List.of(), SilverTables.disagreements(Contract.get().extracts().keySet()));
        List<String> more = new ArrayList<>(Contract.get().extracts().keySet());
        more.add("registry_pets");
        more.remove("education_training");
        assertEquals(
                List.of(
                        "a silver table names education_training, which is not an extract of the contract",
                        "no silver table is made from the extract registry_pets"),
                SilverTables.disagreements(more));
    }

    @Test
    void theQualityReportsListsComeFromTheDeclarations() {
        assertEquals(
                "silver.household_signals",
                SilverTables.rowsOf("registry_households").orElseThrow().name());
        assertEquals(
                "silver.village_network",
                SilverTables.rowsOf("telecom_village_network").orElseThrow().name());
        assertEquals(
                List.of("silver.inpatient_claims", "silver.training", "silver.enrollment"),
                SilverTables.markedInRegistry().stream().map(SilverTable::name).toList());
    }

    @Test
    void anUndeclaredInputOrACycleFailsLoudly() {
        SilverTable reader =
                SilverTable.table("silver.a")
                        .from("registry_households")
                        .sameDateAs("silver.missing")
                        .step((s, t, scope) -> "full");
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class, () -> SilverTables.waves(List.of(reader)));
        assertEquals(
                "silver.a reads silver.missing, which no silver table declares", e.getMessage());
        SilverTable a =
                SilverTable.table("silver.a")
                        .checkedAgainst("silver.b")
                        .step((s, t, scope) -> "full");
        SilverTable b =
                SilverTable.table("silver.b")
                        .checkedAgainst("silver.a")
                        .step((s, t, scope) -> "full");
        assertTrue(
                assertThrows(IllegalStateException.class, () -> SilverTables.waves(List.of(a, b)))
                        .getMessage()
                        .startsWith("silver tables read each other in a cycle"));
        assertThrows(
                IllegalStateException.class,
                () -> SilverTables.waves(List.of(SilverTable.table("silver.c"))));
        assertThrows(IllegalArgumentException.class, () -> SilverTables.get("silver.nope"));
    }

    static Map<String, Scope> scopes(Plan plan) {
        Map<String, Scope> out = new java.util.LinkedHashMap<>();
        SilverTables.all().forEach(t -> out.put(t.name(), plan.scope(t)));
        return out;
    }

    @Test
    void aFullBuildRecomputesEverything() {
        scopes(new Plan(true, Map.of(), true)).forEach((t, s) -> assertTrue(s.all(), t));
    }

    @Test
    void aNewHouseholdsDeliveryRecomputesItsDatesAndWhatIsCheckedAgainstEverySnapshot() {
        Map<String, Scope> s =
                scopes(new Plan(false, Map.of("registry_households", Set.of(D20)), false));
        assertTrue(s.get("silver.regions").none());
        assertEquals(
                Scope.of(Set.of(D20)),
                s.get("silver.households"),
                "the history: folded again from its first changed delivery");
        assertEquals(
                Scope.of(Set.of(D20)),
                s.get("silver.members"),
                "members: the households of the same date");
        assertEquals(Scope.of(Set.of(D20)), s.get("silver.household_signals"));
        assertEquals(
                Scope.of(Set.of(D20)), s.get("silver.member_signals"), "the members' snapshots");
        for (String t :
                List.of(
                        "silver.shops",
                        "silver.shop_household_links",
                        "silver.assistance",
                        "silver.inpatient_claims",
                        "silver.training",
                        "silver.enrollment")) {
            assertTrue(s.get(t).all(), t);
        }
        for (String t :
                List.of(
                        "silver.poor_villages",
                        "silver.village_network",
                        "silver.insurance_enrollment",
                        "silver.facilities",
                        "silver.schools",
                        "silver.service_points",
                        "silver.orders")) {
            assertTrue(s.get(t).none(), t);
        }
    }

    @Test
    void aChangedSnapshotOrEventDeliveryRecomputesItsOwnDates() {
        Map<String, Scope> s =
                scopes(
                        new Plan(
                                false,
                                Map.of(
                                        "registry_members",
                                        Set.of(D19),
                                        "health_insurance_enrollment",
                                        Set.of(D20),
                                        "ecommerce_orders",
                                        Set.of(D20)),
                                false));
        assertEquals(Scope.of(Set.of(D19)), s.get("silver.members"));
        assertEquals(Scope.of(Set.of(D19)), s.get("silver.household_signals"), "the members' date");
        assertTrue(s.get("silver.households").none());
        assertEquals(Scope.of(Set.of(D20)), s.get("silver.insurance_enrollment"));
        assertEquals(Scope.of(Set.of(D20)), s.get("silver.orders"));
        assertEquals(
                Scope.of(Set.of(D19, D20)),
                s.get("silver.member_signals"),
                "the members' dates, and the insurance deliveries its step resolves to snapshots");
        assertTrue(s.get("silver.inpatient_claims").all(), "marked against the registry's members");
        assertTrue(s.get("silver.shops").none());
        Map<String, Scope> shops =
                scopes(new Plan(false, Map.of("ecommerce_shops", Set.of(D19)), false));
        assertEquals(Scope.of(Set.of(D19)), shops.get("silver.shops"));
        assertTrue(
                shops.get("silver.orders").all(), "orders are placed by the shops of any snapshot");
        assertTrue(shops.get("silver.shop_household_links").all());
        assertTrue(shops.get("silver.member_signals").none());
        assertTrue(
                scopes(new Plan(false, Map.of(), true)).get("silver.regions").all(),
                "new divisions");
    }
}
