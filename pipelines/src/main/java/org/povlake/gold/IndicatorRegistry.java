package org.povlake.gold;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.povlake.contract.Catalogue;

/**
 * Which code computes each indicator of the catalogue ({@code schemas/indicators.json}): every
 * {@link Measure} gold produces, by the unit it is summed over, each list taken from its pillar's
 * class. {@link GoldYear} sums exactly these; {@link #check} holds them to the catalogue, because
 * nothing downstream would: {@link Rollup} gives a catalogue id without a measure 0 / 0 in every
 * region, and drops a measure whose id the catalogue does not name.
 */
public final class IndicatorRegistry {
    private IndicatorRegistry() {}

    /** Household indicators, over {@link HouseholdFacts}. */
    public static List<Measure> householdMeasures(int year, BigDecimal povertyLine) {
        List<Measure> m = new ArrayList<>();
        m.addAll(NetworkIndicators.householdMeasures());
        m.addAll(EcommerceIndicators.householdMeasures());
        m.addAll(EducationIndicators.householdMeasures());
        m.addAll(TargetIndicators.householdMeasures(year, povertyLine));
        m.addAll(MpiIndicators.measures());
        return m;
    }

    /** Member-row indicators, over {@link MemberFacts}. */
    public static List<Measure> memberMeasures() {
        List<Measure> m = new ArrayList<>();
        m.addAll(EducationIndicators.memberMeasures());
        m.addAll(HealthIndicators.memberMeasures());
        m.addAll(TargetIndicators.memberMeasures());
        return m;
    }

    /** Every measure of year Y, by the unit (and the method) it is summed over. */
    public static Map<String, List<Measure>> measures(int year, BigDecimal povertyLine) {
        Map<String, List<Measure>> m = new LinkedHashMap<>();
        m.put("households (HouseholdFacts)", householdMeasures(year, povertyLine));
        m.put("member rows (MemberFacts)", memberMeasures());
        m.put("villages (NetworkIndicators.villageFacts)", NetworkIndicators.villageMeasures());
        m.put("townships (NetworkIndicators.townshipFacts)", NetworkIndicators.townshipMeasures());
        m.put(
                "regions (EcommerceIndicators.servicePointFacts)",
                EcommerceIndicators.servicePointMeasures());
        m.put("orders (EcommerceIndicators.tradeFacts)", EcommerceIndicators.tradeMeasures(year));
        m.put("schools (EducationIndicators.schoolFacts)", EducationIndicators.schoolMeasures());
        m.put("facilities (HealthIndicators.facilityFacts)", HealthIndicators.facilityMeasures());
        m.put("claims (HealthIndicators.claimFacts)", HealthIndicators.claimMeasures());
        m.put("persons (TargetIndicators.duplicatePersons)", TargetIndicators.personMeasures());
        m.put(
                "households exited in Y-1 (TargetIndicators.returnToPoverty)",
                TargetIndicators.exitedHouseholdMeasures());
        return m;
    }

    /** The id of every measure of year Y → where it is computed (the unit of {@link #measures}). */
    public static Map<String, String> producedIds(int year, BigDecimal povertyLine) {
        Map<String, String> ids = new TreeMap<>();
        List<String> twice = new ArrayList<>();
        measures(year, povertyLine)
                .forEach(
                        (unit, list) ->
                                list.forEach(
                                        m -> {
                                            String before = ids.putIfAbsent(m.indicatorId(), unit);
                                            if (before != null) {
                                                twice.add(
                                                        m.indicatorId()
                                                                + " ("
                                                                + before
                                                                + " and "
                                                                + unit
                                                                + ")");
                                            }
                                        }));
        if (!twice.isEmpty()) {
            throw new IllegalStateException(
                    "indicators computed twice, they would be summed twice: "
                            + String.join(", ", twice));
        }
        return ids;
    }

    /**
     * Fails, naming every id, unless the catalogue's indicators and the measures gold computes are
     * the same set: a catalogue id without a measure, or a measure whose id is not in the
     * catalogue, is an error, never a silent 0 / 0 or a dropped indicator. Called before a year is
     * computed.
     */
    public static void check(Catalogue catalogue, int year, BigDecimal povertyLine) {
        Map<String, String> produced = producedIds(year, povertyLine);
        Set<String> listed = new TreeSet<>();
        catalogue.indicators().forEach(i -> listed.add(i.id()));
        List<String> problems = new ArrayList<>();
        for (String id : listed) {
            if (!produced.containsKey(id)) {
                problems.add(
                        id
                                + " is in the catalogue but no code computes it (add its Measure to its pillar's "
                                + "class and to IndicatorRegistry)");
            }
        }
        produced.forEach(
                (id, unit) -> {
                    if (!listed.contains(id)) {
                        problems.add(
                                id + " is computed over " + unit + " but is not in the catalogue");
                    }
                });
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "the indicator catalogue "
                            + catalogue.version()
                            + " and the code disagree: "
                            + String.join("; ", problems));
        }
    }
}
