package org.povlake.gold;

import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static org.apache.spark.sql.functions.udf;

/**
 * The arithmetic of METRICS.md "Numbers" and "Scoring", exact (BigDecimal), each step computed from the previous
 * step's printed value: value (6 decimals, half-up) → met and achievement (6) → pillar (6, mean of printed
 * achievements) → composite (4, from printed pillars). Used as Spark functions by {@link Scores}.
 */
public final class Scoring {
    public static final int SCALE = 6;
    public static final int COMPOSITE_SCALE = 4;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Scoring() {
    }

    /** numerator / denominator, half-up to 6 decimals; null for a zero (or null) denominator. */
    public static BigDecimal value(BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, SCALE, RoundingMode.HALF_UP);
    }

    /** clamp((v − f) / (t − f), 0, 1), half-up to 6 decimals; null if v or t is null (covers ≥ and ≤ alike). */
    public static BigDecimal achievement(BigDecimal value, BigDecimal target, BigDecimal floor) {
        if (value == null || target == null || floor == null) {
            return null;
        }
        BigDecimal a = value.subtract(floor).divide(target.subtract(floor), SCALE, RoundingMode.HALF_UP);
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
        return value == null || previous == null ? null : value.subtract(previous).setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** Mean of printed achievements, half-up to 6 decimals; null when none. */
    public static BigDecimal mean(BigDecimal sum, long count) {
        return count == 0 || sum == null ? null : sum.divide(BigDecimal.valueOf(count), SCALE, RoundingMode.HALF_UP);
    }

    /** 100 × Σ(weight × pillar) / Σ(weights of pillars with a score), half-up to 4 decimals; null if none. */
    public static BigDecimal composite(BigDecimal weightedSum, BigDecimal weights) {
        if (weightedSum == null || weights == null || weights.signum() == 0) {
            return null;
        }
        return HUNDRED.multiply(weightedSum).divide(weights, COMPOSITE_SCALE, RoundingMode.HALF_UP);
    }

    static final org.apache.spark.sql.types.DataType DEC6 = DataTypes.createDecimalType(38, SCALE);

    static final UserDefinedFunction VALUE = udf((UDF2<BigDecimal, BigDecimal, BigDecimal>) Scoring::value, DEC6);
    static final UserDefinedFunction ACHIEVEMENT =
            udf((UDF3<BigDecimal, BigDecimal, BigDecimal, BigDecimal>) Scoring::achievement, DEC6);
    static final UserDefinedFunction MET =
            udf((UDF3<BigDecimal, BigDecimal, String, Boolean>) Scoring::met, DataTypes.BooleanType);
    static final UserDefinedFunction CHANGE = udf((UDF2<BigDecimal, BigDecimal, BigDecimal>) Scoring::change, DEC6);
    static final UserDefinedFunction MEAN = udf((UDF2<BigDecimal, Long, BigDecimal>) Scoring::mean, DEC6);
    static final UserDefinedFunction COMPOSITE = udf((UDF2<BigDecimal, BigDecimal, BigDecimal>) Scoring::composite,
            DataTypes.createDecimalType(38, COMPOSITE_SCALE));
}
