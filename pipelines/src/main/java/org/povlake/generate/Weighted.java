package org.povlake.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A fixed discrete distribution over values. */
final class Weighted<T> {
    private final List<T> values;
    private final double[] cumulative;

    private Weighted(List<T> values, double[] weights) {
        this.values = List.copyOf(values);
        this.cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 0) {
                throw new IllegalArgumentException("negative weight");
            }
            sum += weights[i];
            cumulative[i] = sum;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("no positive weight");
        }
    }

    /** Alternating value, weight pairs: {@code Weighted.of("A", 3.0, "B", 1.0)}. */
    @SuppressWarnings("unchecked")
    static <T> Weighted<T> of(Object... pairs) {
        List<T> values = new ArrayList<>();
        double[] weights = new double[pairs.length / 2];
        for (int i = 0; i < pairs.length; i += 2) {
            values.add((T) pairs[i]);
            weights[i / 2] = ((Number) pairs[i + 1]).doubleValue();
        }
        return new Weighted<>(values, weights);
    }

    static <T> Weighted<T> of(List<T> values, double[] weights) {
        return new Weighted<>(values, weights);
    }

    T pick(SplittableRandom r) {
        double x = r.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return values.get(lo);
    }

    List<T> values() {
        return values;
    }
}
