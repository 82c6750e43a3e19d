package org.povlake.silver;

import static org.povlake.silver.SilverTable.table;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every silver table, declared once: where its rows come from and what it is checked against
 * ({@link SilverTable}), and its step in {@link SilverSteps}. Adding an extract to silver is one
 * entry here (plus its schema file and its step). Derived from the declarations: the build's waves
 * (a table that reads a silver table runs after it), the part of each table an incremental build
 * recomputes ({@link Plan}), the silver table the quality report counts an extract's rows in, and
 * the tables whose persons are marked {@code in_registry}. A declaration naming a silver table no
 * entry declares, or a cycle, fails when the class loads.
 */
public final class SilverTables {
    private static final List<SilverTable> DECLARED =
            List.of(
                    table(Regions.TABLE).fromDivisions().step((s, t, scope) -> s.regions(scope)),
                    table(HouseholdHistory.TABLE)
                            .from("registry_households")
                            .history()
                            .step((s, t, scope) -> s.households(scope)),
                    table("silver.members")
                            .from("registry_members")
                            .sameDateAs("registry_households")
                            .step((s, t, scope) -> s.members(scope)),
                    table("silver.poor_villages")
                            .from("registry_poor_villages")
                            .step(SilverSteps::snapshot),
                    table(VillageNetwork.TABLE)
                            .from("telecom_village_network")
                            .step((s, t, scope) -> s.villageNetwork(scope)),
                    table("silver.insurance_enrollment")
                            .from("health_insurance_enrollment")
                            .step(SilverSteps::snapshot),
                    table("silver.facilities")
                            .from("health_facilities")
                            .step(SilverSteps::snapshot),
                    table("silver.schools").from("education_schools").step(SilverSteps::snapshot),
                    table("silver.service_points")
                            .from("ecommerce_service_points")
                            .step(SilverSteps::snapshot),
                    table("silver.shops")
                            .from("ecommerce_shops")
                            .checkedAgainst("registry_households")
                            .step((s, t, scope) -> s.shops(scope)),
                    table("silver.shop_household_links")
                            .from("ecommerce_shop_household_links")
                            .checkedAgainst("ecommerce_shops", "registry_households")
                            .step((s, t, scope) -> s.links(scope)),
                    table("silver.assistance")
                            .from("registry_assistance")
                            .checkedAgainst("registry_households")
                            .step((s, t, scope) -> s.assistance(scope)),
                    table(OrderPlacement.TABLE)
                            .from("ecommerce_orders")
                            .checkedAgainst("ecommerce_shops")
                            .step((s, t, scope) -> s.orders(scope)),
                    table("silver.inpatient_claims")
                            .from("health_inpatient_claims")
                            .markedInRegistry()
                            .step(SilverSteps::markedEvents),
                    table("silver.training")
                            .from("education_training")
                            .markedInRegistry()
                            .step(SilverSteps::markedEvents),
                    table("silver.enrollment")
                            .from("education_enrollment")
                            .markedInRegistry()
                            .step((s, t, scope) -> s.enrollment(scope)),
                    table(ConsistencySignals.HOUSEHOLDS)
                            .from("registry_households")
                            .sameDateAs("silver.members")
                            .step((s, t, scope) -> s.householdSignals(scope)),
                    table(ConsistencySignals.MEMBERS)
                            .sameDateAs("silver.members")
                            .latestOfYear("silver.insurance_enrollment")
                            .step(SilverSteps::memberSignals));

    private static final Map<String, SilverTable> BY_NAME = byName(DECLARED);
    private static final List<List<SilverTable>> WAVES = waves(DECLARED);

    private SilverTables() {}

    /** Every declared table, in declaration order. */
    public static List<SilverTable> all() {
        return DECLARED;
    }

    /**
     * The declared table of this name; an undeclared name fails (a typo must not read as "no
     * input").
     */
    public static SilverTable get(String name) {
        SilverTable t = BY_NAME.get(name);
        if (t == null) {
            throw new IllegalArgumentException(
                    name + " is not a declared silver table (SilverTables)");
        }
        return t;
    }

    public static boolean isDeclared(String name) {
        return BY_NAME.containsKey(name);
    }

