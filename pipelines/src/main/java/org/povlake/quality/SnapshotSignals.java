package org.povlake.quality;

/**
 * Consistency signals of one registry households snapshot (and the members snapshot of the same
 * date).
 *
 * @param sizeMismatchHouseholds households whose declared household_size differs from their member
 *     rows
 * @param personsInMultipleHouseholds persons listed as members of more than one household
 * @param registryHealthCompared persons whose registry medical_insurance could be compared with
 *     health data
 * @param registryHealthDisagree of those, persons where the two disagree
 */
public record SnapshotSignals(
        String asOfDate,
        long households,
        long sizeMismatchHouseholds,
        long memberRows,
        long personsInMultipleHouseholds,
        long registryHealthCompared,
        long registryHealthDisagree) {}
