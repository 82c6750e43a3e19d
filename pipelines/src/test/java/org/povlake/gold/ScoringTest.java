package org.povlake.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** METRICS.md "Numbers" and "Scoring": exact, half-up, each step from the printed previous step. */
class ScoringTest {
    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void valuesAreRoundedHalfUpToSixDecimals() {
        assertEquals(d("0.333333"), Scoring.value(d("1"), d("3")));
        assertEquals(d("0.666667"), Scoring.value(d("2"), d("3")));
        // 1/8 = 0.125 exactly; 1/16 = 0.0625; 1/2000000 = 0.0000005 → half-up 0.000001 (half-even
        // would give 0.000000)
        assertEquals(d("0.000001"), Scoring.value(d("1"), d("2000000")));
        assertEquals(d("0.000000"), Scoring.value(d("0"), d("7")));
        // negative growth: −0.0000005 rounds away from zero (half-up as BigDecimal.HALF_UP)
        assertEquals(d("-0.000001"), Scoring.value(d("-1"), d("2000000")));
        // amounts: 1234.5678 / 2469.1356 = 0.5
        assertEquals(d("0.500000"), Scoring.value(d("1234.5678"), d("2469.1356")));
    }

    @Test
    void aZeroDenominatorIsNullNotZeroNorOne() {
        assertNull(Scoring.value(d("0"), d("0")));
        assertNull(Scoring.value(d("5"), d("0")));
        assertNull(Scoring.value((BigDecimal) null, null));
    }

    @Test
    void achievementIsClampedAndCoversBothDirections() {
        // ≥: t 0.98, f 0 → v 0.978049: 0.978049 / 0.98 = 0.99800918… → 0.998009 (METRICS.md's own
        // example)
        assertEquals(d("0.998009"), Scoring.achievement(d("0.978049"), d("0.98"), d("0")));
        assertEquals(d("1.000000"), Scoring.achievement(d("0.99"), d("0.98"), d("0")));
        assertEquals(d("0.000000"), Scoring.achievement(d("-0.2"), d("0.3"), d("0")));
        // ≤: t 0, f 0.05 → v 0.01: (0.01 − 0.05)/(0 − 0.05) = 0.8; v 0.06 beyond the floor → 0; v 0
        // → 1
        assertEquals(d("0.800000"), Scoring.achievement(d("0.01"), d("0"), d("0.05")));
        assertEquals(d("0.000000"), Scoring.achievement(d("0.06"), d("0"), d("0.05")));
        assertEquals(d("1.000000"), Scoring.achievement(d("0"), d("0"), d("0.05")));
        assertNull(Scoring.achievement((BigDecimal) null, d("1"), d("0")));
        assertNull(Scoring.achievement(d("0.5"), null, null));
    }

    @Test
    void metFollowsTheDirection() {
        assertTrue(Scoring.met(d("0.98"), d("0.98"), ">="));
        assertFalse(Scoring.met(d("0.978049"), d("0.98"), ">="));
        assertTrue(Scoring.met(d("0"), d("0"), "<="));
        assertFalse(Scoring.met(d("0.000001"), d("0"), "<="));
        assertNull(Scoring.met((BigDecimal) null, d("1"), ">="));
        assertNull(Scoring.met(d("0.5"), null, ">="));
    }

    @Test
    void changeIsTheDifferenceOfPrintedValues() {
        assertEquals(d("0.051000"), Scoring.change(d("0.978049"), d("0.927049")));
        assertEquals(d("-0.100000"), Scoring.change(d("0.4"), d("0.5")));
        assertNull(Scoring.change((BigDecimal) null, d("0.5")));
        assertNull(Scoring.change(d("0.5"), null));
    }

    @Test
    void pillarIsTheMeanOfPrintedAchievementsAndCompositeComesFromPrintedPillars() {
        // (0.998009 + 1 + 0) / 3 = 0.66600300 → 0.666003
        assertEquals(d("0.666003"), Scoring.mean(d("1.998009"), 3));
        // 2/3 → 0.666667
        assertEquals(d("0.666667"), Scoring.mean(d("2"), 3));
        assertNull(Scoring.mean(null, 0));
        // NET 30 × 0.666667 + EDU 15 × 1 = 35.00001 over weights 45 → 100 × 0.7777780 = 77.7778
        assertEquals(d("77.7778"), Scoring.composite(d("35.00001"), d("45")));
        // exactly half at the 5th decimal rounds up: 100 × 1.000005 / 2 = 50.00025 → 50.0003
        assertEquals(d("50.0003"), Scoring.composite(d("1.000005"), d("2")));
        assertNull(Scoring.composite(null, null));
    }

