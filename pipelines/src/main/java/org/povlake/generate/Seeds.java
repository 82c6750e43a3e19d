package org.povlake.generate;

import java.util.SplittableRandom;

/**
 * Deterministic seeding. Every random stream of the generator is a pure function of the run's seed,
 * the kind of thing it is for and that thing's identity (a household index, a village code, a
 * year...), so a row never depends on the order in which threads ran or on which other rows were
 * generated.
 */
final class Seeds {
    // stream kinds (the numbers only need to differ)
    static final long HOUSEHOLD = 11;
    static final long HOUSEHOLD_YEAR = 12;
    static final long ASSISTANCE = 13;
    static final long CLAIMS = 14;
    static final long TRAINING = 15;
    static final long ORDERS = 16;
    static final long VILLAGE = 21;
    static final long NETWORK = 22;
    static final long COUNTY = 23;
    static final long SCHOOL = 24;
    static final long FACILITY = 25;
    static final long POINT = 26;
    static final long SHOP = 27;
    static final long ALLOCATION = 28;
    static final long FAULTS = 31;

    private Seeds() {}

    /** SplitMix64's finaliser: a bijective, well-mixing 64-bit hash. */
    static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long of(long a, long b) {
        return mix(mix(a) ^ b);
    }

    static long of(long a, long b, long c) {
        return of(of(a, b), c);
    }

    static long of(long a, long b, long c, long d) {
        return of(of(of(a, b), c), d);
    }

    static long of(long a, long b, long c, long d, long e) {
        return of(of(of(of(a, b), c), d), e);
    }

    static SplittableRandom rng(long h) {
        return new SplittableRandom(h);
    }

    /** A uniform double in [0, 1) from a hash. */
    static double unit(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }
}
