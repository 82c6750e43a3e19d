package org.povlake.ops;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long each step of something took, in the order the steps ran: the one stopwatch of the stages
 * of a run, the steps of a gold year and the tables of a silver build. Safe to share between
 * threads.
 */
public final class Timings {
    /** A step that returns a value and may throw. */
    @FunctionalInterface
    public interface Step<T, E extends Exception> {
        T run() throws E;
    }

    private final Map<String, Double> seconds = Collections.synchronizedMap(new LinkedHashMap<>());

    /**
     * Runs {@code step} and records its seconds under {@code name} when it returns (a failed step
     * is not timed).
     */
    public <T, E extends Exception> T time(String name, Step<T, E> step) throws E {
        long t0 = System.nanoTime();
        T result = step.run();
        seconds.put(name, since(t0));
        return result;
    }

    /** Records a step timed elsewhere. */
    public void record(String name, double secondsTaken) {
        seconds.put(name, secondsTaken);
    }

    /**
     * Reports {@code secondsTaken} of step {@code from} as a step of its own, {@code part} (a part
     * that ran inside it, timed by what ran it).
     */
    public void carve(String from, String part, double secondsTaken) {
        synchronized (seconds) {
            seconds.computeIfPresent(from, (k, v) -> v - secondsTaken);
            seconds.put(part, secondsTaken);
        }
    }

    /** Seconds since {@code nanoTime} (a {@link System#nanoTime()} reading). */
    public static double since(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1e9;
    }

    /** name → seconds, in the order the steps ran (a copy). */
    public Map<String, Double> seconds() {
        synchronized (seconds) {
            return new LinkedHashMap<>(seconds);
        }
    }
}
