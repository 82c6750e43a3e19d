package org.povlake.gold;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.povlake.contract.Catalogue;
import org.povlake.contract.Contract;
import org.povlake.silver.Delivery;

/**
 * Which deliveries year Y reads (METRICS.md, Common definitions): the snapshot of Y of each
 * snapshot extract (its latest as-of date ≤ Y-12-31), the households snapshot of Y−1, and which
 * event extracts have any delivery. Then, per indicator, whether it is {@code missing} (a needed
 * extract has nothing usable), {@code stale} and whether it is nulled (a year-keyed input without
 * rows for Y; Y−1 resolving to Y's households delivery; no Y−1 at all).
 */
public record YearInputs(
        int year,
        Map<String, LocalDate> snapshots,
        LocalDate householdsPrevious,
        Set<String> eventExtracts,
        boolean insuranceHasYear,
        boolean enrollmentHasYear) {
    public static final String HOUSEHOLDS = "registry_households";
    public static final String INSURANCE = "health_insurance_enrollment";
    public static final String ENROLLMENT = "education_enrollment";

    /**
     * Resolves year Y from the deliveries silver was built from; the two year-keyed flags are set
     * later.
     */
    public static YearInputs resolve(int year, Collection<Delivery> deliveries) {
        LocalDate end = LocalDate.of(year, 12, 31);
        Map<String, LocalDate> snapshots = new TreeMap<>();
        Set<String> events = new TreeSet<>();
        LocalDate previous = null;
        for (Delivery d : deliveries) {
            if (d.kind().equals("event")) {
                events.add(d.extract());
            } else if (!d.asOfDate().isAfter(end)) {
                snapshots.merge(d.extract(), d.asOfDate(), (a, b) -> a.isAfter(b) ? a : b);
                if (d.extract().equals(HOUSEHOLDS)
                        && !d.asOfDate().isAfter(end.minusYears(1))
                        && (previous == null || d.asOfDate().isAfter(previous))) {
                    previous = d.asOfDate();
                }
            }
        }
        return new YearInputs(year, snapshots, previous, events, true, true);
    }

    public YearInputs withYearKeyed(boolean insurance, boolean enrollment) {
        return new YearInputs(
                year, snapshots, householdsPrevious, eventExtracts, insurance, enrollment);
    }

    public Optional<LocalDate> snapshot(String extract) {
        return Optional.ofNullable(snapshots.get(extract));
    }

    /** Whether Y has a registry at all: the years gold builds by default. */
    public boolean hasHouseholds() {
        return snapshots.containsKey(HOUSEHOLDS);
    }

    /**
     * How an indicator's inputs stand in Y. nulled: numerator, denominator and value print empty.
     */
    public record Status(boolean missing, boolean stale, boolean nulled) {}

    public Status status(Catalogue.Indicator indicator) {
        boolean missing = false;
        boolean stale = false;
        boolean nulled = false;
        LocalDate start = LocalDate.of(year, 1, 1);
        for (String need : indicator.needs()) {
            boolean snapshot = Contract.get().extracts().get(need).isSnapshot();
            if (!snapshot) {
                missing |= !eventExtracts.contains(need);
                continue;
            }
            LocalDate d = snapshots.get(need);
            if (d == null) {
                missing = true;
                continue;
            }
            stale |= d.isBefore(start);
            if ((need.equals(INSURANCE) && !insuranceHasYear)
                    || (need.equals(ENROLLMENT) && !enrollmentHasYear)) {
                stale = true; // an undelivered year is not "nobody insured" / "nobody enrolled"
                nulled = true;
            }
        }
        if (indicator.id().equals("TARGET_RETURN_TO_POVERTY") && !missing) {
            if (householdsPrevious == null) {
                nulled = true; // no Y−1 at all: null, neither stale nor missing
            } else if (householdsPrevious.equals(snapshots.get(HOUSEHOLDS))) {
                nulled = true; // Y−1 resolves to Y's own delivery
                stale = true;
            }
        }
        return new Status(missing, stale, nulled || missing);
    }

    /**
     * extract → as-of date read, for ops.gold_builds (households of Y−1 as {@code
     * registry_households@Y-1}).
     */
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        snapshots.forEach((k, v) -> out.put(k, v.toString()));
        if (householdsPrevious != null) {
            out.put(HOUSEHOLDS + "@Y-1", householdsPrevious.toString());
        }
        eventExtracts.forEach(e -> out.put(e, "events"));
        return out;
    }
}