    /**
     * The build's waves, in order: a table that reads a silver table is in a later wave than it;
     * within a wave, the declaration order. The steps of one wave run side by side.
     */
    public static List<List<SilverTable>> waves() {
        return WAVES;
    }

    /**
     * The table the quality report counts an extract's rows in: the first declared table made from
     * it, one row per accepted row and delivery (not a whole-table history: the households' rows
     * are counted in their signals).
     */
    public static Optional<SilverTable> rowsOf(String extract) {
        return DECLARED.stream()
                .filter(t -> extract.equals(t.extract()) && !t.isHistory())
                .findFirst();
    }

    /** The tables whose persons are marked {@code in_registry}. */
    public static List<SilverTable> markedInRegistry() {
        return DECLARED.stream().filter(SilverTable::isMarkedInRegistry).toList();
    }

    /**
     * Every extract a table depends on: its own, its inputs', and those of the silver tables it
     * reads, transitively.
     */
    static Set<String> extractsBehind(SilverTable t) {
        Set<String> out = new TreeSet<>();
        if (t.extract() != null) {
            out.add(t.extract());
        }
        for (SilverTable.Input in : t.inputs()) {
            if (in.isSilver()) {
                out.addAll(extractsBehind(get(in.name())));
            } else {
                out.add(in.name());
            }
        }
        return out;
    }

    /**
     * The extracts the declarations name that are not in {@code extracts} (the contract's), and the
     * contract's extracts no silver table is made from; empty when the declarations and the
     * contract agree.
     */
    public static List<String> disagreements(Collection<String> extracts) {
        List<String> out = new ArrayList<>();
        Set<String> named = new TreeSet<>();
        for (SilverTable t : DECLARED) {
            named.addAll(extractsBehind(t));
        }
        named.stream()
                .filter(e -> !extracts.contains(e))
                .forEach(
                        e ->
                                out.add(
                                        "a silver table names "
                                                + e
                                                + ", which is not an extract of the contract"));
        extracts.stream()
                .filter(e -> DECLARED.stream().noneMatch(t -> e.equals(t.extract())))
                .sorted()
                .forEach(e -> out.add("no silver table is made from the extract " + e));
        return out;
    }

    static Map<String, SilverTable> byName(List<SilverTable> tables) {
        Map<String, SilverTable> out = new LinkedHashMap<>();
        for (SilverTable t : tables) {
            if (t.step() == null) {
                throw new IllegalStateException(t.name() + " is declared without a step");
            }
            if (out.put(t.name(), t) != null) {
                throw new IllegalStateException(t.name() + " is declared twice");
            }
        }
        for (SilverTable t : tables) {
            for (SilverTable.Input in : t.inputs()) {
                if (in.isSilver() && !out.containsKey(in.name())) {
                    throw new IllegalStateException(
                            t.name()
                                    + " reads "
                                    + in.name()
                                    + ", which no silver table"
                                    + " declares");
                }
            }
        }
        return out;
    }

    /**
     * Each table's wave: 0 when it reads no silver table, else one more than the latest wave it
     * reads.
     */
    static List<List<SilverTable>> waves(List<SilverTable> tables) {
        Map<String, SilverTable> named = byName(tables);
        Map<String, Integer> wave = new HashMap<>();
        int last = 0;
        for (SilverTable t : tables) {
            last = Math.max(last, waveOf(t, named, wave, new TreeSet<>()));
        }
        List<List<SilverTable>> out = new ArrayList<>();
        for (int w = 0; w <= last; w++) {
            int n = w;
            out.add(tables.stream().filter(t -> wave.get(t.name()) == n).toList());
        }
        return out;
    }

    private static int waveOf(
            SilverTable t,
            Map<String, SilverTable> named,
            Map<String, Integer> wave,
            Set<String> visiting) {
        Integer known = wave.get(t.name());
        if (known != null) {
            return known;
        }
        if (!visiting.add(t.name())) {
            throw new IllegalStateException(
                    "silver tables read each other in a cycle: " + visiting);
        }
        int w = 0;
        for (SilverTable.Input in : t.inputs()) {
            if (in.isSilver()) {
                w = Math.max(w, waveOf(named.get(in.name()), named, wave, visiting) + 1);
            }
        }
        visiting.remove(t.name());
        wave.put(t.name(), w);
        return w;
    }
}
