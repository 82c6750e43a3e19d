package org.povlake.assess;

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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The interval of each unknown of a small linear system, by linear programming (Apache Commons Math's simplex
 * solver): unknowns x ≥ 0, each with an upper bound, and rows lo ≤ Σ a·x ≤ hi. For each unknown, {@link #intervals}
 * finds how far it can go down and up while every row holds — what anybody who knows the rows can say about it.
 *
 * <p>A known point of the system (the true figures) seeds every interval, and the vertex of each programme solved
 * widens the intervals of all unknowns at once; an unknown whose interval is already wide enough for {@code enough}
 * is not solved for again. An unknown that is not is minimised and maximised exactly, so its interval is the exact one
 * (of the relaxation to real numbers: the integer interval is never wider).
 */
final class IntervalProgramme {
    /** One row: lo ≤ Σ terms ≤ hi; lo == hi for an equality. */
    record Row(Map<Integer, Double> terms, double lo, double hi) {
    }

    /** Whether an interval [lo, hi] of unknown {@code index} is wide enough (no exact solve needed then). */
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
     * [lo, hi] per unknown (as {@code double[2][size]}); exact where the known point and the vertices met on the way
     * do not already show an interval that is {@code enough}.
     *
     * @param known a point satisfying every row (it seeds each interval)
     * @param seed  the seed of the random objectives that look for wide intervals cheaply (same seed, same answer)
     */
    double[][] intervals(double[] known, Enough enough, long seed) {
        double[] lo = known.clone();
        double[] hi = known.clone();
        List<LinearConstraint> constraints = constraints();
        Random random = new Random(seed);
        for (int round = 0; round < 4 && undecided(lo, hi, enough) > 1; round++) {
            double[] objective = new double[size];
            for (int i = 0; i < size; i++) {
                objective[i] = enough.test(i, lo[i], hi[i]) ? 0 : random.nextBoolean() ? 1 : -1;
            }
            widen(lo, hi, solve(constraints, objective, GoalType.MAXIMIZE));
        }
        for (int i = 0; i < size; i++) {
            if (enough.test(i, lo[i], hi[i])) {
                continue;
            }
            double[] objective = new double[size];
            objective[i] = 1;
            widen(lo, hi, solve(constraints, objective, GoalType.MAXIMIZE));
            if (!enough.test(i, lo[i], hi[i])) {
                widen(lo, hi, solve(constraints, objective, GoalType.MINIMIZE));
            }
        }
        return new double[][]{lo, hi};
    }

    /** The exact interval [lo, hi] of unknown {@code index} (two programmes). */
    double[] exact(int index, double[] known) {
        List<LinearConstraint> constraints = constraints();
        double[] objective = new double[size];
        objective[index] = 1;
        double lo = Math.min(known[index], solve(constraints, objective, GoalType.MINIMIZE)[index]);
        double hi = Math.max(known[index], solve(constraints, objective, GoalType.MAXIMIZE)[index]);
        return new double[]{lo, hi};
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

    private List<LinearConstraint> constraints() {
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
        return out;
    }

    /** A vertex optimising the objective (Dantzig's rule; Bland's, which cannot cycle, if that does not finish). */
    private double[] solve(List<LinearConstraint> constraints, double[] objective, GoalType goal) {
        solved++;
        LinearObjectiveFunction f = new LinearObjectiveFunction(objective, 0);
        try {
            return optimise(constraints, f, goal, PivotSelectionRule.DANTZIG);
        } catch (TooManyIterationsException e) {
            return optimise(constraints, f, goal, PivotSelectionRule.BLAND);
        }
    }

    private static double[] optimise(List<LinearConstraint> constraints, LinearObjectiveFunction f, GoalType goal,
                                     PivotSelectionRule rule) {
        try {
            PointValuePair p = new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(20_000), f,
                    new LinearConstraintSet(constraints), goal, new NonNegativeConstraint(true), rule);
            return p.getPoint();
        } catch (NoFeasibleSolutionException e) {
            throw new IllegalStateException("the audit's relations have no solution, although the true figures satisfy "
                    + "them: a relation was built wrongly", e);
        }
    }
}
