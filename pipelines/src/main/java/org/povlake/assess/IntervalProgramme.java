package org.povlake.assess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.PivotSelectionRule;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * The interval of each unknown of a small linear system, by linear programming (Apache Commons
 * Math's simplex solver): unknowns x ≥ 0, each with an upper bound, and rows lo ≤ Σ a·x ≤ hi. For
 * each unknown, {@link #intervals} finds how far it can go down and up while every row holds — what
 * anybody who knows the rows can say about it.
 *
 * <p>A known point of the system (the true figures) seeds every interval, and the vertex of each
 * programme solved widens the intervals of all unknowns at once; an unknown whose interval is
 * already wide enough for {@code enough} is not solved for again. An unknown that is not is
 * minimised and maximised exactly, so its interval is the exact one (of the relaxation to real
 * numbers: the integer interval is never wider).
 */
final class IntervalProgramme {
    /** One row: lo ≤ Σ terms ≤ hi; lo == hi for an equality. */
    record Row(Map<Integer, Double> terms, double lo, double hi) {}

    /**
     * Whether an interval [lo, hi] of unknown {@code index} is wide enough (no exact solve needed
     * then).
     */
    interface Enough {
        boolean test(int index, double lo, double hi);
    }

    private final int size;
    private final double[] upper;
    private final List<Row> rows;

    /** Programmes solved (for the audit's summary). */
    int solved;

    IntervalProgramme(double[] upper, List<Row> rows) {
        this.size = upper.length;
        this.upper = upper;
        this.rows = rows;
    }

    /**
     * [lo, hi] per unknown (as {@code double[2][size]}): for an unknown whose {@link #outerBounds}
     * are not {@code wide} enough, those bounds (its interval lies within them: it fails); else the
     * hull of the known point and the vertices met on the way, exact where they do not already show
     * an interval that is wide enough.
     *
     * @param known a point satisfying every row (it seeds each interval)
     * @param seed the seed of the random objectives that look for wide intervals cheaply (same
     *     seed, same answer)
     */
    double[][] intervals(double[] known, Enough wide, long seed) {
        return intervals(known, wide, seed, List.of());
    }

    /**
     * {@link #intervals(double[], Enough, long)}, widening first with the vertices of smaller
     * programmes, one per block of unknowns: the block free, every other unknown at its known
     * value. Such a vertex, with the known values elsewhere, satisfies every row — a point of the
     * whole system — so what it shows is sound, and a large system needs the whole programme only
     * for the unknowns no block decides.
     */
    double[][] intervals(double[] known, Enough wide, long seed, List<int[]> blocks) {
        double[] lo = known.clone();
        double[] hi = known.clone();
        // an unknown whose outer bounds are already too narrow fails: its interval lies within them
        double[][] outer = outerBounds();
        boolean[] settled = new boolean[size];
        for (int i = 0; i < size; i++) {
            if (!wide.test(i, outer[0][i], outer[1][i])) {
                settled[i] = true;
                lo[i] = outer[0][i];
                hi[i] = outer[1][i];
            }
        }
        Enough enough = (i, l, h) -> settled[i] || wide.test(i, l, h);
        Random random = new Random(seed);
        for (int[] block : blocks) {
            if (Arrays.stream(block).allMatch(i -> enough.test(i, lo[i], hi[i]))) {
                continue;
            }
            IntervalProgramme sub = restricted(block, known);
            double[] subKnown = new double[block.length];
            for (int k = 0; k < block.length; k++) {
                subKnown[k] = known[block[k]];
            }
            double[][] si;
            try {
                si =
                        sub.intervals(
                                subKnown,
                                (k, l, h) ->
                                        enough.test(
                                                block[k],
                                                Math.min(l, lo[block[k]]),
                                                Math.max(h, hi[block[k]])),
                                random.nextLong());
            } catch (IllegalStateException e) {
                continue; // the known point sits on the edge of the block's rows within rounding:
                // no witness here
            } finally {
                solved += sub.solved;
            }
            for (int k = 0; k < block.length; k++) {
                lo[block[k]] = Math.min(lo[block[k]], si[0][k]);
                hi[block[k]] = Math.max(hi[block[k]], si[1][k]);
            }
        }
        // random objectives first: each vertex sends some unknowns of every relation up and others
        // down at once
        int undecided = undecided(lo, hi, enough);
        for (int round = 0, idle = 0; undecided > 1 && idle < 2 && round < 32; round++) {
            double[] objective = new double[size];
            for (int i = 0; i < size; i++) {
                objective[i] = enough.test(i, lo[i], hi[i]) ? 0 : 2 * random.nextDouble() - 1;
            }
            widen(lo, hi, solve(objective, GoalType.MAXIMIZE));
            int now = undecided(lo, hi, enough);
            idle = now < undecided ? 0 : idle + 1;
            undecided = now;
        }
        for (int i = 0; i < size; i++) {
            if (enough.test(i, lo[i], hi[i])) {
                continue;
            }
            double[] objective = new double[size];
            objective[i] = 1;
            widen(lo, hi, solve(objective, GoalType.MAXIMIZE));
            if (!enough.test(i, lo[i], hi[i])) {
                widen(lo, hi, solve(objective, GoalType.MINIMIZE));
            }
        }
        return new double[][] {lo, hi};
    }

    /**
     * The programme of {@code block}'s unknowns with every other unknown fixed at its known value.
     */
    private IntervalProgramme restricted(int[] block, double[] known) {
        Map<Integer, Integer> local = new HashMap<>();
        double[] up = new double[block.length];
        for (int k = 0; k < block.length; k++) {
            local.put(block[k], k);
            up[k] = upper[block[k]];
        }
        List<Row> sub = new ArrayList<>();
        for (Row r : rows) {
            Map<Integer, Double> terms = new LinkedHashMap<>();
            double fixed = 0;
            for (Map.Entry<Integer, Double> t : r.terms().entrySet()) {
                Integer k = local.get(t.getKey());
                if (k == null) {
                    fixed += t.getValue() * known[t.getKey()];
                } else {
                    terms.put(k, t.getValue());
                }
            }
            if (!terms.isEmpty()) {
                sub.add(new Row(terms, r.lo() - fixed, r.hi() - fixed));
            }
        }
        return new IntervalProgramme(up, sub);
    }

    /**
     * Bounds that contain every unknown's interval (its exact interval lies within them), by
     * propagating each row onto each of its unknowns until nothing tightens: cheap, and tight for a
     * lone family.
     */
    double[][] outerBounds() {
        double[] lo = new double[size];
        double[] hi = upper.clone();
        for (int pass = 0; pass < 50; pass++) {
            boolean tightened = false;
            for (Row r : rows) {
                double min = 0;
                double max = 0;
                for (Map.Entry<Integer, Double> t : r.terms().entrySet()) {
                    double a = t.getValue();
                    min += a > 0 ? a * lo[t.getKey()] : a * hi[t.getKey()];
                    max += a > 0 ? a * hi[t.getKey()] : a * lo[t.getKey()];
                }
                for (Map.Entry<Integer, Double> t : r.terms().entrySet()) {
                    int k = t.getKey();
                    double a = t.getValue();
                    double restMin = min - (a > 0 ? a * lo[k] : a * hi[k]);
                    double restMax = max - (a > 0 ? a * hi[k] : a * lo[k]);
                    // lo ≤ a·x + rest ≤ hi  →  (lo − restMax) / a ≤ x ≤ (hi − restMin) / a for a >
                    // 0 (swapped for a < 0)
                    double from = a > 0 ? (r.lo() - restMax) / a : (r.hi() - restMin) / a;
                    double to = a > 0 ? (r.hi() - restMin) / a : (r.lo() - restMax) / a;
                    if (from > lo[k] + 1e-9) {
                        lo[k] = from;
                        tightened = true;
                    }
                    if (to < hi[k] - 1e-9) {
                        hi[k] = to;
                        tightened = true;
                    }
                }
            }
            if (!tightened) {
                break;
            }
        }
        return new double[][] {lo, hi};
    }

    /** The exact interval [lo, hi] of unknown {@code index} (two programmes). */
    double[] exact(int index, double[] known) {
        double[] objective = new double[size];
        objective[index] = 1;
        double lo = Math.min(known[index], solve(objective, GoalType.MINIMIZE)[index]);
        double hi = Math.max(known[index], solve(objective, GoalType.MAXIMIZE)[index]);
        return new double[] {lo, hi};
    }

    private int undecided(double[] lo, double[] hi, Enough enough) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            n += enough.test(i, lo[i], hi[i]) ? 0 : 1;
        }
        return n;
    }

    private static void widen(double[] lo, double[] hi, double[] point) {
        for (int i = 0; i < point.length; i++) {
            lo[i] = Math.min(lo[i], point[i]);
            hi[i] = Math.max(hi[i], point[i]);
        }
    }

    /** The rows and upper bounds as the solver takes them, built once. */
    private LinearConstraintSet constraints() {
        if (constraints == null) {
            List<LinearConstraint> out = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                double[] a = new double[size];
                a[i] = 1;
                out.add(new LinearConstraint(a, Relationship.LEQ, upper[i]));
            }
            for (Row r : rows) {
                double[] a = new double[size];
                r.terms().forEach((k, v) -> a[k] += v);
                if (r.lo() == r.hi()) {
                    out.add(new LinearConstraint(a, Relationship.EQ, r.lo()));
                } else {
                    if (r.lo() > Double.NEGATIVE_INFINITY) {
                        out.add(new LinearConstraint(a, Relationship.GEQ, r.lo()));
                    }
                    if (r.hi() < Double.POSITIVE_INFINITY) {
                        out.add(new LinearConstraint(a, Relationship.LEQ, r.hi()));
                    }
                }
            }
            constraints = new LinearConstraintSet(out);
        }
        return constraints;
    }

    private LinearConstraintSet constraints;

    /**
     * A vertex optimising the objective (Dantzig's rule; Bland's, which cannot cycle, if that does
     * not finish).
     */
    private double[] solve(double[] objective, GoalType goal) {
        solved++;
        LinearObjectiveFunction f = new LinearObjectiveFunction(objective, 0);
        try {
            return optimise(constraints(), f, goal, PivotSelectionRule.DANTZIG);
        } catch (TooManyIterationsException e) {
            return optimise(constraints(), f, goal, PivotSelectionRule.BLAND);
        }
    }

    private static double[] optimise(
            LinearConstraintSet constraints,
            LinearObjectiveFunction f,
            GoalType goal,
            PivotSelectionRule rule) {
        try {
            PointValuePair p =
                    new SimplexSolver(1e-9, 10, 1e-12)
                            .optimize(
                                    new MaxIter(20_000),
                                    f,
                                    constraints,
                                    goal,
                                    new NonNegativeConstraint(true),
                                    rule);
            return p.getPoint();
        } catch (NoFeasibleSolutionException e) {
            throw new IllegalStateException(
                    "the audit's relations have no solution, although the true figures satisfy "
                            + "them: a relation was built wrongly",
                    e);
        }
    }
}