    /**
     * Property: the Spark expressions {@link Scores} uses give exactly the BigDecimal arithmetic,
     * on random amounts and counts and on exact rounding midpoints (k / 2,000,000).
     */
    @Test
    void sparkExpressionsAgreeWithTheExactArithmetic() {
        java.util.Random random = new java.util.Random(20201231);
        java.util.List<org.apache.spark.sql.Row> rows = new java.util.ArrayList<>();
        BigDecimal[][] targets = {
            {d("0.98"), d("0")},
            {d("1"), d("0")},
            {d("0"), d("0.05")},
            {d("0.3"), d("0")},
            {d("0"), d("0.01")},
            {d("0.75"), d("0")}
        };
        for (int i = 0; i < 3000; i++) {
            BigDecimal num;
            BigDecimal den;
            switch (i % 3) {
                case 0 -> { // counts
                    den = BigDecimal.valueOf(random.nextInt(6_000_000));
                    num =
                            BigDecimal.valueOf(
                                    den.signum() == 0 ? 0 : random.nextInt(den.intValue() + 1));
                }
                case 1 -> { // amounts with 4 decimals, growth may be negative
                    den = BigDecimal.valueOf(random.nextLong(1_000_000_000_000_000L), 4);
                    num =
                            BigDecimal.valueOf(
                                    random.nextLong(2_000_000_000_000_000L)
                                            - 1_000_000_000_000_000L,
                                    4);
                }
                default -> { // exact midpoints at the 7th decimal
                    den = d("2000000");
                    num = BigDecimal.valueOf(2L * random.nextInt(1_000_000) + 1);
                }
            }
            BigDecimal[] tf = targets[random.nextInt(targets.length)];
            BigDecimal previous = BigDecimal.valueOf(random.nextInt(1_000_001), 6);
            rows.add(
                    org.apache.spark.sql.RowFactory.create(
                            num,
                            den,
                            tf[0],
                            tf[1],
                            previous,
                            BigDecimal.valueOf(random.nextInt(5_000_001), 6),
                            (long) (1 + random.nextInt(9))));
        }
        org.apache.spark.sql.types.StructType schema =
                new org.apache.spark.sql.types.StructType()
                        .add("n", "decimal(38,4)")
                        .add("d", "decimal(38,4)")
                        .add("t", "decimal(38,6)")
                        .add("f", "decimal(38,6)")
                        .add("p", "decimal(38,6)")
                        .add("s", "decimal(38,6)")
                        .add("c", "long");
        var spark = org.povlake.testing.TestSpark.get();
        var col =
                (java.util.function.Function<String, org.apache.spark.sql.Column>)
                        org.apache.spark.sql.functions::col;
        java.util.List<org.apache.spark.sql.Row> out =
                spark.createDataFrame(rows, schema)
                        .withColumn("v", Scoring.value(col.apply("n"), col.apply("d")))
                        .select(
                                col.apply("n"),
                                col.apply("d"),
                                col.apply("t"),
                                col.apply("f"),
                                col.apply("p"),
                                col.apply("s"),
                                col.apply("c"),
                                col.apply("v"),
                                Scoring.achievement(col.apply("v"), col.apply("t"), col.apply("f"))
                                        .as("a"),
                                Scoring.change(col.apply("v"), col.apply("p")).as("ch"),
                                Scoring.mean(col.apply("s"), col.apply("c")).as("m"))
                        .collectAsList();
        for (org.apache.spark.sql.Row r : out) {
            BigDecimal v = Scoring.value(r.getDecimal(0), r.getDecimal(1));
            String what = r.getDecimal(0) + "/" + r.getDecimal(1);
            assertEquals(v, r.getDecimal(7), "value " + what);
            assertEquals(
                    Scoring.achievement(v, r.getDecimal(2), r.getDecimal(3)),
                    r.getDecimal(8),
                    "achievement " + what);
            assertEquals(Scoring.change(v, r.getDecimal(4)), r.getDecimal(9), "change " + what);
            assertEquals(
                    Scoring.mean(r.getDecimal(5), r.getLong(6)),
                    r.getDecimal(10),
                    "mean " + r.getDecimal(5));
        }
        assertEquals(3000, out.size());
    }
}
