package org.povlake.gold;

import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * The arithmetic of METRICS.md "Numbers" and "Scoring", exact (BigDecimal), each step computed from
 * the previous step's printed value: value (6 decimals, half-up) → met and achievement (6) → pillar
 * (6, mean of printed achievements) → composite (4, from printed pillars). {@link Scores} uses the
 * Spark-expression forms below, which give the same results: Spark divides decimals exactly to 39
 * digits and rounds half-up to the result's 6 decimals, and a quotient of two of our decimals
 * (denominators below 10^33) never lies within 10^-39 of a rounding midpoint unless it is exactly
 * on it (checked against these methods by ScoringTest on random inputs). The composite is rounded
 * to 4 decimals, which a Spark division would round twice, so it stays a function.
 */
public final class Scoring {
    public static final int SCALE = 6;
    public static final int COMPOSITE_SCALE = 4;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Scoring() {}

    /** numerator / denominator, half-up to 6 decimals; null for a zero (or null) denominator. */
    public static BigDecimal value(BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, SCALE, RoundingMode.HALF_UP);
    }

    /**
     * clamp((v − f) / (t − f), 0, 1), half-up to 6 decimals; null if v or t is null (covers ≥ and ≤
     * alike).
     */
    public static BigDecimal achievement(BigDecimal value, BigDecimal target, BigDecimal floor) {
        if (value == null || target == null || floor == null) {
            return null;
        }
        BigDecimal a =
                value.subtract(floor).divide(target.subtract(floor), SCALE, RoundingMode.HALF_UP);
        if (a.signum() < 0) {
            return BigDecimal.ZERO.setScale(SCALE);
        }
        return a.compareTo(BigDecimal.ONE) > 0 ? BigDecimal.ONE.setScale(SCALE) : a;
    }

    /** v ≥ t for "&gt;=", v ≤ t for "&lt;="; null if v or t is null. */
    public static Boolean met(BigDecimal value, BigDecimal target, String direction) {
        if (value == null || target == null) {
            return null;
        }
        int c = value.compareTo(target);
        return direction.equals("<=") ? c <= 0 : c >= 0;
    }

    /** v(Y) − v(Y−1) of the printed values; null if either is null. */
    public static BigDecimal change(BigDecimal value, BigDecimal previous) {
        return value == null || previous == null
                ? null
                : value.subtract(previous).setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** Mean of printed achievements, half-up to 6 decimals; null when none. */
    public static BigDecimal mean(BigDecimal sum, long count) {
        return count == 0 || sum == null
                ? null
                : sum.divide(BigDecimal.valueOf(count), SCALE, RoundingMode.HALF_UP);
    }

    /**
     * 100 × Σ(weight × pillar) / Σ(weights of pillars with a score), half-up to 4 decimals; null if
     * none.
     */
    public static BigDecimal composite(BigDecimal weightedSum, BigDecimal weights) {
        if (weightedSum == null || weights == null || weights.signum() == 0) {
            return null;
        }
        return HUNDRED.multiply(weightedSum).divide(weights, COMPOSITE_SCALE, RoundingMode.HALF_UP);
    }

    static final org.apache.spark.sql.types.DataType DEC6 = DataTypes.createDecimalType(38, SCALE);
    private static final Column ZERO = lit(BigDecimal.ZERO).cast(DEC6);
    private static final Column ONE = lit(BigDecimal.ONE).cast(DEC6);

    /** {@link #value} as a Spark expression (numerator and denominator decimal(38,4)). */
    public static Column value(Column numerator, Column denominator) {
        return when(
                        denominator.notEqual(0),
                        numerator.cast(Facts.AMOUNT).divide(denominator.cast(Facts.AMOUNT)))
                .cast(DEC6);
    }

    /** {@link #achievement} as a Spark expression. */
    public static Column achievement(Column value, Column target, Column floor) {
        Column v = value.cast(DEC6);
        Column raw = v.minus(floor.cast(DEC6)).divide(target.cast(DEC6).minus(floor.cast(DEC6)));
        return when(
                        v.isNotNull().and(target.isNotNull()).and(floor.isNotNull()),
                        greatest(ZERO, least(ONE, raw.cast(DEC6))))
                .cast(DEC6);
    }

    /** {@link #met} as a Spark expression. */
    public static Column met(Column value, Column target, Column direction) {
        return when(
                value.isNotNull().and(target.isNotNull()),
                when(direction.equalTo("<="), value.leq(target)).otherwise(value.geq(target)));
    }

    /** {@link #change} as a Spark expression. */
    public static Column change(Column value, Column previous) {
        return value.cast(DEC6).minus(previous.cast(DEC6)).cast(DEC6);
    }

    /** {@link #mean} as a Spark expression over a sum of printed achievements and their count. */
    public static Column mean(Column sum, Column count) {
        return when(count.gt(0), sum.cast(DEC6).divide(count.cast("long"))).cast(DEC6);
    }

    static final UserDefinedFunction COMPOSITE =
            udf(
                    (UDF2<BigDecimal, BigDecimal, BigDecimal>) Scoring::composite,
                    DataTypes.createDecimalType(38, COMPOSITE_SCALE));
}
