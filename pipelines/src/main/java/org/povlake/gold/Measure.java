package org.povlake.gold;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * What one unit (a village, household, member row, person, claim, order…) contributes to one
 * indicator's numerator and denominator. Conditions are null-safe: a null condition is "not true"
 * (METRICS.md, Nulls).
 */
public record Measure(String indicatorId, Column numerator, Column denominator) {

    /**
     * A count: the unit is in the denominator when {@code inDenominator}, in the numerator when
     * both hold.
     */
    public static Measure count(String id, Column inDenominator, Column inNumerator) {
        Column den = coalesce(inDenominator, lit(false));
        return new Measure(
                id,
                when(den.and(coalesce(inNumerator, lit(false))), 1).otherwise(0),
                when(den, 1).otherwise(0));
    }

    /** Every unit is in the denominator. */
    public static Measure count(String id, Column inNumerator) {
        return count(id, lit(true), inNumerator);
    }

    /** Sums of amounts (or of counts a unit carries, like classrooms); null adds nothing. */
    public static Measure sum(String id, Column numerator, Column denominator) {
        return new Measure(id, numerator, denominator);
    }
}
