package org.povlake.gold;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** METRICS.md "Numbers" and "Scoring": exact, half-up, each step from the printed previous step. */
class ScoringTest {
    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void valuesAreRoundedHalfUpToSixDecimals() {
        assertEquals(d("0.333333"), Scoring.value(d("1"), d("3")));
        assertEquals(d("0.666667"), Scoring.value(d("2"), d("3")));
        // 1/8 = 0.125 exactly; 1/16 = 0.0625; 1/2000000 = 0.0000005 → half-up 0.000001 (half-even would give 0.000000)
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
        assertNull(Scoring.value(null, null));
    }

    @Test
    void achievementIsClampedAndCoversBothDirections() {
        // ≥: t 0.98, f 0 → v 0.978049: 0.978049 / 0.98 = 0.99800918… → 0.998009 (METRICS.md's own example)
        assertEquals(d("0.998009"), Scoring.achievement(d("0.978049"), d("0.98"), d("0")));
        assertEquals(d("1.000000"), Scoring.achievement(d("0.99"), d("0.98"), d("0")));
        assertEquals(d("0.000000"), Scoring.achievement(d("-0.2"), d("0.3"), d("0")));
        // ≤: t 0, f 0.05 → v 0.01: (0.01 − 0.05)/(0 − 0.05) = 0.8; v 0.06 beyond the floor → 0; v 0 → 1
        assertEquals(d("0.800000"), Scoring.achievement(d("0.01"), d("0"), d("0.05")));
        assertEquals(d("0.000000"), Scoring.achievement(d("0.06"), d("0"), d("0.05")));
        assertEquals(d("1.000000"), Scoring.achievement(d("0"), d("0"), d("0.05")));
        assertNull(Scoring.achievement(null, d("1"), d("0")));
        assertNull(Scoring.achievement(d("0.5"), null, null));
    }

    @Test
    void metFollowsTheDirection() {
        assertTrue(Scoring.met(d("0.98"), d("0.98"), ">="));
        assertFalse(Scoring.met(d("0.978049"), d("0.98"), ">="));
        assertTrue(Scoring.met(d("0"), d("0"), "<="));
        assertFalse(Scoring.met(d("0.000001"), d("0"), "<="));
        assertNull(Scoring.met(null, d("1"), ">="));
        assertNull(Scoring.met(d("0.5"), null, ">="));
    }

    @Test
    void changeIsTheDifferenceOfPrintedValues() {
        assertEquals(d("0.051000"), Scoring.change(d("0.978049"), d("0.927049")));
        assertEquals(d("-0.100000"), Scoring.change(d("0.4"), d("0.5")));
        assertNull(Scoring.change(null, d("0.5")));
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
}
