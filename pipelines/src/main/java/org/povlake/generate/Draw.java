package org.povlake.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Random draws used by the models. Only {@link StrictMath} is used for transcendental functions, so
 * the same seed gives the same bytes on every JVM and platform.
 */
final class Draw {
    private Draw() {}

    static boolean chance(SplittableRandom r, double p) {
        return r.nextDouble() < p;
    }

    /** Uniform integer in [lo, hi], both inclusive. */
    static int between(SplittableRandom r, int lo, int hi) {
        return hi <= lo ? lo : lo + r.nextInt(hi - lo + 1);
    }

    static double uniform(SplittableRandom r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    /** Standard normal (Box–Muller, one value per call). */
    static double gaussian(SplittableRandom r) {
        double u1 = 1.0 - r.nextDouble(); // (0, 1]
        double u2 = r.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1))
                * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    /** Log-normal with the given median and log-scale spread. */
    static double lognormal(SplittableRandom r, double median, double sigma) {
        return median * StrictMath.exp(sigma * gaussian(r));
    }

    /** Poisson count (Knuth for small means, a rounded normal above 30). */
    static int poisson(SplittableRandom r, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + StrictMath.sqrt(mean) * gaussian(r)));
        }
        double limit = StrictMath.exp(-mean);
        double p = 1.0;
        int k = 0;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > limit);
        return k - 1;
    }

    static <T> T oneOf(SplittableRandom r, List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    static <T> T oneOf(SplittableRandom r, T[] items) {
        return items[r.nextInt(items.length)];
    }
}
