package org.povlake.generate;

import java.util.SplittableRandom;

/**
 * A distribution over the calendar year in which something happens (fibre reaches a village, a
 * household exits), with a last bucket "not (yet) by the end of the table" returned as {@link
 * Years#NEVER}.
 */
final class YearWeights {
    private final int first;
    private final double[] weights; // weights[i] for year first + i; the last entry is NEVER

    private YearWeights(int first, double[] weights) {
        this.first = first;
        this.weights = weights;
    }

    /** Weights for {@code first}, {@code first + 1}, ...; the last weight is for "never". */
    static YearWeights from(int first, double... weightsThenNever) {
        return new YearWeights(first, weightsThenNever.clone());
    }

    int pick(SplittableRandom r) {
        return pickAtLeast(r, Integer.MIN_VALUE);
    }

    /** A year ≥ {@code min} (or NEVER), the distribution renormalised over those. */
    int pickAtLeast(SplittableRandom r, int min) {
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            if (eligible(i, min)) {
                total += weights[i];
            }
        }
        if (total <= 0) {
            return Years.NEVER;
        }
        double x = r.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            if (eligible(i, min)) {
                x -= weights[i];
                if (x < 0) {
                    return yearOf(i);
                }
            }
        }
        return Years.NEVER;
    }

    private boolean eligible(int i, int min) {
        return i == weights.length - 1 || first + i >= min;
    }

    private int yearOf(int i) {
        return i == weights.length - 1 ? Years.NEVER : first + i;
    }
}
