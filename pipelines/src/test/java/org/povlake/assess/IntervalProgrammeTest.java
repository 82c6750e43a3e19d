package org.povlake.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The audit's shortcuts (outer bounds by propagation, witnesses from blocks of unknowns, random
 * objectives) against the exact interval of every unknown, on random systems built around a known
 * integer point: the verdict "wide enough" must be the exact one for every unknown, and an interval
 * found wide enough must lie within the exact one.
 */
class IntervalProgrammeTest {
    private static final double MIN = 5;

    @Test
    void theShortcutsGiveTheExactVerdictOnRandomSystems() {
        Random random = new Random(20201231);
        int checked = 0;
        int narrow = 0;
        for (int system = 0; system < 40; system++) {
            int size =
                    10
                            + random.nextInt(
                                    70); // beyond 40: the audit's blocks are used for such groups
            double[] upper = new double[size];
            double[] known = new double[size];
            for (int i = 0; i < size; i++) {
                upper[i] = random.nextInt(4) == 0 ? 1 + random.nextInt(6) : 5 + random.nextInt(60);
                known[i] = random.nextInt((int) upper[i] + 1);
            }
            List<IntervalProgramme.Row> rows = new ArrayList<>();
            int relations = size / 2 + random.nextInt(size);
            for (int r = 0; r < relations; r++) {
                Map<Integer, Double> terms = new LinkedHashMap<>();
                int width = 1 + random.nextInt(5);
                for (int t = 0; t < width; t++) {
                    terms.put(random.nextInt(size), random.nextInt(5) == 0 ? -1.0 : 1.0);
                }
                double at = 0;
                for (Map.Entry<Integer, Double> t : terms.entrySet()) {
                    at += t.getValue() * known[t.getKey()];
                }
                // mostly equalities (parent = Σ children), some one-sided (parent ≤ Σ children)
                rows.add(
                        random.nextInt(4) == 0
                                ? new IntervalProgramme.Row(
                                        terms, at - random.nextInt(3), Double.POSITIVE_INFINITY)
                                : new IntervalProgramme.Row(terms, at, at));
            }
            List<int[]> blocks = new ArrayList<>();
            for (int b = 0; size > 40 && b < size / 4; b++) {
                int[] block = new int[2 + random.nextInt(8)];
                for (int k = 0; k < block.length; k++) {
                    block[k] = random.nextInt(size);
                }
                blocks.add(java.util.Arrays.stream(block).distinct().toArray());
            }
            IntervalProgramme.Enough wide =
                    (i, lo, hi) -> hi - lo >= Math.min(MIN, upper[i]) - 1e-9;
            double[][] found =
                    new IntervalProgramme(upper, rows).intervals(known, wide, system, blocks);
            IntervalProgramme exact = new IntervalProgramme(upper, rows);
            for (int i = 0; i < size; i++) {
                double[] e = exact.exact(i, known);
                boolean exactlyWide = wide.test(i, e[0], e[1]);
                String what =
                        "system "
                                + system
                                + ", unknown "
                                + i
                                + ": exact ["
                                + e[0]
                                + ", "
                                + e[1]
                                + "], found ["
                                + found[0][i]
                                + ", "
                                + found[1][i]
                                + "]";
                assertEquals(exactlyWide, wide.test(i, found[0][i], found[1][i]), what);
                if (exactlyWide) {
                    assertTrue(found[0][i] >= e[0] - 1e-6 && found[1][i] <= e[1] + 1e-6, what);
                } else {
                    narrow++;
                }
                checked++;
            }
        }
        // the random systems must exercise both verdicts, or the test proves nothing
        assertTrue(narrow > 20 && checked - narrow > 20, narrow + " narrow of " + checked);
    }

    @Test
    void outerBoundsContainTheExactIntervalAndAreExactForALoneFamily() {
        // parent 7 = a + b + c, with b ≤ 2 and c ≤ 1: a ∈ [4, 7] exactly, and propagation finds
        // that
        double[] upper = {10, 2, 1};
        IntervalProgramme.Row family =
                new IntervalProgramme.Row(Map.of(0, 1.0, 1, 1.0, 2, 1.0), 7, 7);
        IntervalProgramme p = new IntervalProgramme(upper, List.of(family));
        double[][] outer = p.outerBounds();
        assertEquals(4, outer[0][0], 1e-9);
        assertEquals(7, outer[1][0], 1e-9);
        assertEquals(0, outer[0][1], 1e-9);
        assertEquals(2, outer[1][1], 1e-9);
        double[] exact = p.exact(0, new double[] {5, 1, 1});
        assertEquals(4, exact[0], 1e-9);
        assertEquals(7, exact[1], 1e-9);
    }
}
